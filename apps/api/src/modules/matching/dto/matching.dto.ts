import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeclineReason, FeedbackRecorded, ListingKind, Match, MatchComponents, MatchCounterpart, MatchFeedback, MatchList, MatchQuery, MatchReasonView, MatchVerdict, OpportunitiesQuery, Opportunity, OpportunityList, TransferMode } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ListingOrganizationDto, PriceResponseDto } from '@xkx/api/modules/listings/dto/listing-response.dto';

export class MatchQueryDto implements MatchQuery {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class MatchComponentsDto implements MatchComponents {
  @ApiProperty() text!: number;
  @ApiProperty() semantic!: number;
  @ApiProperty({ description: 'Text relevance in [0, 1]' }) relevance!: number;
  @ApiProperty({ description: 'Field proximity in [-1, 1]' }) field!: number;
  @ApiProperty() trl!: number;
  @ApiProperty() price!: number;
  @ApiProperty() modes!: number;
  @ApiProperty() freshness!: number;
  @ApiProperty() feedback!: number;
  @ApiProperty({ description: 'Dense word-vector similarity in [0, 1]; 0 while the market is too small to train the layer' }) dense!: number;
}

export class MatchReasonDto implements MatchReasonView {
  @ApiProperty({ example: 'SHARED_TERMS' }) code!: string;
  @ApiProperty({ name: 'zh-CN', example: '共同关键词：锂离子电池、正极' }) 'zh-CN'!: string;
  @ApiProperty({ example: 'Shared key terms: …' }) en!: string;
  @ApiPropertyOptional({ type: [String] }) terms?: string[];
}

/** The other side of a pair: its public layer only. */
export class MatchCounterpartDto implements MatchCounterpart {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Object.values(ListingKind) }) kind!: ListingKind;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() subtitle!: string;
  @ApiProperty() publicSummary!: string;
  @ApiProperty({ type: ListingOrganizationDto, nullable: true }) organization!: ListingOrganizationDto | null;
  @ApiProperty({ type: [String] }) fieldCodes!: string[];
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ type: Number, nullable: true }) trl!: number | null;
  @ApiProperty({ type: PriceResponseDto }) money!: PriceResponseDto;
  @ApiProperty({ enum: Object.values(TransferMode), isArray: true }) modes!: TransferMode[];
}

export class MatchDto implements Match {
  @ApiProperty({ description: 'Overall score in [0, 1]' }) score!: number;
  @ApiProperty({ type: MatchComponentsDto }) components!: MatchComponentsDto;
  @ApiProperty({ type: [MatchReasonDto] }) reasons!: MatchReasonDto[];
  @ApiProperty({ type: MatchCounterpartDto }) counterpart!: MatchCounterpartDto;
  @ApiProperty({ enum: ['ALGORITHM'] }) origin!: 'ALGORITHM';
  @ApiProperty({ enum: [...Object.values(MatchVerdict), 'NONE'], description: 'Latest verdict on this pair' }) verdict!: MatchVerdict | 'NONE';
}

export class MatchListDto implements MatchList {
  @ApiProperty({ type: [MatchDto] }) items!: MatchDto[];
}

export class MatchFeedbackDto implements MatchFeedback {
  @ApiProperty({ format: 'uuid' }) @IsUUID() needId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() resultId!: string;
  @ApiProperty({ enum: Object.values(MatchVerdict) }) @IsEnum(MatchVerdict) verdict!: MatchVerdict;
  @ApiPropertyOptional({ enum: Object.values(DeclineReason), description: 'Required when declining' })
  @ValidateIf((o: MatchFeedbackDto) => o.verdict === 'DECLINED')
  @IsEnum(DeclineReason)
  reason?: DeclineReason;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class FeedbackRecordedDto implements FeedbackRecorded {
  @ApiProperty({ enum: Object.values(MatchVerdict) }) verdict!: MatchVerdict;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class OpportunitiesQueryDto implements OpportunitiesQuery {
  @ApiPropertyOptional({ example: 'NE' }) @IsOptional() @Matches(/^[A-Z]{2,4}(\.[A-Z0-9]{1,8})*$/) field?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional({ description: 'Record this look, so the next call shows only newer pairs (default true)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean()
  markSeen?: boolean;
}

export class OpportunityDto implements Opportunity {
  @ApiProperty({ type: MatchCounterpartDto }) need!: MatchCounterpartDto;
  @ApiProperty({ type: MatchCounterpartDto }) result!: MatchCounterpartDto;
  @ApiProperty() score!: number;
  @ApiProperty({ type: MatchComponentsDto }) components!: MatchComponentsDto;
  @ApiProperty({ type: [MatchReasonDto] }) reasons!: MatchReasonDto[];
}

export class OpportunityListDto implements OpportunityList {
  @ApiProperty({ type: [OpportunityDto] }) items!: OpportunityDto[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'The previous look; pairs are newer than this' }) since!: string | null;
}
