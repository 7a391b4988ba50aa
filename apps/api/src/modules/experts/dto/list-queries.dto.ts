import { ApiPropertyOptional } from '@nestjs/swagger';
import { ExpertCooperationMode, ExpertListQuery, ExpertTitle, LaboratoryKind, LaboratoryListQuery } from '@xkx/contracts';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageLimit, PageOffset } from '../../../common/http/page-query.dto';
import { FIELD_CODE } from '@xkx/api/modules/listings/dto/result-write.dto';

export class ListExpertsQueryDto implements ExpertListQuery {
  @ApiPropertyOptional({ description: 'Chinese text: name, directions, outputs (the listings’ text pipeline)' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ example: 'NE' }) @IsOptional() @Matches(FIELD_CODE) field?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() laboratoryId?: string;
  @ApiPropertyOptional({ enum: Object.values(ExpertTitle) }) @IsOptional() @IsEnum(ExpertTitle) title?: ExpertTitle;
  @ApiPropertyOptional({ enum: Object.values(ExpertCooperationMode) }) @IsOptional() @IsEnum(ExpertCooperationMode) mode?: ExpertCooperationMode;
  @PageLimit(20, 100) limit = 20;
  @PageOffset() offset = 0;
}

export class ListLaboratoriesQueryDto implements LaboratoryListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: Object.values(LaboratoryKind) }) @IsOptional() @IsEnum(LaboratoryKind) kind?: LaboratoryKind;
  @ApiPropertyOptional({ example: 'NM' }) @IsOptional() @Matches(FIELD_CODE) field?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @PageLimit(20, 100) limit = 20;
  @PageOffset() offset = 0;
}
