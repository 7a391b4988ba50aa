import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ENTITY_TYPES, AuditAction, AuditEntityType } from '@xkx/contracts';
import { IsEnum, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageLimit, PageOffset } from '../../../common/http/page-query.dto';
import { DATE_OR_DATE_TIME } from '../../../common/validation/validators';

export class ListAuditLogsQueryDto {
  @ApiPropertyOptional({ enum: Object.values(AuditAction) })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() subjectId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ENTITY_TYPES, description: 'Kind of entity' }) @IsOptional() @IsIn(AUDIT_ENTITY_TYPES) subjectType?: AuditEntityType;
  @ApiPropertyOptional({ description: 'Part of the entity’s code or title' }) @IsOptional() @IsString() @MaxLength(200) subject?: string;
  @ApiPropertyOptional({ description: 'Part of the actor’s name or email' }) @IsOptional() @IsString() @MaxLength(254) actor?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) ip?: string;
  @ApiPropertyOptional({ description: 'Part of the actor email' }) @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(DATE_OR_DATE_TIME) from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(DATE_OR_DATE_TIME) to?: string;

  @PageLimit(50, 200) limit = 50;
  @PageOffset() offset = 0;
}
