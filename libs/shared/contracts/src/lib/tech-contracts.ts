/**
 * Technology contracts (技术合同) and their registration (认定登记): the party types, the registration
 * states and the shapes of /api/contracts, /api/contract-types and /api/registration-fields. Contract types
 * and registration fields are data (admin-editable tables): the national rules of 2026-01-23 changed them.
 */
import type { LocalizedText } from './error-codes';

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
export const RegistrationFieldType = {
  TEXT: 'TEXT',
  FEN: 'FEN',
  INTEGER: 'INTEGER',
  DATE: 'DATE',
  BOOLEAN: 'BOOLEAN',
  CHOICE: 'CHOICE',
  PATENT: 'PATENT',
} as const;
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

// ---- Shapes of /api/contracts (every amount in integer fen) ----

/** A party of a contract as recorded (seller: the institution side, buyer: the enterprise side). */
export interface ContractParty {
  name: string;
  creditCode: string | null;
  areaCode: string;
  legalPersonType: LegalPersonType;
  organizationId: string | null;
}

/** One row of the payment schedule. */
export interface Installment {
  dueOn: string;
  amountFen: number;
  description: string;
}

/** Money received (实际到账), with its evidence. */
export interface Payment {
  id: string;
  receivedOn: string;
  amountFen: number;
  evidenceNote: string;
  recordedById: string | null;
  createdAt: string;
}

/** Values of the configured registration fields, by key. */
export type RegistrationExtra = Record<string, string | number | boolean>;

export interface ContractRegistration {
  status: RegistrationStatus;
  registrationNumber: string | null;
  registeredIncomeFen: number | null;
  submittedOn: string | null;
  decidedOn: string | null;
  note: string | null;
  extra: RegistrationExtra;
}

export interface ContractAmendmentChange {
  field: string;
  before: string | number | null;
  after: string | number | null;
}

/** A correction of a registered contract (amounts, parties and type are otherwise frozen). */
export interface ContractAmendment {
  id: string;
  effectiveOn: string;
  reason: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  changes: ContractAmendmentChange[];
}

/** GET /api/contracts/:id */
export interface Contract {
  id: string;
  code: string;
  dealId: string | null;
  contractNo: string | null;
  type: ContractType;
  projectName: string;
  signedOn: string;
  termStart: string;
  termEnd: string;
  seller: ContractParty;
  buyer: ContractParty;
  amounts: ContractAmounts;
  /** Corrections of a registered contract, oldest first. */
  amendments: ContractAmendment[];
  expectedInvestmentFen: number | null;
  expectedOutputFen: number | null;
  schedule: Installment[];
  payments: Payment[];
  registration: ContractRegistration;
  updatedAt: string;
  version: number;
}

export interface ContractList {
  items: Contract[];
  total: number;
}

/** GET /api/contracts */
export interface ContractListQuery {
  dealId?: string;
  registrationStatus?: RegistrationStatus;
  typeCode?: string;
  limit?: number;
  offset?: number;
}

/** A party as written; the organization links it to a platform organization. */
export interface ContractPartyInput {
  name: string;
  creditCode?: string | null;
  areaCode: string;
  legalPersonType: LegalPersonType;
  organizationId?: string;
}

/** POST /api/contracts: the deal's parties fill seller and buyer when they are omitted. */
export interface ContractInput {
  dealId?: string;
  /** Administrators: why it may be signed before the deal's public notice ended. */
  overrideReason?: string;
  contractNo?: string;
  /** A type with subtypes needs a subtype. */
  typeCode: string;
  projectName: string;
  signedOn: string;
  termStart: string;
  termEnd: string;
  seller?: ContractPartyInput;
  buyer?: ContractPartyInput;
  contractAmountFen: number;
  nonTechnicalCostFen?: number;
  expectedInvestmentFen?: number | null;
  expectedOutputFen?: number | null;
  schedule?: Installment[];
}

/** PATCH /api/contracts/:id: the changed fields and the version read (stale: 409). */
export interface ContractUpdate extends Partial<Omit<ContractInput, 'dealId' | 'overrideReason'>> {
  version: number;
}

/** A party's corrections in an amendment. */
export interface AmendmentPartyInput {
  name?: string;
  creditCode?: string | null;
  areaCode?: string;
}

/** POST /api/contracts/:id/amendments, with the version read. */
export interface AmendmentInput {
  version: number;
  effectiveOn: string;
  reason: string;
  contractAmountFen?: number;
  nonTechnicalCostFen?: number;
  typeCode?: string;
  seller?: AmendmentPartyInput;
  buyer?: AmendmentPartyInput;
}

/** POST /api/contracts/:id/payments */
export interface PaymentInput {
  receivedOn: string;
  amountFen: number;
  evidenceNote: string;
}

/** PUT /api/contracts/:id/registration, with the version read. */
export interface RegistrationInput {
  version: number;
  status: RegistrationStatus;
  registrationNumber?: string;
  registeredIncomeFen?: number;
  submittedOn?: string;
  decidedOn?: string;
  /** Required when refused (the reason). */
  note?: string;
  extra?: RegistrationExtra;
}
