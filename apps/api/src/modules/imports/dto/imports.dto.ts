import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ImportDecision, ImportJob, ImportRowError, ImportStatus, ListingKind } from '@xkx/contracts';
import { IsBoolean, IsEnum, IsIn, IsOptional } from 'class-validator';

export class ImportKindQueryDto {
  @ApiProperty({ enum: Object.values(ListingKind) }) @IsEnum(ListingKind) kind!: ListingKind;
}

export class DecideImportDto implements ImportDecision {
  @ApiProperty({ enum: ['VALID', 'NONE'], description: 'Import the valid rows (all in one transaction), or none' }) @IsIn(['VALID', 'NONE']) mode!: 'VALID' | 'NONE';
  @ApiPropertyOptional({ description: 'Publish the imported listings at once (brokers are reviewers); default: drafts' }) @IsOptional() @IsBoolean() publish?: boolean;
}

export class ImportErrorDto implements ImportRowError {
  @ApiProperty({ description: 'Spreadsheet row (header = 1)' }) row!: number;
  @ApiProperty({ example: '技术领域代码*' }) column!: string;
  @ApiProperty({ example: 'fieldCodes' }) field!: string;
  @ApiProperty() message!: string;
}

export class ImportJobDto implements ImportJob {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Object.values(ListingKind) }) kind!: ListingKind;
  @ApiProperty({ enum: ['VALIDATED', 'IMPORTING', 'DONE', 'FAILED', 'CANCELLED'] }) status!: ImportStatus;
  @ApiProperty() fileName!: string;
  @ApiProperty() totalRows!: number;
  @ApiProperty() validRows!: number;
  @ApiProperty({ description: 'Rows written so far (while IMPORTING)' }) processedRows!: number;
  @ApiProperty() importedRows!: number;
  @ApiProperty({ type: [ImportErrorDto] }) errors!: ImportErrorDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
}
