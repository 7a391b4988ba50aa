/**
 * The KPI ledger (issue 7): figures, breakdowns, drill-downs, funnel, R&D spending of key monitored
 * enterprises and subsidies (奖补). Every amount is integer fen; every ratio is integer basis points
 * (1 bp = 0.01 %), so no float ever carries money. Definitions are in docs/KPI.md and in the API answer.
 */
import type { LedgerChainIssue } from './deals';
import type { RegistrationStatus } from './tech-contracts';
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

/** One institution's yearly target in a PUT /api/kpis/targets. */
export interface InstitutionTargetBody {
  organizationId: string;
  projects: number;
  contractAmountFen: number;
}

/** PUT /api/kpis/targets (kpi:manage): `institutions` replaces the year's per-institution list; omitted, it is kept. */
export interface KpiTargetsBody {
  year: number;
  projects: number;
  contractAmountFen: number;
  institutions?: InstitutionTargetBody[];
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

// Response shapes of /api/kpis/*: the API's DTOs implement them, the web reads them.

/** The headline adds the money received in the year (cash view) to the four figures. */
export interface KpiHeadlineFigures extends KpiFigures {
  receivedInYearFen: number;
}

export interface KpiTarget {
  projects: number;
  contractAmountFen: number;
  isDefault: boolean;
  scope: 'district' | 'institution';
}

/** GET /api/kpis */
export interface KpiHeadline {
  year: number;
  view: KpiView;
  viewLabel: LocalizedText;
  asOf: string;
  institutionId: string | null;
  fieldCode: string | null;
  brokerId: string | null;
  figures: KpiHeadlineFigures;
  previousYear: KpiHeadlineFigures;
  /** null: an institution without a target, or a broker. */
  target: KpiTarget | null;
  progress: { projectsBp: number | null; contractAmountBp: number | null };
  /** Contracts of the year left out because their chain is incomplete, by reason. */
  excluded: KpiExcluded;
  /** Progress against the share of the year elapsed, per figure with a target. */
  pace: KpiPace;
  definitions: KpiDefinition[];
}

/** One figure against time: how far along it is, and how far it would be at an even pace. */
export interface KpiPaceFigure {
  /** actual / target, basis points, rounded down. */
  progressBp: number;
  /** The share of the year elapsed: where the figure would stand at an even pace. */
  expectedBp: number;
  /** progressBp − expectedBp: positive ahead of pace, negative behind. */
  gapBp: number;
}

export interface KpiPace {
  /** Days of the year up to and including asOf ÷ days in the year, basis points, rounded down. */
  yearElapsedBp: number;
  /** null without a target (an institution without one, a broker). */
  projects: KpiPaceFigure | null;
  contractAmountFen: KpiPaceFigure | null;
}

export interface KpiExcludedReason {
  issue: LedgerChainIssue;
  label: LocalizedText;
  projects: number;
  contractAmountFen: number;
}

export interface KpiExcluded {
  projects: number;
  contractAmountFen: number;
  reasons: KpiExcludedReason[];
}

export interface KpiBreakdownItem extends KpiFigures {
  /** Pass as `key` to /api/kpis/records. */
  key: string;
  label: LocalizedText;
  previousYear: { projects: number; contractAmountFen: number };
}

/** GET /api/kpis/breakdown: the bars partition the headline's contracts. */
export interface KpiBreakdown {
  year: number;
  view: KpiView;
  dimension: KpiDimension;
  totals: KpiFigures;
  items: KpiBreakdownItem[];
}

export interface KpiRecord {
  id: string;
  code: string;
  projectName: string;
  signedOn: string;
  typeCode: string;
  registrationStatus: RegistrationStatus;
  registrationNumber: string | null;
  institution: string;
  enterprise: string;
  broker: string | null;
  agency: string | null;
  fieldCode: string | null;
  dealId: string | null;
  relatedParty: boolean;
  contractAmountFen: number;
  technicalAmountFen: number;
  receivedFen: number;
}

/** GET /api/kpis/records: `totals` are over every matching contract, not only this page. */
export interface KpiRecords {
  year: number;
  view: KpiView;
  basis: KpiBasis;
  totals: KpiFigures;
  total: number;
  items: KpiRecord[];
}

export const KpiFunnelStage = {
  MATCHES: 'MATCHES',
  INTRODUCTIONS: 'INTRODUCTIONS',
  DEALS: 'DEALS',
  SIGNED: 'SIGNED',
  REGISTERED: 'REGISTERED',
  PAID: 'PAID',
} as const;
export type KpiFunnelStage = (typeof KpiFunnelStage)[keyof typeof KpiFunnelStage];

export interface KpiFunnelStageFigures {
  stage: KpiFunnelStage;
  label: LocalizedText;
  count: number;
  /** count / previous stage, basis points, rounded down; null for the first stage or after an empty one. */
  conversionBp: number | null;
  medianDaysFromPrevious: number | null;
}

/** GET /api/kpis/funnel */
export interface KpiFunnel {
  year: number;
  brokerId: string | null;
  stages: KpiFunnelStageFigures[];
  definitions: KpiDefinition[];
}

export interface SubsidyLine {
  contractId: string;
  code: string;
  projectName: string;
  receivedFen: number;
}

export interface SubsidyClaim {
  kind: SubsidyClaimantKind;
  claimantKey: string;
  name: string;
  baseFen: number;
  rateBp: number;
  rawFen: number;
  capFen: number;
  amountFen: number;
  capped: boolean;
  lines: SubsidyLine[];
}

export interface SubsidyExclusion {
  contractId: string;
  code: string;
  receivedFen: number;
  reason: string;
  /** An admin's related-party mark (PUT /api/kpis/related-parties/:contractId can remove it); false: excluded because both sides have the same credit code. */
  marked: boolean;
}

/** PUT /api/kpis/related-parties/:contractId (kpi:manage). */
export interface RelatedPartyBody {
  related: boolean;
  /** Required when `related` is true, 2 to 500 characters. */
  reason?: string;
}

export interface RelatedPartyMark {
  contractId: string;
  related: boolean;
  reason: string | null;
}

/** GET /api/kpis/subsidies */
export interface SubsidyReport {
  year: number;
  agencyBrokerPriority: 'AGENCY' | 'BROKER';
  claims: SubsidyClaim[];
  totalFen: number;
  excluded: SubsidyExclusion[];
}

export interface InstitutionTarget {
  organizationId: string;
  name: string;
  projects: number;
  contractAmountFen: number;
}

/** GET/PUT /api/kpis/targets: the district's yearly targets (defaults until an admin sets them) and per-institution ones. */
export interface KpiTargets {
  year: number;
  projects: number;
  contractAmountFen: number;
  isDefault: boolean;
  institutions: InstitutionTarget[];
}

export interface RndSpendingRow {
  organizationId: string;
  name: string;
  amountFen: number | null;
  previousAmountFen: number | null;
  growthBp: number | null;
  meetsTarget: boolean | null;
}

/** GET /api/kpis/rnd-spending: key monitored enterprises' R&D spending against the growth target. */
export interface RndSpendingReport {
  year: number;
  targetGrowthPercent: number;
  enterprises: RndSpendingRow[];
  totalFen: number;
  previousTotalFen: number;
  growthBp: number | null;
  meetsTarget: boolean | null;
}

/** PUT /api/kpis/rnd-spending/:organizationId/:year. Without `note` the stored note is kept; an empty note clears it. */
export interface RndSpendingBody {
  amountFen: number;
  note?: string;
}

export interface RndSpendingEntry {
  organizationId: string;
  year: number;
  amountFen: number;
  note: string | null;
}

/** GET /api/kpis/rnd-spending/mine: the caller's own enterprise. */
export interface MyRndSpending {
  year: number;
  organizationId: string | null;
  name: string | null;
  keyMonitored: boolean;
  targetGrowthPercent: number;
  amountFen: number | null;
  note: string | null;
  previousAmountFen: number | null;
  growthBp: number | null;
  meetsTarget: boolean | null;
}
