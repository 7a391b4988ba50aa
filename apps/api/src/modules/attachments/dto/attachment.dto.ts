import { ApiProperty } from '@nestjs/swagger';
import { AttachmentCategory, AttachmentSummary, AttachmentTarget } from '@xkx/contracts';
import { IsIn, IsUUID } from 'class-validator';

export class AttachmentTargetQueryDto {
  @ApiProperty({ enum: Object.values(AttachmentTarget) })
  @IsIn(Object.values(AttachmentTarget))
  targetType!: AttachmentTarget;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  targetId!: string;
}

/** The form fields sent with the file (multipart/form-data). */
export class UploadAttachmentDto extends AttachmentTargetQueryDto {
  @ApiProperty({ enum: Object.values(AttachmentCategory) })
  @IsIn(Object.values(AttachmentCategory))
  category!: AttachmentCategory;
}

class AttachmentUploaderDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AttachmentDto implements AttachmentSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Object.values(AttachmentTarget) }) targetType!: AttachmentTarget;
  @ApiProperty({ format: 'uuid' }) targetId!: string;
  @ApiProperty({ enum: Object.values(AttachmentCategory) }) category!: AttachmentCategory;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'Detected from the content at upload' }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty({ type: AttachmentUploaderDto, nullable: true }) uploadedBy!: AttachmentUploaderDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AttachmentListDto {
  @ApiProperty({ type: [AttachmentDto] }) items!: AttachmentDto[];
}
