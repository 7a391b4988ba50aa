/**
 * Introductions, deals (撮合项目), NDA, public notice (公示), technology contracts (技术合同) and their
 * registration (认定登记). Stage names, reason categories and shapes shared by the API and the web.
 * Contract types and registration fields are NOT here: they are data (admin-editable tables), since
 * the national rules of 2026-01-23 changed them and may change them again.
 */
import type { LocalizedText } from './error-codes';

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

// ---- Technology contracts (技术合同) ----

/** 登记表 主体性质: the legal-person type of a contract party. */
export const LegalPersonType = {
  GOVERNMENT_ORGAN: 'GOVERNMENT_ORGAN',
  RESEARCH_INSTITUTE: 'RESEARCH_INSTITUTE',
  UNIVERSITY: 'UNIVERSITY',
  MEDICAL_INSTITUTION: 'MEDICAL_INSTITUTION',
  OTHER_PUBLIC_INSTITUTION: 'OTHER_PUBLIC_INSTITUTION',
  ENTERPRISE: 'ENTERPRISE',
  SOCIAL_ORGANIZATION: 'SOCIAL_ORGANIZATION',
  OTHER_ORGANIZATION: 'OTHER_ORGANIZATION',
  INDIVIDUAL_BUSINESS: 'INDIVIDUAL_BUSINESS',
  NATURAL_PERSON: 'NATURAL_PERSON',
} as const;
export type LegalPersonType = (typeof LegalPersonType)[keyof typeof LegalPersonType];
export const LEGAL_PERSON_TYPE_LABELS: Record<LegalPersonType, LocalizedText> = {
  GOVERNMENT_ORGAN: { 'zh-CN': '机关法人', en: 'Government organ' },
  RESEARCH_INSTITUTE: { 'zh-CN': '科研机构', en: 'Research institute' },
  UNIVERSITY: { 'zh-CN': '高等院校', en: 'University' },
  MEDICAL_INSTITUTION: { 'zh-CN': '医疗卫生机构', en: 'Medical institution' },
  OTHER_PUBLIC_INSTITUTION: { 'zh-CN': '其他事业法人', en: 'Other public institution' },
  ENTERPRISE: { 'zh-CN': '企业法人', en: 'Enterprise' },
  SOCIAL_ORGANIZATION: { 'zh-CN': '社团法人', en: 'Social organization' },
  OTHER_ORGANIZATION: { 'zh-CN': '其他组织', en: 'Other organization' },
  INDIVIDUAL_BUSINESS: { 'zh-CN': '个体经营者', en: 'Individual business' },
  NATURAL_PERSON: { 'zh-CN': '自然人', en: 'Natural person' },
};

/** 认定登记: not submitted → submitted → registered | refused (未予登记) → (resubmitted). */
export const RegistrationStatus = {
  NOT_SUBMITTED: 'NOT_SUBMITTED',
  SUBMITTED: 'SUBMITTED',
  REGISTERED: 'REGISTERED',
  REFUSED: 'REFUSED',
} as const;
export type RegistrationStatus = (typeof RegistrationStatus)[keyof typeof RegistrationStatus];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, LocalizedText> = {
  NOT_SUBMITTED: { 'zh-CN': '未申请登记', en: 'Not submitted' },
  SUBMITTED: { 'zh-CN': '登记审核中', en: 'Submitted' },
  REGISTERED: { 'zh-CN': '已认定登记', en: 'Registered' },
  REFUSED: { 'zh-CN': '未予登记', en: 'Refused' },
};

/** Registration moves: submitted once, registered or refused (未予登记), refused may be resubmitted. API and web read this one table. */
export const REGISTRATION_MOVES: Readonly<Record<RegistrationStatus, readonly RegistrationStatus[]>> = {
  NOT_SUBMITTED: ['SUBMITTED'],
  SUBMITTED: ['REGISTERED', 'REFUSED', 'NOT_SUBMITTED'],
  REFUSED: ['SUBMITTED'],
  REGISTERED: [],
};

export function canMoveRegistration(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return REGISTRATION_MOVES[from].includes(to);
}

/** Value types a configurable registration field may hold. */
/** PATENT: a Chinese patent number, checked by the one validator in libs/shared/util (isValidPatentNumber). */
export const RegistrationFieldType = { TEXT: 'TEXT', FEN: 'FEN', INTEGER: 'INTEGER', DATE: 'DATE', BOOLEAN: 'BOOLEAN', CHOICE: 'CHOICE', PATENT: 'PATENT' } as const;
export type RegistrationFieldType = (typeof RegistrationFieldType)[keyof typeof RegistrationFieldType];

/** GET /api/contract-types: a contract type (技术合同类型) as data; a type with subtypes is chosen by one of its subtypes. */
export interface ContractType {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  asksInvestment: boolean;
  sort: number;
  active: boolean;
}

/** GET /api/registration-fields: a field of the 登记表 beyond the core columns, configured by administrators. */
export interface RegistrationField {
  key: string;
  labelZh: string;
  labelEn: string;
  valueType: RegistrationFieldType;
  required: boolean;
  /** Type codes (or their prefixes) it applies to; empty: all. */
  contractTypes: string[];
  options: string[];
  sort: number;
  active: boolean;
}

/** Amounts of one contract, all integer fen. technical = contract − nonTechnical; received ≤ contract. */
export interface ContractAmounts {
  /** 合同成交额 */
  contractAmountFen: number;
  /** 非技术性费用 (equipment, materials …) */
  nonTechnicalCostFen: number;
  /** 技术交易额 */
  technicalAmountFen: number;
  /** 实际到账 (sum of received payments) */
  receivedFen: number;
  /** contract − received */
  outstandingFen: number;
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
