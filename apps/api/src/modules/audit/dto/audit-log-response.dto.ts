import { ApiProperty } from '@nestjs/swagger';
import { AuditAction } from '@xkx/contracts';
import { AuditLogEntity } from '../audit-log.entity';

export class AuditLogResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: Object.values(AuditAction) }) action!: AuditAction;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorEmail!: string | null;
  @ApiProperty({ type: String, nullable: true }) subjectType!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) subjectId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;

  static from(e: AuditLogEntity): AuditLogResponseDto {
    return Object.assign(new AuditLogResponseDto(), {
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      action: e.action,
      actorId: e.actorId,
      actorEmail: e.actorEmail,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      ip: e.ip,
      userAgent: e.userAgent,
      details: e.details,
    });
  }
}

export class AuditLogListResponseDto {
  @ApiProperty({ type: [AuditLogResponseDto] }) items!: AuditLogResponseDto[];
  @ApiProperty() total!: number;
}
