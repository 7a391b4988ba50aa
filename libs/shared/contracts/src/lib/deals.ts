import type { PeopleContractType, PersonRef } from './experts';
/**
 * Introductions, deals (撮合项目), NDA, public notice (公示), technology contracts (技术合同) and their
 * registration (认定登记). Stage names, reason categories and shapes shared by the API and the web.
 * Contract types and registration fields are NOT here: they are data (admin-editable tables), since
 * the national rules of 2026-01-23 changed them and may change them again.
 */
import type { BulkItem } from './bulk';
import type { LocalizedText } from './error-codes';
import type { ListingKind } from './listings';
import type { DeclineReason } from './matching';
import type { OrganizationKind } from './organizations';
import type { RegistrationStatus } from './tech-contracts';

/** lead → triage → introduced → interested → NDA signed → negotiating → terms agreed → [public notice] → contract signed → registered → paid → closed; or lost. */
export const DealStage = {
  LEAD: 'LEAD',
  TRIAGE: 'TRIAGE',
  INTRODUCED: 'INTRODUCED',
  INTERESTED: 'INTERESTED',
  NDA_SIGNED: 'NDA_SIGNED',
  NEGOTIATING: 'NEGOTIATING',
  TERMS_AGREED: 'TERMS_AGREED',
  PUBLIC_NOTICE: 'PUBLIC_NOTICE',
  CONTRACT_SIGNED: 'CONTRACT_SIGNED',
  REGISTERED: 'REGISTERED',
  PAID: 'PAID',
  CLOSED: 'CLOSED',
  LOST: 'LOST',
} as const;
export type DealStage = (typeof DealStage)[keyof typeof DealStage];

/**
 * What a deal's timeline records. The API stores the code; the web words each one from its catalogue
 * (`deal.event.<kind>`), which is typed against this list so a new kind without words does not compile.
 */
export const DEAL_EVENT_KINDS = [
  'CREATED',
  'STAGE',
  'UPDATED',
  'NEXT_ACTION',
  'PARTICIPANT_ADDED',
  'REASSIGNED',
  'NDA_ACCEPTED',
  'INTRODUCTION_ANSWERED',
  'OFFER_ACCEPTED',
  'CONTRACT_RECORDED',
  'CONTRACT_AMENDED',
  'PAYMENT_RECEIVED',
  'REGISTRATION',
  'NOTICE_OVERRIDE',
  'OBJECTION_ANSWERED',
  'CLOSURE_PROPOSED',
  'CLOSURE_WITHDRAWN',
  'LANDING_RECORDED',
] as const;
export type DealEventKind = (typeof DEAL_EVENT_KINDS)[number];

/** Board columns, left to right. */
export const DEAL_STAGE_ORDER: readonly DealStage[] = Object.values(DealStage);

/** Stages a deal can still leave (everything but closed and lost). */
export const OPEN_DEAL_STAGES: readonly DealStage[] = DEAL_STAGE_ORDER.filter((s) => s !== 'CLOSED' && s !== 'LOST');

export const DEAL_STAGE_LABELS: Record<DealStage, LocalizedText> = {
  LEAD: { 'zh-CN': '线索', en: 'Lead' },
  TRIAGE: { 'zh-CN': '需求诊断', en: 'Triage' },
  INTRODUCED: { 'zh-CN': '已引荐', en: 'Introduced' },
  INTERESTED: { 'zh-CN': '确认意向', en: 'Interest confirmed' },
  NDA_SIGNED: { 'zh-CN': '已签保密协议', en: 'NDA signed' },
  NEGOTIATING: { 'zh-CN': '尽调与谈判', en: 'Due diligence and negotiation' },
  TERMS_AGREED: { 'zh-CN': '条款达成', en: 'Terms agreed' },
  PUBLIC_NOTICE: { 'zh-CN': '公示中', en: 'Public notice' },
  CONTRACT_SIGNED: { 'zh-CN': '合同已签订', en: 'Contract signed' },
  REGISTERED: { 'zh-CN': '合同已登记', en: 'Contract registered' },
  PAID: { 'zh-CN': '履约到账', en: 'Paid' },
  CLOSED: { 'zh-CN': '已结项', en: 'Closed' },
  LOST: { 'zh-CN': '未成交', en: 'Lost' },
};

/** 协议定价 / 挂牌交易 / 拍卖 (促进科技成果转化法 art. 18). */
export const PricingMethod = { AGREEMENT: 'AGREEMENT', LISTING: 'LISTING', AUCTION: 'AUCTION' } as const;
export type PricingMethod = (typeof PricingMethod)[keyof typeof PricingMethod];
export const PRICING_METHOD_LABELS: Record<PricingMethod, LocalizedText> = {
  AGREEMENT: { 'zh-CN': '协议定价', en: 'Priced by agreement' },
  LISTING: { 'zh-CN': '挂牌交易', en: 'Listed on an exchange' },
  AUCTION: { 'zh-CN': '拍卖', en: 'Auction' },
};

