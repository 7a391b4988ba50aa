import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BulkReassignInput, DealBoardQuery, DealCreateInput, DealFilterQuery, DealListQuery, DealListSort, DealSide, DealStage, DealTransition, DealUpdate, ParticipantInput, PricingMethod } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsISO8601, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { BulkItemDto, BulkItems } from '../../../common/bulk/bulk.dto';
import { PageLimit, PageOffset } from '../../../common/http/page-query.dto';
import { trim } from '../../../common/validation/transforms';
import { DATE_ONLY, IsFen } from '../../../common/validation/validators';

export class ParticipantInputDto implements ParticipantInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() userId!: string;
  @ApiPropertyOptional({ enum: Object.values(DealSide), description: 'Default: from the user’s role' }) @IsOptional() @IsEnum(DealSide) side?: DealSide;
}

/** A broker opens a deal (introductions open theirs themselves). */
export class CreateDealDto implements DealCreateInput {
  @ApiPropertyOptional({ example: '高镍正极包覆技术许可项目', description: 'Default: the listings’ titles' }) @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() resultId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() needId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the result’s organization' }) @IsOptional() @IsUUID() institutionOrgId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the need’s organization' }) @IsOptional() @IsUUID() enterpriseOrgId?: string;
  @ApiPropertyOptional({ description: 'Score of the match it comes from' }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000) matchScore?: number;
  @ApiPropertyOptional({ enum: Object.values(PricingMethod) }) @IsOptional() @IsEnum(PricingMethod) pricingMethod?: PricingMethod;
  @ApiPropertyOptional({ example: '电话联系企业确认预算' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) nextAction?: string;
  @ApiPropertyOptional({ example: '2026-04-01' }) @IsOptional() @IsISO8601({ strict: true }) @Matches(DATE_ONLY) nextActionDue?: string;
  @ApiPropertyOptional({ type: [ParticipantInputDto], description: 'Researchers, enterprise contacts and further brokers; the creating broker joins anyway' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ParticipantInputDto) participants?: ParticipantInputDto[];
}

export class UpdateDealDto implements DealUpdate {
  @ApiProperty({ description: 'The version you read; stale → 409' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @Transform(trim) @IsString() @MaxLength(300) nextAction?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-04-01' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsISO8601({ strict: true }) @Matches(DATE_ONLY) nextActionDue?: string | null;
  @ApiPropertyOptional({ enum: Object.values(PricingMethod), nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsEnum(PricingMethod) pricingMethod?: PricingMethod | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'fen; normally set by accepting an offer' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsFen() agreedPriceFen?: number | null;
}

export class TransitionDealDto implements DealTransition {
  @ApiProperty({ enum: Object.values(DealStage) }) @IsEnum(DealStage) to!: DealStage;
  @ApiProperty({ description: 'The version you read; stale → 409 VERSION_CONFLICT' }) @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ description: 'Kept on the timeline; required (the reason) when moving to LOST' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'Administrators only: why the contract may be signed before the public notice ended' })
  @IsOptional() @Transform(trim) @IsString() @MinLength(4) @MaxLength(2000) overrideReason?: string;
}

/** The filters of a deal list, shared by the list and its Excel export. */
export class DealFilterQueryDto implements DealFilterQuery {
  @ApiPropertyOptional({ enum: Object.values(DealStage) }) @IsOptional() @IsEnum(DealStage) stage?: DealStage;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() brokerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Institution or enterprise' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ example: 'NE', description: 'Technology field (and its subfields)' }) @IsOptional() @IsString() @MaxLength(40) fieldCode?: string;
  @ApiPropertyOptional({ description: 'Words in the title or code' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: Object.values(DealListSort), description: 'Next-action date ascending or descending (no date last); default: overdue first, then by date' })
  @IsOptional() @IsEnum(DealListSort) sort?: DealListSort;
}

export class ListDealsQueryDto extends DealFilterQueryDto implements DealListQuery {
  @PageLimit(50, 200) limit = 50;
  @PageOffset() offset = 0;
}

/** Several deals handed to one broker (an active BROKER account). */
export class BulkReassignDto implements BulkReassignInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID() brokerId!: string;
  @BulkItems() items!: BulkItemDto[];
}

export class BoardQueryDto implements DealBoardQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() brokerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ example: 'NE' }) @IsOptional() @IsString() @MaxLength(40) fieldCode?: string;
}
