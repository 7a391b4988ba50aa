/**
 * The KPI ledger (issue 7): figures, breakdowns, drill-downs, funnel, R&D spending of key monitored
 * enterprises and subsidies (奖补). Every amount is integer fen; every ratio is integer basis points
 * (1 bp = 0.01 %), so no float ever carries money. Definitions are in docs/KPI.md and in the API answer.
 */
import type { LocalizedText } from './error-codes';

/** registered: only contracts with registration_status REGISTERED (认定登记); signed: every signed contract. */
export const KpiView = { REGISTERED: 'registered', SIGNED: 'signed' } as const;
export type KpiView = (typeof KpiView)[keyof typeof KpiView];

export const KPI_VIEW_LABELS: Record<KpiView, LocalizedText> = {
  registered: { 'zh-CN': '已认定登记口径', en: 'Registered contracts only' },
  signed: { 'zh-CN': '全部签订口径', en: 'All signed contracts' },
};

/** Every breakdown is a partition: each contract falls in exactly one bar, so the bars add up to the headline. */
export const KpiDimension = {
  MONTH: 'MONTH',
  INSTITUTION: 'INSTITUTION',
  /** The tech-transfer center (技术转移中心) or other agency of the deal's lead broker. */
  AGENCY: 'AGENCY',
  FIELD: 'FIELD',
  TYPE: 'TYPE',
  BROKER: 'BROKER',
  ENTERPRISE: 'ENTERPRISE',
} as const;
export type KpiDimension = (typeof KpiDimension)[keyof typeof KpiDimension];

export const KPI_DIMENSION_LABELS: Record<KpiDimension, LocalizedText> = {
  MONTH: { 'zh-CN': '按月份', en: 'By month' },
  INSTITUTION: { 'zh-CN': '按高校院所', en: 'By institution' },
  AGENCY: { 'zh-CN': '按技术转移中心', en: 'By tech-transfer center' },
  FIELD: { 'zh-CN': '按技术领域', en: 'By technology field' },
  TYPE: { 'zh-CN': '按合同类型', en: 'By contract type' },
  BROKER: { 'zh-CN': '按技术经理人', en: 'By broker' },
  ENTERPRISE: { 'zh-CN': '按企业', en: 'By enterprise' },
};

/** The key of the bar for contracts without a value in a dimension (no deal, no broker …). */
export const KPI_NONE_KEY = 'none';

/** Which contracts a records list holds: signed in the year, or paid (money received) in the year. */
export const KpiBasis = { SIGNED: 'signed', PAID: 'paid' } as const;
export type KpiBasis = (typeof KpiBasis)[keyof typeof KpiBasis];

export const SubsidyClaimantKind = { AGENCY: 'AGENCY', ENTERPRISE: 'ENTERPRISE', BROKER: 'BROKER' } as const;
export type SubsidyClaimantKind = (typeof SubsidyClaimantKind)[keyof typeof SubsidyClaimantKind];

export const SUBSIDY_CLAIMANT_LABELS: Record<SubsidyClaimantKind, LocalizedText> = {
  AGENCY: { 'zh-CN': '技术转移机构', en: 'Tech-transfer agency' },
  ENTERPRISE: { 'zh-CN': '技术吸纳企业', en: 'Absorbing enterprise' },
  BROKER: { 'zh-CN': '技术经理人', en: 'Broker' },
};

export interface KpiFigures {
  /** 产学研及成果转化项目数 */
  projects: number;
  /** 合同成交额 */
  contractAmountFen: number;
  /** 技术交易额 */
  technicalAmountFen: number;
  /** 实际到账, to date, on the contracts signed in the year (cohort) */
  receivedFen: number;
}

export interface KpiDefinition {
  key: string;
  label: LocalizedText;
  text: LocalizedText;
}

export interface KpiTargetsBody {
  year: number;
  projects: number;
  contractAmountFen: number;
}

/** The public portal's year-to-date headline: aggregate only. */
export interface KpiPublicHeadline {
  year: number;
  view: KpiView;
  asOf: string;
  projects: number;
  contractAmountFen: number;
  targetProjects: number;
  targetContractAmountFen: number;
  projectsProgressBp: number;
  contractAmountProgressBp: number;
}

/** Defaults when an admin has set no target for a year: 165 projects and 84 亿元. */
export const DEFAULT_KPI_TARGETS = { projects: 165, contractAmountFen: 840_000_000_000 } as const;