/** The broker's answer to an objection (异议) against a public notice: upheld reopens negotiation. */
export const ObjectionDecision = { UPHELD: 'UPHELD', REJECTED: 'REJECTED' } as const;
export type ObjectionDecision = (typeof ObjectionDecision)[keyof typeof ObjectionDecision];
export const OBJECTION_DECISION_LABELS: Record<ObjectionDecision, LocalizedText> = {
  UPHELD: { 'zh-CN': '异议成立', en: 'Upheld' },
  REJECTED: { 'zh-CN': '异议不成立', en: 'Rejected' },
};

/** Calendar days a result priced by agreement stays on the public notice page. */
export const PUBLIC_NOTICE_DAYS = 15;

/** The side of a deal a person stands on. */
export const DealSide = { INSTITUTION: 'INSTITUTION', ENTERPRISE: 'ENTERPRISE', BROKER: 'BROKER' } as const;
export type DealSide = (typeof DealSide)[keyof typeof DealSide];

// ---- Introductions (对接) ----

export const IntroductionOrigin = {
  /** A verified enterprise or researcher asked from a listing page. */
  SELF_REQUEST: 'SELF_REQUEST',
  /** A broker opened it from a match (matching engine suggestion or their own judgement). */
  MATCH: 'MATCH',
  BROKER: 'BROKER',
} as const;
export type IntroductionOrigin = (typeof IntroductionOrigin)[keyof typeof IntroductionOrigin];

/**
 * Whose side an introduction asks: a listing's (the result's institution, the need's enterprise) or, since
 * issue 16, an expert or a laboratory (no result then; expert_id or laboratory_id says who).
 */
export const IntroductionTargetKind = { RESULT: 'RESULT', NEED: 'NEED', EXPERT: 'EXPERT', LABORATORY: 'LABORATORY' } as const;
export type IntroductionTargetKind = (typeof IntroductionTargetKind)[keyof typeof IntroductionTargetKind];

export const IntroductionStatus = { PENDING: 'PENDING', INTERESTED: 'INTERESTED', DECLINED: 'DECLINED' } as const;
export type IntroductionStatus = (typeof IntroductionStatus)[keyof typeof IntroductionStatus];

/** Declines carry a DeclineReason (matching.ts): the same categories the matching engine learns from. */

/**
 * GET /api/deals/:id/closure: a side's 不合适 waiting for the broker. The deal keeps its stage until the
 * broker confirms 未成交 or keeps going; nobody acting closes it after XKX_DECLINE_AUTO_CLOSE_DAYS.
 */
export interface DealClosureState {
  proposed: boolean;
  /** The side's reason in words (decline reason label, then their note). */
  reason: string | null;
  proposedAt: string | null;
  proposedBy: { id: string; name: string } | null;
  /** When the scheduled job closes it if nobody acts. */
  autoCloseAt: string | null;
  /** The caller may confirm or keep going (the deal's broker; an administrator; any broker if it has none). */
  canDecide: boolean;
}

// ---- Offers ----

