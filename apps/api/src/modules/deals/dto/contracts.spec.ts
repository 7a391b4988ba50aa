import { readFileSync } from 'node:fs';
import type {
  BoardColumn,
  BulkReassignInput,
  ClosureDecision,
  ConfidentialView,
  ConfidentialViewsQuery,
  DealBoard,
  DealBoardQuery,
  DealCard,
  DealClosureState,
  DealContractSummary,
  DealCreateInput,
  DealDetail,
  DealEvent,
  DealFilterQuery,
  DealList,
  DealListQuery,
  DealListingRef,
  DealMessage,
  DealMessageInput,
  DealNdaState,
  DealOffer,
  DealOrganization,
  DealParticipant,
  DealPerson,
  DealTransition,
  DealTransitionResult,
  DealUpdate,
  Introduction,
  PersonRef,
  IntroductionAnswer,
  IntroductionList,
  IntroductionListQuery,
  IntroductionRequest,
  NdaAcceptInput,
  NdaAcceptance,
  NdaSignature,
  NdaText,
  NdaVersionInput,
  Objection,
  ObjectionAnswer,
  ObjectionInput,
  ObjectionReceipt,
  OfferAnswer,
  OfferInput,
  ParticipantInput,
  PublicNotice,
  PublicNoticeList,
  PublicNoticeListQuery,
} from '@xkx/contracts';
import { exact, exactQuery, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  AcceptNdaDto,
  AnswerOfferDto,
  ConfidentialViewDto,
  ConfidentialViewsQueryDto,
  CreateNdaVersionDto,
  DealMessageDto,
  DealOfferDto,
  NdaAcceptanceDto,
  NdaVersionDto,
  PostMessageDto,
  ProposeOfferDto,
} from './collaboration.dto';
import type { DealClosureDto, DecideClosureDto } from './deal-closure.dto';
import type {
  BoardColumnDto,
  DealBoardDto,
  DealCardDto,
  DealContractSummaryDto,
  DealDetailDto,
  DealEventDto,
  DealListDto,
  DealListingRefDto,
  DealNdaStateDto,
  DealOrganizationDto,
  DealParticipantDto,
  DealPersonDto,
  DealTransitionResultDto,
  NdaSignatureDto,
  PublicNoticeDto,
  PersonRefDto,
} from './deal-response.dto';
import type {
  BoardQueryDto,
  BulkReassignDto,
  CreateDealDto,
  DealFilterQueryDto,
  ListDealsQueryDto,
  ParticipantInputDto,
  TransitionDealDto,
  UpdateDealDto,
} from './deal-write.dto';
import type {
  AnswerIntroductionDto,
  CreateIntroductionDto,
  IntroductionDto,
  IntroductionListDto,
  ListIntroductionsQueryDto,
} from './introduction.dto';
import type {
  AnswerObjectionDto,
  CreateObjectionDto,
  ListPublicNoticesQueryDto,
  ObjectionDto,
  ObjectionReceiptDto,
  PublicNoticeListDto,
} from './public-notice.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<PostMessageDto, DealMessageInput>(true);
exact<DealMessageDto, DealMessage>(true);
exact<ProposeOfferDto, OfferInput>(true);
exact<AnswerOfferDto, OfferAnswer>(true);
exact<DealOfferDto, DealOffer>(true);
exact<AcceptNdaDto, NdaAcceptInput>(true);
exact<CreateNdaVersionDto, NdaVersionInput>(true);
exact<NdaVersionDto, NdaText>(true);
exact<NdaAcceptanceDto, NdaAcceptance>(true);
exact<ConfidentialViewsQueryDto, ConfidentialViewsQuery>(true);
exact<ConfidentialViewDto, ConfidentialView>(true);
exact<DealClosureDto, DealClosureState>(true);
exact<DecideClosureDto, ClosureDecision>(true);
exact<DealOrganizationDto, DealOrganization>(true);
exact<DealPersonDto, DealPerson>(true);
exact<DealListingRefDto, DealListingRef>(true);
exact<DealCardDto, DealCard>(true);
exact<DealParticipantDto, DealParticipant>(true);
exact<DealNdaStateDto, DealNdaState>(true);
exact<NdaSignatureDto, NdaSignature>(true);
exact<PublicNoticeDto, PublicNotice>(true);
exact<DealContractSummaryDto, DealContractSummary>(true);
exact<DealDetailDto, DealDetail>(true);
exact<DealListDto, DealList>(true);
exact<BoardColumnDto, BoardColumn>(true);
exact<DealBoardDto, DealBoard>(true);
exact<DealEventDto, DealEvent>(true);
exact<DealTransitionResultDto, DealTransitionResult>(true);
exact<ParticipantInputDto, ParticipantInput>(true);
exact<CreateDealDto, DealCreateInput>(true);
exact<UpdateDealDto, DealUpdate>(true);
exact<TransitionDealDto, DealTransition>(true);
exact<DealFilterQueryDto, DealFilterQuery>(true);
exactQuery<ListDealsQueryDto, DealListQuery>(true);
exact<BulkReassignDto, BulkReassignInput>(true);
exact<BoardQueryDto, DealBoardQuery>(true);
exact<CreateIntroductionDto, IntroductionRequest>(true);
exact<AnswerIntroductionDto, IntroductionAnswer>(true);
exactQuery<ListIntroductionsQueryDto, IntroductionListQuery>(true);
exact<IntroductionDto, Introduction>(true);
exact<PersonRefDto, PersonRef>(true);
exact<IntroductionListDto, IntroductionList>(true);
exactQuery<ListPublicNoticesQueryDto, PublicNoticeListQuery>(true);
exact<PublicNoticeListDto, PublicNoticeList>(true);
exact<CreateObjectionDto, ObjectionInput>(true);
exact<ObjectionDto, Objection>(true);
exact<AnswerObjectionDto, ObjectionAnswer>(true);
exact<ObjectionReceiptDto, ObjectionReceipt>(true);

describe('deals/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
