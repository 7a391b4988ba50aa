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
}

export interface MatchReasonView {
  code: string;
  'zh-CN': string;
  en: string;
  terms?: string[];
}
