import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FacetCount, HighlightSegment, ListingStatus, NeedType, RelatedField, SEARCH_SORTS, SearchFacets, SearchHit, SearchQuery, SearchResponse, SearchSort, SearchSuggestions, TransferMode } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ListingOrganizationDto, PriceResponseDto } from './listing-response.dto';

const toArray = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export const SORTS = SEARCH_SORTS;

export class SearchListingsQueryDto implements SearchQuery {
  @ApiPropertyOptional({ description: 'Chinese or English text; simplified and traditional both work' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ example: 'NE', description: 'Technology field code; includes its sub-fields' }) @IsOptional() @Matches(/^[A-Z]{2,4}(\.[A-Z0-9]{1,8})*$/) field?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 9 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(9) trlMin?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 9 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(9) trlMax?: number;
  @ApiPropertyOptional({ enum: Object.values(TransferMode), isArray: true, description: 'Transfer (results) or cooperation (needs) modes; any of them' })
  @IsOptional()
  @Transform(toArray)
  @IsArray()
  @IsEnum(TransferMode, { each: true })
  mode?: TransferMode[];
  @ApiPropertyOptional({ description: 'Price/budget range overlapping [moneyMinFen, moneyMaxFen], in fen' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) moneyMinFen?: number;
  @ApiPropertyOptional({ description: 'fen' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) moneyMaxFen?: number;
  @ApiPropertyOptional({ description: 'Include 面议 listings in a money filter (default true)' }) @IsOptional() @Transform(toBool) @IsBoolean() includeNegotiable?: boolean;
  @ApiPropertyOptional({ description: 'The organization: its 统一社会信用代码 (as the organization facet gives it) or its id', example: '91320113MA1XKX0001' })
  @IsOptional()
  @Matches(/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-HJ-NPQRTUWXY]{18})$/i)
  organizationId?: string;
  @ApiPropertyOptional({ enum: Object.values(NeedType), description: 'Needs only' }) @IsOptional() @IsEnum(NeedType) needType?: NeedType;
  @ApiPropertyOptional({ enum: Object.values(ListingStatus), description: 'Brokers only; others always see published listings' }) @IsOptional() @IsEnum(ListingStatus) status?: ListingStatus;
  @ApiPropertyOptional({ enum: SORTS, default: 'relevance' }) @IsOptional() @IsIn(SORTS) sort?: SearchSort;
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional({ description: 'Compute facet counts (default true)' }) @IsOptional() @Transform(toBool) @IsBoolean() facets?: boolean;
}

export class HighlightSegmentDto implements HighlightSegment {
  @ApiProperty() text!: string;
  @ApiProperty() match!: boolean;
}

export class SearchHitDto implements SearchHit {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Results: value proposition; needs: the problem' }) subtitle!: string;
  @ApiProperty({ type: [HighlightSegmentDto] }) titleHighlight!: HighlightSegmentDto[];
  @ApiProperty({ type: [HighlightSegmentDto] }) snippet!: HighlightSegmentDto[];
  @ApiProperty({ type: ListingOrganizationDto, nullable: true }) organization!: ListingOrganizationDto | null;
  @ApiProperty({ type: [String] }) fieldCodes!: string[];
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Results: TRL; needs: minimum TRL' }) trl!: number | null;
  @ApiProperty({ type: PriceResponseDto, description: 'Results: price; needs: budget' }) money!: PriceResponseDto;
  @ApiProperty({ enum: Object.values(TransferMode), isArray: true }) modes!: TransferMode[];
  @ApiProperty({ enum: Object.values(ListingStatus) }) status!: ListingStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty() validUntil!: string;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Needs: 揭榜挂帅 bounty in fen' }) bountyFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
}

export class FacetCountDto implements FacetCount {
  @ApiProperty() value!: string;
  @ApiProperty() count!: number;
  @ApiPropertyOptional() label?: string;
}

export class SearchFacetsDto implements SearchFacets {
  @ApiProperty({ type: [FacetCountDto], description: 'Top-level technology fields' }) fields!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) trl!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) modes!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) organizations!: FacetCountDto[];
}

export class RelatedFieldDto implements RelatedField {
  @ApiProperty({ example: 'NE.BAT' }) code!: string;
  @ApiProperty({ example: '储能与动力电池' }) nameZh!: string;
  @ApiProperty({ example: 'Energy storage and power batteries' }) nameEn!: string;
}

export class SearchSuggestionsDto implements SearchSuggestions {
  @ApiProperty({ type: [String], example: ['锂电池'], description: 'Queries the words may have meant (pinyin or a near spelling → word), each with hits' })
  corrections!: string[];
  @ApiProperty({ type: [RelatedFieldDto] }) relatedFields!: RelatedFieldDto[];
}

export class SearchResponseDto implements SearchResponse {
  @ApiProperty({ type: [SearchHitDto] }) items!: SearchHitDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: SearchFacetsDto, nullable: true }) facets!: SearchFacetsDto | null;
  @ApiProperty({ type: SearchSuggestionsDto, nullable: true, description: 'Only for a text query without a hit' }) suggestions!: SearchSuggestionsDto | null;
}