export const OfferStatus = { PROPOSED: 'PROPOSED', ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED', WITHDRAWN: 'WITHDRAWN' } as const;
export type OfferStatus = (typeof OfferStatus)[keyof typeof OfferStatus];

// ---- Notifications ----

export const NotificationKind = {
  INTRODUCTION_REQUESTED: 'INTRODUCTION_REQUESTED',
  INTRODUCTION_ANSWERED: 'INTRODUCTION_ANSWERED',
  DEAL_STAGE_CHANGED: 'DEAL_STAGE_CHANGED',
  DEAL_MESSAGE: 'DEAL_MESSAGE',
  DEAL_OFFER: 'DEAL_OFFER',
  /** A side answered 不合适 on an introduction: the deal's broker confirms 未成交 or keeps going. */
  DEAL_CLOSURE_PROPOSED: 'DEAL_CLOSURE_PROPOSED',
  /** A broker approved an account's membership of its organization (to the account and the members). */
  MEMBERSHIP_APPROVED: 'MEMBERSHIP_APPROVED',
  MEMBERSHIP_REFUSED: 'MEMBERSHIP_REFUSED',
  /** A reviewer approved a listing, asked for changes or rejected it (to its owner). */
  LISTING_REVIEWED: 'LISTING_REVIEWED',
  /** An administrator verified the organization (to its members). */
  ORGANIZATION_VERIFIED: 'ORGANIZATION_VERIFIED',
  /** The daily digest of overdue to-do items. */
  TODO_DIGEST: 'TODO_DIGEST',
  /** The weekly digest of new matches for one's published listings. */
  MATCH_DIGEST: 'MATCH_DIGEST',
  /** An enterprise asked to use a shared instrument (to the laboratory's organization) and its answer (to the requester). */
  INSTRUMENT_REQUESTED: 'INSTRUMENT_REQUESTED',
  INSTRUMENT_ANSWERED: 'INSTRUMENT_ANSWERED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/** GET /api/notifications: one in-app notification (the same news also goes out by mail). */
export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  title: string;
  titleEn: string | null;
  body: string;
  dealId: string | null;
  /** The deal's code, for its address (/deals/D2026-000004). */
  dealCode: string | null;
  /** Where the news is acted on in the web app (a path such as /workspace/results/…/edit), when not a deal. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationList {
  items: NotificationItem[];
  total: number;
  unread: number;
}

// ---- Shapes of /api/introductions, /api/deals, /api/nda and /api/public-notices (amounts in integer fen) ----

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
  targetKind: IntroductionTargetKind;
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
  /** An introduction to an expert or a laboratory (issue 16): who, and the contract type asked for. */
  person?: PersonRef;
  contractType?: PeopleContractType | null;
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
  /** Ask an expert (or a laboratory) instead of a listing's side; enterprises may name their need (needId). */
  expertId?: string;
  laboratoryId?: string;
  /** The contract the enterprise has in mind: 技术开发, 技术咨询 or 技术服务. */
  contractType?: PeopleContractType;
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
  /** A deal started from an expert or a laboratory (issue 16), and the contract type it carries. */
  person?: PersonRef;
  contractType?: PeopleContractType | null;
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

/** GET /api/deals/board: the broker board's filters; absent is "all". */
export interface DealBoardQuery {
  brokerId?: string;
  organizationId?: string;
  /** Technology field (and its subfields). */
  fieldCode?: string;
}

/** How a deal list is ordered: by default overdue next actions first, then by due date. */
export const DealListSort = { DUE_ASC: 'nextActionDue', DUE_DESC: '-nextActionDue' } as const;
export type DealListSort = (typeof DealListSort)[keyof typeof DealListSort];

/** The filters of GET /api/deals and its Excel export (/api/deals/export.xlsx). */
export interface DealFilterQuery extends DealBoardQuery {
  stage?: DealStage;
  /** Words in the title or code. */
  q?: string;
  /** Next-action date ascending or descending (no date last); absent: overdue first, then by date. */
  sort?: DealListSort;
}

/** GET /api/deals: the filters and a page. */
export interface DealListQuery extends DealFilterQuery {
  limit?: number;
  offset?: number;
}

/** POST /api/deals/bulk-reassign: several deals handed to one broker (an active BROKER account). */
export interface BulkReassignInput {
  brokerId: string;
  items: BulkItem[];
}

export interface DealBoard {
  columns: BoardColumn[];
}

/** GET /api/deals/:id/timeline: one entry; `kind` is one of DEAL_EVENT_KINDS. */
export interface DealEvent {
  at: string;
  actor: DealPerson | null;
  kind: string;
  fromStage: DealStage | null;
  toStage: DealStage | null;
  note: string | null;
  version: number;
}

/** POST /api/deals/:id/transitions. */
export interface DealTransition {
  to: DealStage;
  version: number;
  /** Kept on the timeline; required (the reason) when moving to LOST. */
  note?: string;
  /** Administrators only: why the contract may be signed before the public notice ended. */
  overrideReason?: string;
}

export interface DealTransitionResult {
  stage: DealStage;
  version: number;
  overrideUsed: boolean;
}

/** POST /api/deals/:id/messages. */
export interface DealMessageInput {
  body: string;
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

/** POST /api/deals/:id/offers: while negotiating, anyone in the deal proposes a price and terms. */
export interface OfferInput {
  priceFen: number;
  terms: string;
}

/** POST /api/deals/:id/offers/:offerId/accept|decline. */
export interface OfferAnswer {
  note?: string;
}

/** POST /api/deals/:id/nda/accept: the version read and, optionally, the SHA-256 of the text read. */
export interface NdaAcceptInput {
  version: number;
  textHash?: string;
}

/** The answer to POST /api/deals/:id/nda/accept. */
export interface NdaAcceptance {
  dealId: string;
  ndaVersion: number;
  acceptedAt: string;
  ip: string | null;
  textHash: string | null;
}

/** GET /api/nda/views: whose confidential layer (the listing). */
export interface ConfidentialViewsQuery {
  kind: ListingKind;
  listingId: string;
}

/** A person added to a deal; the side defaults to the account's role. */
export interface ParticipantInput {
  userId: string;
  side?: DealSide;
}

/** POST /api/deals: a broker opens a deal (introductions open theirs themselves). */
export interface DealCreateInput {
  title?: string;
  resultId?: string;
  needId?: string;
  institutionOrgId?: string;
  enterpriseOrgId?: string;
  matchScore?: number;
  pricingMethod?: PricingMethod;
  nextAction?: string;
  nextActionDue?: string;
  participants?: ParticipantInput[];
}

/** PATCH /api/deals/:id, with the version read (stale: 409 VERSION_CONFLICT). */
export interface DealUpdate {
  version: number;
  title?: string;
  pricingMethod?: PricingMethod | null;
  nextAction?: string | null;
  nextActionDue?: string | null;
  /** Normally set by accepting an offer. */
  agreedPriceFen?: number | null;
}

/** POST /api/deals/:id/closure/confirm|keep: the broker's decision on a side's 不合适. */
export interface ClosureDecision {
  version?: number;
  note?: string;
}

/** GET /api/introductions. */
export interface IntroductionListQuery {
  status?: IntroductionStatus;
  /** Parties: only those they made, or only those asked of them. */
  scope?: 'requested' | 'asked';
  limit?: number;
  offset?: number;
}

// ---- Public notices (公示) ----

/** GET /api/public-notices: the portal's 公示 page. */
export interface PublicNoticeList {
  items: PublicNotice[];
  total: number;
}

/** GET /api/public-notices. */
export interface PublicNoticeListQuery {
  /** Also notices whose period has ended. */
  includeEnded?: boolean;
  limit?: number;
  offset?: number;
}

/** What anyone files against a notice during its period (name and contact, so it can be followed up). */
export interface ObjectionInput {
  name: string;
  contact: string;
  body: string;
}

export interface ObjectionReceipt {
  id: string;
  createdAt: string;
}

/** An objection as the deal's broker reads it, with his answer once given. */
export interface Objection {
  id: string;
  name: string;
  contact: string;
  body: string;
  userId: string | null;
  createdAt: string;
  decision: ObjectionDecision | null;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
}

/** The broker's answer: upheld reopens negotiation and withdraws the notice; rejected lets it run out. */
export interface ObjectionAnswer {
  decision: ObjectionDecision;
  answer: string;
}

/**
 * Why a contract is left out of the KPI figures (and reported by `npm run ledger:check`): a break in the
 * chain terms agreed → [public notice over] → signed → registered → paid. The API refuses each of these
 * on write; a record in one of these states came in behind the gates (SQL, an old version).
 */
export const LedgerChainIssue = {
  NO_DEAL: 'NO_DEAL',
  TERMS_NOT_AGREED: 'TERMS_NOT_AGREED',
  NOTICE_NOT_OVER: 'NOTICE_NOT_OVER',
  REGISTERED_BEFORE_SIGNED: 'REGISTERED_BEFORE_SIGNED',
  PAID_BEFORE_SIGNED: 'PAID_BEFORE_SIGNED',
} as const;
export type LedgerChainIssue = (typeof LedgerChainIssue)[keyof typeof LedgerChainIssue];

export const LEDGER_CHAIN_ISSUE_LABELS: Record<LedgerChainIssue, LocalizedText> = {
  NO_DEAL: { 'zh-CN': '未关联撮合项目，无法核实条款达成', en: 'Not linked to a deal: no record that terms were agreed' },
  TERMS_NOT_AGREED: { 'zh-CN': '所属撮合项目尚未进入合同签订阶段', en: 'Its deal has not reached contract signing' },
  NOTICE_NOT_OVER: { 'zh-CN': '须公示 15 日，但签订时公示未期满或异议未全部答复，且无管理员记录的原因', en: 'Needed a 15-day public notice, signed before it ended or with objections unanswered, and no administrator override' },
  REGISTERED_BEFORE_SIGNED: { 'zh-CN': '登记日期早于合同签订日期', en: 'Registered before it was signed' },
  PAID_BEFORE_SIGNED: { 'zh-CN': '到账日期早于合同签订日期', en: 'Money received before it was signed' },
};

/** Deal stages at which its contract has been signed (lost deals count by the stage they were lost from). */
export const SIGNED_DEAL_STAGES: readonly DealStage[] = ['CONTRACT_SIGNED', 'REGISTERED', 'PAID', 'CLOSED'];
