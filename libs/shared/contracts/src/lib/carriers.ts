import type { LocalizedText } from './error-codes';

/**
 * Innovation carriers (科创载体, issue 16): the places where a signed deal lands — incubators, makerspaces,
 * accelerators, university science parks and industrial space around the campuses — and the landings
 * brokers record on signed deals.
 */
export const CarrierKind = {
  INCUBATOR: 'INCUBATOR',
  MAKERSPACE: 'MAKERSPACE',
  ACCELERATOR: 'ACCELERATOR',
  SCIENCE_PARK: 'SCIENCE_PARK',
  INDUSTRIAL_SPACE: 'INDUSTRIAL_SPACE',
} as const;
export type CarrierKind = (typeof CarrierKind)[keyof typeof CarrierKind];

export const CARRIER_KIND_LABELS: Record<CarrierKind, LocalizedText> = {
  INCUBATOR: { 'zh-CN': '孵化器', en: 'Incubator' },
  MAKERSPACE: { 'zh-CN': '众创空间', en: 'Makerspace' },
  ACCELERATOR: { 'zh-CN': '加速器', en: 'Accelerator' },
  SCIENCE_PARK: { 'zh-CN': '大学科技园', en: 'University science park' },
  INDUSTRIAL_SPACE: { 'zh-CN': '产业空间', en: 'Industrial space' },
};

/** What a landing did: a company set up in the carrier, or an existing one expanded into it. */
export const LandingKind = { SET_UP: 'SET_UP', EXPANDED: 'EXPANDED' } as const;
export type LandingKind = (typeof LandingKind)[keyof typeof LandingKind];

export const LANDING_KIND_LABELS: Record<LandingKind, LocalizedText> = {
  SET_UP: { 'zh-CN': '新设企业', en: 'Company set up' },
  EXPANDED: { 'zh-CN': '企业扩产', en: 'Company expanded' },
};

/** A carrier as the public directory lists it. Prices are fen per m² per month (integer fen). */
export interface CarrierSummary {
  id: string;
  nameZh: string;
  nameEn: string | null;
  kind: CarrierKind;
  address: string;
  /** 可租面积, m² (whole square metres). */
  availableAreaM2: number;
  priceMinFenPerM2Month: number | null;
  priceMaxFenPerM2Month: number | null;
  /** Technology fields it suits (codes of the field tree). */
  fieldCodes: string[];
  /** True for demo records whose facts are illustrative, not the carrier's own published figures. */
  illustrative: boolean;
}

export interface CarrierDetail extends CarrierSummary {
  totalAreaM2: number | null;
  description: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  active: boolean;
  /** Landings recorded in this carrier (all years). */
  landings: number;
  version: number;
}

export interface CarrierList {
  items: CarrierSummary[];
  total: number;
}

export interface CarrierBody {
  nameZh: string;
  nameEn?: string;
  kind: CarrierKind;
  address: string;
  totalAreaM2?: number;
  availableAreaM2: number;
  priceMinFenPerM2Month?: number;
  priceMaxFenPerM2Month?: number;
  fieldCodes: string[];
  description?: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  illustrative?: boolean;
}

export interface UpdateCarrierBody extends Partial<CarrierBody> {
  version: number;
  active?: boolean;
}

/** A deal's landing (项目落地): where the project landed and what it brings. */
export interface Landing {
  id: string;
  dealId: string;
  carrierId: string;
  carrierName: string;
  areaM2: number;
  kind: LandingKind;
  companyName: string;
  companyCreditCode: string | null;
  jobsPlanned: number;
  landedOn: string;
  note: string | null;
  recordedBy: string | null;
  updatedAt: string;
  version: number;
}

export interface DealLanding {
  landing: Landing | null;
  /** Whether the deal has reached contract signed, so a broker may record (or correct) its landing. */
  canRecord: boolean;
}

export interface LandingBody {
  carrierId: string;
  areaM2: number;
  kind: LandingKind;
  companyName: string;
  companyCreditCode?: string;
  jobsPlanned: number;
  landedOn: string;
  note?: string;
  /** The stored landing's version, when correcting it. */
  version?: number;
}

// ---- KPI: landed projects of the year (GET /api/kpis/landings, /api/kpis/landings/records) ----

/** Landed projects are broken down by carrier or by the deal's technology field; each is a partition. */
export const LandingDimension = { CARRIER: 'CARRIER', FIELD: 'FIELD' } as const;
export type LandingDimension = (typeof LandingDimension)[keyof typeof LandingDimension];

export const LANDING_DIMENSION_LABELS: Record<LandingDimension, LocalizedText> = {
  CARRIER: { 'zh-CN': '按载体', en: 'By carrier' },
  FIELD: { 'zh-CN': '按技术领域', en: 'By technology field' },
};

export interface LandingFigures {
  /** 落地项目数 */
  landings: number;
  /** 落地面积, m² */
  areaM2: number;
  /** 计划新增就业 */
  jobsPlanned: number;
}

export interface LandingBar extends LandingFigures {
  key: string;
  label: LocalizedText;
}

export interface LandingKpi {
  year: number;
  view: 'registered' | 'signed';
  asOf: string;
  figures: LandingFigures;
  byCarrier: LandingBar[];
  byField: LandingBar[];
  /** Landings recorded in the year whose deal has no counted contract (chain incomplete, or not registered in the registered view). */
  notCounted: number;
  definitions: Array<{ key: string; label: LocalizedText; text: LocalizedText }>;
}

export interface LandingRecord {
  landingId: string;
  dealId: string;
  dealCode: string;
  dealTitle: string;
  carrierId: string;
  carrierName: string;
  fieldCode: string | null;
  kind: LandingKind;
  companyName: string;
  areaM2: number;
  jobsPlanned: number;
  landedOn: string;
}

export interface LandingRecords {
  year: number;
  view: 'registered' | 'signed';
  items: LandingRecord[];
  totals: LandingFigures;
}

// ---- Enterprise cultivation: 高新技术企业 and 专精特新 (GET /api/kpis/cultivation) ----

export const EnterpriseStatus = { HIGH_TECH: 'HIGH_TECH', SPECIALIZED: 'SPECIALIZED' } as const;
export type EnterpriseStatus = (typeof EnterpriseStatus)[keyof typeof EnterpriseStatus];

export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, LocalizedText> = {
  HIGH_TECH: { 'zh-CN': '高新技术企业', en: 'High-tech enterprise' },
  SPECIALIZED: { 'zh-CN': '专精特新企业', en: 'Specialized and innovative SME' },
};

export interface CultivationFigure {
  status: EnterpriseStatus;
  /** Enterprises holding the status on the as-of date (flag set and certificate not expired). */
  enterprises: number;
  /** The year's counted project contracts (the ledger's kpi_scoped) whose enterprise side holds it. */
  contracts: number;
  contractAmountFen: number;
}

export interface ExpiringStatus {
  organizationId: string;
  name: string;
  status: EnterpriseStatus;
  certificateNo: string | null;
  expiresOn: string;
}

export interface CultivationReport {
  year: number;
  view: 'registered' | 'signed';
  asOf: string;
  figures: CultivationFigure[];
  /** Statuses expiring within 6 months of the as-of date (already expired ones are not listed), soonest first. */
  expiring: ExpiringStatus[];
  definitions: Array<{ key: string; label: LocalizedText; text: LocalizedText }>;
}
