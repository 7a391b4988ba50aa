import { readFileSync } from 'node:fs';
import type {
  Duplicate,
  BulkReviewInput,
  DuplicateList,
  FacetCount,
  HighlightSegment,
  HistoryEntry,
  Indicator,
  IpAsset,
  IpAssetView,
  ListingManagement,
  ListingMoney,
  ListingOrganization,
  ListingTransitionInput,
  MaintenanceResult,
  MoneyRange,
  NeedDetail,
  NeedInput,
  Owner,
  RelatedField,
  RenewInput,
  ResultDetail,
  ResultInput,
  ResultPrice,
  ReviewNoteInput,
  SearchFacets,
  SearchHit,
  SearchQuery,
  SearchResponse,
  SearchSuggestions,
  TransitionOutcome,
  UpdateOutcome,
} from '@xkx/contracts';
import type { DuplicateDto } from '../duplicate-finder.service';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  BulkReviewDto,
  DuplicateListDto,
  HistoryEntryDto,
  MaintenanceResultDto,
  RenewDto,
  ReviewNoteDto,
  TransitionDto,
  TransitionResultDto,
  UpdateOutcomeDto,
} from './listing-actions.dto';
import type { IndicatorDto, IpAssetDto, MoneyRangeDto, OwnerDto, PriceDto } from './listing-parts.dto';
import type {
  IpAssetResponseDto,
  ListingManagementDto,
  ListingOrganizationDto,
  MoneyRangeResponseDto,
  NeedResponseDto,
  PriceResponseDto,
  ResultPriceResponseDto,
  ResultResponseDto,
} from './listing-response.dto';
import type { CreateNeedDto } from './need-write.dto';
import type { CreateResultDto } from './result-write.dto';
import type {
  FacetCountDto,
  HighlightSegmentDto,
  RelatedFieldDto,
  SearchFacetsDto,
  SearchHitDto,
  SearchListingsQueryDto,
  SearchResponseDto,
  SearchSuggestionsDto,
} from './search.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<TransitionDto, ListingTransitionInput>(true);
exact<ReviewNoteDto, ReviewNoteInput>(true);
exact<BulkReviewDto, BulkReviewInput>(true);
exact<RenewDto, RenewInput>(true);
exact<TransitionResultDto, TransitionOutcome>(true);
exact<UpdateOutcomeDto, UpdateOutcome>(true);
exact<HistoryEntryDto, HistoryEntry>(true);
exact<DuplicateListDto, DuplicateList>(true);
exact<MaintenanceResultDto, MaintenanceResult>(true);
exact<IndicatorDto, Indicator>(true);
exact<IpAssetDto, IpAsset>(true);
exact<OwnerDto, Owner>(true);
exact<MoneyRangeDto, MoneyRange>(true);
exact<PriceDto, ResultPrice>(true);
exact<ListingOrganizationDto, ListingOrganization>(true);
exact<IpAssetResponseDto, IpAssetView>(true);
exact<MoneyRangeResponseDto, MoneyRange>(true);
exact<ResultPriceResponseDto, ResultPrice>(true);
exact<PriceResponseDto, ListingMoney>(true);
exact<ListingManagementDto, ListingManagement>(true);
exact<ResultResponseDto, ResultDetail>(true);
exact<NeedResponseDto, NeedDetail>(true);
exact<CreateNeedDto, NeedInput>(true);
exact<CreateResultDto, ResultInput>(true);
exact<SearchListingsQueryDto, SearchQuery>(true);
exact<HighlightSegmentDto, HighlightSegment>(true);
exact<SearchHitDto, SearchHit>(true);
exact<FacetCountDto, FacetCount>(true);
exact<SearchFacetsDto, SearchFacets>(true);
exact<SearchResponseDto, SearchResponse>(true);
exact<RelatedFieldDto, RelatedField>(true);
exact<SearchSuggestionsDto, SearchSuggestions>(true);
exact<DuplicateDto, Duplicate>(true);

describe('listings/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
