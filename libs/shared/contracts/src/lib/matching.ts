import type { ListingKind, ListingMoney, ListingOrganization, TransferMode } from './listings';

/** Why a broker or owner declined a suggested pair (IN-PART's categories). */
export const DeclineReason = {
  TOO_EARLY_STAGE: 'TOO_EARLY_STAGE',
  BENEFIT_UNCLEAR: 'BENEFIT_UNCLEAR',
  COMMERCIAL_ROUTE_UNCLEAR: 'COMMERCIAL_ROUTE_UNCLEAR',
  DESCRIPTION_UNCLEAR: 'DESCRIPTION_UNCLEAR',
  NOT_A_FIT: 'NOT_A_FIT',
  OTHER: 'OTHER',
} as const;
export type DeclineReason = (typeof DeclineReason)[keyof typeof DeclineReason];

export const DECLINE_REASON_LABELS: Record<DeclineReason, { 'zh-CN': string; en: string }> = {
  TOO_EARLY_STAGE: { 'zh-CN': '技术成熟度不足', en: 'Too early stage' },
  BENEFIT_UNCLEAR: { 'zh-CN': '相对现有方案优势不明确', en: 'Benefit over existing solutions unclear' },
  COMMERCIAL_ROUTE_UNCLEAR: { 'zh-CN': '商业化路径不清晰', en: 'Commercial route unclear' },
  DESCRIPTION_UNCLEAR: { 'zh-CN': '描述不清楚', en: 'Description unclear' },
  NOT_A_FIT: { 'zh-CN': '不匹配', en: 'Not a fit' },
  OTHER: { 'zh-CN': '其他', en: 'Other' },
};

export const MatchVerdict = { GOOD: 'GOOD', DECLINED: 'DECLINED' } as const;
export type MatchVerdict = (typeof MatchVerdict)[keyof typeof MatchVerdict];

/** The score components a broker can check; relevance in [0, 1], factors in [-1, 1]. */
export interface MatchComponents {
  text: number;
  semantic: number;
  relevance: number;
  field: number;
  trl: number;
  price: number;
  modes: number;
  freshness: number;
  feedback: number;
  /** The dense layer's cosine, scaled to [0, 1] over the candidates; 0 while the market is too small to train it. */
  dense: number;
}

export interface MatchReasonView {
  code: string;
  'zh-CN': string;
  en: string;
  terms?: string[];
}

// ---- Shapes of /api/{needs|results}/:id/matches, /api/matches/feedback and /api/matches/opportunities ----

/** One side of a pair: its public layer only. */
export interface MatchCounterpart {
  id: string;
  kind: ListingKind;
  code: string;
  title: string;
  subtitle: string;
  publicSummary: string;
  organization: ListingOrganization | null;
  fieldCodes: string[];
  keywords: string[];
  trl: number | null;
  money: ListingMoney;
  modes: TransferMode[];
}

/** The latest verdict on a pair, or none yet. */
export type MatchVerdictState = MatchVerdict | 'NONE';

export interface Match {
  /** Overall score in [0, 1]. */
  score: number;
  components: MatchComponents;
  reasons: MatchReasonView[];
  counterpart: MatchCounterpart;
  origin: 'ALGORITHM';
  verdict: MatchVerdictState;
}

export interface MatchList {
  items: Match[];
}

/** GET /api/{needs|results}/:id/matches */
export interface MatchQuery {
  limit?: number;
}

/** POST /api/matches/feedback: a verdict on a pair. */
export interface MatchFeedback {
  needId: string;
  resultId: string;
  verdict: MatchVerdict;
  /** Required when declining. */
  reason?: DeclineReason;
  note?: string;
}

export interface FeedbackRecorded {
  verdict: MatchVerdict;
  at: string;
}

/** A pair the broker has not looked at yet. */
export interface Opportunity {
  need: MatchCounterpart;
  result: MatchCounterpart;
  score: number;
  components: MatchComponents;
  reasons: MatchReasonView[];
}

export interface OpportunityList {
  items: Opportunity[];
  /** The previous look; the pairs are newer than this. */
  since: string | null;
}

/** GET /api/matches/opportunities */
export interface OpportunitiesQuery {
  field?: string;
  organizationId?: string;
  limit?: number;
  /** Record this look, so the next call shows only newer pairs (default true). */
  markSeen?: boolean;
}
