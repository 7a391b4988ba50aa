import {
  ContractAmounts,
  LegalPersonType,
  OrganizationKind,
  PricingMethod,
  RegistrationFieldType,
  RegistrationStatus,
} from '@xkx/contracts';

// Response and request shapes of /api/contracts, /api/contract-types and /api/registration-fields,
// as the OpenAPI document describes them. Every amount is integer fen.

/** A contract type (技术合同类型) as data; a type with subtypes is chosen by one of its subtypes. */
export interface ContractType {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  asksInvestment: boolean;
  sort: number;
  active: boolean;
}

/** A field of the 登记表 beyond the core columns, configured by administrators. */
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

export interface ContractParty {
  name: string;
  creditCode: string | null;
  areaCode: string;
  legalPersonType: LegalPersonType;
  organizationId: string | null;
}

export interface Installment {
  dueOn: string;
  amountFen: number;
  description: string;
}

export interface Payment {
  id: string;
  receivedOn: string;
  amountFen: number;
  evidenceNote: string;
  recordedById: string | null;
  createdAt: string;
}

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
  expectedInvestmentFen: number | null;
  expectedOutputFen: number | null;
  schedule: Installment[];
  payments: Payment[];
  registration: ContractRegistration;
  updatedAt: string;
  version: number;
}

export interface ContractPartyInput {
  name: string;
  creditCode: string | null;
  areaCode: string;
  legalPersonType: LegalPersonType;
  organizationId?: string;
}

/** The body of POST /api/contracts (with dealId) and, with the version, PATCH /api/contracts/:id. */
export interface ContractInput {
  contractNo?: string;
  typeCode: string;
  projectName: string;
  signedOn: string;
  termStart: string;
  termEnd: string;
  seller: ContractPartyInput;
  buyer: ContractPartyInput;
  contractAmountFen: number;
  nonTechnicalCostFen: number;
  expectedInvestmentFen: number | null;
  expectedOutputFen: number | null;
  schedule: Installment[];
}

export interface PaymentInput {
  receivedOn: string;
  amountFen: number;
  evidenceNote: string;
}

/** The body of PUT /api/contracts/:id/registration, without the version. */
export interface RegistrationInput {
  status: RegistrationStatus;
  registrationNumber?: string;
  registeredIncomeFen?: number;
  submittedOn?: string;
  decidedOn?: string;
  note?: string;
  extra: RegistrationExtra;
}

/** GET /api/organizations/:id, the part a contract party is filled from. */
export interface OrganizationDetail {
  id: string;
  nameZh: string;
  kind: OrganizationKind;
  areaCode: string;
  creditCode: string | null;
}

export interface DealUpdate {
  version: number;
  pricingMethod?: PricingMethod | null;
  nextAction?: string | null;
  nextActionDue?: string | null;
}

export interface OfferInput {
  priceFen: number;
  terms: string;
}
