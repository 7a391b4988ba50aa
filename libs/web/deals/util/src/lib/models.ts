import {
  DealSide,
  DealStage,
  DeclineReason,
  IntroductionOrigin,
  IntroductionStatus,
  ListingKind,
  OfferStatus,
  OrganizationKind,
  PricingMethod,
  RegistrationStatus,
} from '@xkx/contracts';

// Response shapes of /api/introductions and /api/deals, as the OpenAPI document describes them;
// @xkx/contracts holds the stage names and labels they build on. Amounts are integer fen.

export interface DealOrganization {
  id: string;
  nameZh: string;
  kind: OrganizationKind;
}

export interface DealPerson {
  id: string;
  name: string;
}

export interface DealListingRef {
  id: string;
  kind: ListingKind;
  code: string;
  title: string;
}

export interface Introduction {
  id: string;
  origin: IntroductionOrigin;
  status: IntroductionStatus;
  requester: DealPerson;
  requesterOrganization: string | null;
  targetKind: ListingKind;
  result: DealListingRef | null;
  need: DealListingRef | null;
  message: string;
  matchScore: number | null;
  declineReason: DeclineReason | null;
  answerNote: string | null;
  answeredAt: string | null;
  dealId: string | null;
  /** The deal's code, for its address (/deals/D2026-000004). */
  dealCode: string | null;
  canAnswer: boolean;
  createdAt: string;
}

export interface IntroductionList {
  items: Introduction[];
  total: number;
}

export interface IntroductionRequest {
  resultId?: string;
  needId?: string;
  message: string;
  /** Brokers: whose side is asked (default RESULT). */
  targetKind?: ListingKind;
  matchScore?: number;
}

export interface IntroductionAnswer {
  answer: 'INTERESTED' | 'DECLINED';
  reason?: DeclineReason;
  note?: string;
}

export interface DealCard {
  id: string;
  code: string;
  title: string;
  stage: DealStage;
  stageChangedAt: string;
  /** Stages the state machine allows next (guards are checked on the move). */
  allowedStages: DealStage[];
  institution: DealOrganization;
  enterprise: DealOrganization;
  brokers: DealPerson[];
  fieldCodes: string[];
  nextAction: string | null;
  nextActionDue: string | null;
  overdue: boolean;
  agreedPriceFen: number | null;
  updatedAt: string;
  version: number;
}

export interface DealParticipant {
  userId: string;
  name: string;
  side: DealSide;
  organizationName: string | null;
  ndaVersion: number | null;
  ndaAcceptedAt: string | null;
}

export interface DealNdaState {
  currentVersion: number;
  available: boolean;
  acceptedByMe: boolean;
  pendingParties: number;
  /** Every party signed and each side has a signature (a deal with no parties yet is not signed). */
  allSigned: boolean;
  signatures: NdaSignature[];
}

/** One signature record: who, when, from where (brokers only), which version, the hash of the text. */
export interface NdaSignature {
  userId: string;
  name: string;
  side: DealSide;
  ndaVersion: number;
  signedAt: string;
  ip: string | null;
  textHash: string | null;
}

/** The NDA text parties read before signing. */
export interface NdaText {
  version: number;
  title: string;
  body: string;
  createdAt: string;
  /** Who published it; null for the text shipped with the platform. */
  createdByName: string | null;
  textHash: string;
}

/** A new NDA version as an administrator publishes it. */
export interface NdaVersionInput {
  title: string;
  body: string;
  reason: string;
}

/** One disclosure of a listing's confidential layer (GET /api/nda/views). */
export interface ConfidentialView {
  viewerId: string;
  viewerName: string;
  organizationName: string | null;
  basis: 'NDA' | 'BROKER';
  at: string;
}

export interface PublicNotice {
  id: string;
  dealId: string;
  title: string;
  intendedPriceFen: number;
  institutionName: string;
  enterpriseName: string;
  transferMode: string | null;
  /** 协议定价 / 挂牌交易 / 拍卖, as the deal had it when the notice opened. */
  pricingMethod: PricingMethod | null;
  startsOn: string;
  endsOn: string;
  ended: boolean;
  withdrawn: boolean;
  objectionCount: number;
  /** Objections still without the broker's answer: the notice is not over while any remain. */
  openObjectionCount: number;
}

export interface DealContractSummary {
  id: string;
  code: string;
  typeCode: string;
  projectName: string;
  contractAmountFen: number;
  technicalAmountFen: number;
  receivedFen: number;
  registrationStatus: RegistrationStatus;
}

export interface DealDetail extends DealCard {
  result: DealListingRef | null;
  need: DealListingRef | null;
  introductionId: string | null;
  origin: IntroductionOrigin;
  matchScore: number | null;
  pricingMethod: PricingMethod | null;
  publicNoticeRequired: boolean;
  publicNotice: PublicNotice | null;
  participants: DealParticipant[];
  nda: DealNdaState;
  contracts: DealContractSummary[];
  lostReason: string | null;
  lostFromStage: DealStage | null;
  noticeOverrideReason: string | null;
  mySide: DealSide;
}

export interface DealList {
  items: DealCard[];
  total: number;
}

export interface BoardColumn {
  stage: DealStage;
  /** Columns a card of this column may be dropped on. */
  allowedStages: DealStage[];
  deals: DealCard[];
}

/** The broker board's filters (GET /api/deals/board); null is "all". */
export interface BoardFilter {
  brokerId: string | null;
  fieldCode: string | null;
  organizationId: string | null;
}

/** The list view's query: the board's filters, words in the title or code, and the next-action order. */
export interface DealListFilter extends BoardFilter {
  q: string | null;
  /** Next-action date ascending or descending; null: overdue first, then by date. */
  sort: 'nextActionDue' | '-nextActionDue' | null;
}

export interface DealBoard {
  columns: BoardColumn[];
}

export interface DealEvent {
  at: string;
  actor: DealPerson | null;
  kind: string;
  fromStage: DealStage | null;
  toStage: DealStage | null;
  note: string | null;
  version: number;
}

export interface DealTransition {
  to: DealStage;
  version: number;
  note?: string;
}

export interface DealTransitionResult {
  stage: DealStage;
  version: number;
  overrideUsed: boolean;
}

export interface DealMessage {
  id: string;
  authorId: string;
  authorName: string;
  authorSide: DealSide;
  body: string;
  createdAt: string;
}

export interface DealOffer {
  id: string;
  proposedById: string;
  proposedByName: string;
  side: DealSide;
  priceFen: number;
  terms: string;
  status: OfferStatus;
  answeredById: string | null;
  answeredAt: string | null;
  answerNote: string | null;
  createdAt: string;
}
