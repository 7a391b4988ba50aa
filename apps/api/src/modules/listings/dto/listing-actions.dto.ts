import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BulkReviewInput, DuplicateList, HistoryEntry, ListingReviewDecision, ListingStatus, ListingTransitionInput, MaintenanceResult, RenewInput, ReviewNoteInput, TransitionOutcome, UpdateOutcome } from '@xkx/contracts';
import { IsEnum, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { BulkItemDto, BulkItems } from '../../../common/bulk/bulk.dto';
import { DuplicateDto } from '../duplicate-finder.service';

export class TransitionDto implements ListingTransitionInput {
  @ApiPropertyOptional({ description: 'The version you read; stale → 409' }) @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ description: "Reviewer's note (required to request changes or reject)" }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ReviewNoteDto implements ReviewNoteInput {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiProperty({ example: '请补充中试数据与专利授权情况' }) @IsString() @MinLength(2) @MaxLength(2000) note!: string;
}

/** Several listings of the queue decided at once; the note is each listing's review note. */
export class BulkReviewDto implements BulkReviewInput {
  @ApiProperty({ enum: Object.values(ListingReviewDecision) }) @IsEnum(ListingReviewDecision) decision!: ListingReviewDecision;
  @ApiPropertyOptional({ description: 'Required (2+ characters) to request changes or reject' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @BulkItems() items!: BulkItemDto[];
}

export class RenewDto implements RenewInput {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ example: '2027-12-31', description: 'Default: one year from today' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) validUntil?: string;
}

export class TransitionResultDto implements TransitionOutcome {
  @ApiProperty({ enum: Object.values(ListingStatus) }) status!: ListingStatus;
  @ApiProperty({ description: 'The listing version after the move' }) version!: number;
  @ApiProperty({ type: [DuplicateDto], description: 'On submit: listings that may be the same (shown to submitter and reviewer)' }) duplicates!: DuplicateDto[];
}

export class UpdateOutcomeDto implements UpdateOutcome {
  @ApiProperty({ enum: Object.values(ListingStatus), description: 'PUBLISHED → SUBMITTED when material fields changed' }) status!: ListingStatus;
  @ApiProperty({ type: [String] }) changedFields!: string[];
  @ApiProperty() version!: number;
}

export class HistoryEntryDto implements HistoryEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null for the system (expiry job)' }) actorName!: string | null;
  @ApiProperty({ description: 'See LISTING_HISTORY_ACTION_LABELS in @xkx/contracts' }) action!: string;
  @ApiProperty({ enum: Object.values(ListingStatus), nullable: true }) fromStatus!: ListingStatus | null;
  @ApiProperty({ enum: Object.values(ListingStatus), nullable: true }) toStatus!: ListingStatus | null;
  @ApiProperty({ type: [String] }) changedFields!: string[];
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() version!: number;
}

export class DuplicateListDto implements DuplicateList {
  @ApiProperty({ type: [DuplicateDto] }) items!: DuplicateDto[];
}

export class MaintenanceResultDto implements MaintenanceResult {
  @ApiProperty() warned!: number;
  @ApiProperty() expired!: number;
}
