import { ApiProperty } from '@nestjs/swagger';
import { AuditAction, AuditActorView, AuditChangeView, AuditDetailView, AuditEntryList, AuditEntryView, AuditSubjectView, LocalizedText } from '@xkx/contracts';

export class LocalizedTextDto implements LocalizedText {
  @ApiProperty({ name: 'zh-CN' }) 'zh-CN'!: string;
  @ApiProperty() en!: string;
}

export class AuditChangeDto implements AuditChangeView {
  @ApiProperty({ description: 'Field name (stable key)' }) field!: string;
  @ApiProperty({ type: LocalizedTextDto }) label!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) from!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) to!: LocalizedTextDto;
}

export class AuditFactDto implements AuditDetailView {
  @ApiProperty() field!: string;
  @ApiProperty({ type: LocalizedTextDto }) label!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) value!: LocalizedTextDto;
}

export class AuditActorDto implements AuditActorView {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

export class AuditSubjectDto implements AuditSubjectView {
  @ApiProperty() type!: string;
  @ApiProperty({ type: LocalizedTextDto }) typeLabel!: LocalizedTextDto;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) id!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'How people know it: code and title' }) label!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Web path of its page' }) path!: string | null;
}

/** One entry, raw fields plus the same in people's words (labels, before → after). */
export class AuditLogResponseDto implements AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ enum: Object.values(AuditAction) }) action!: AuditAction;
  @ApiProperty({ type: LocalizedTextDto }) actionLabel!: LocalizedTextDto;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorEmail!: string | null;
  @ApiProperty({ type: AuditActorDto, nullable: true }) actor!: AuditActorDto | null;
  @ApiProperty({ type: String, nullable: true }) subjectType!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) subjectId!: string | null;
  @ApiProperty({ type: AuditSubjectDto, nullable: true }) subject!: AuditSubjectDto | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: [AuditChangeDto] }) changes!: AuditChangeDto[];
  @ApiProperty({ type: [AuditFactDto] }) facts!: AuditFactDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The recorded details as stored' }) details!: Record<string, unknown>;
}

export class AuditLogListResponseDto implements AuditEntryList {
  @ApiProperty({ type: [AuditLogResponseDto] }) items!: AuditLogResponseDto[];
  @ApiProperty() total!: number;
}
