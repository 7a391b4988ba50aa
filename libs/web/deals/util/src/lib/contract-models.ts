import {
  ContractAmounts,
  ContractType,
  LegalPersonType,
  OrganizationKind,
  RegistrationField,
  RegistrationStatus,
} from '@xkx/contracts';

// Response and request shapes of /api/contracts, /api/contract-types and /api/registration-fields,
// as the OpenAPI document describes them. Every amount is integer fen.

/** Contract types and registration fields are data (shapes shared with the API). */
export type { ContractType, RegistrationField };

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
  /** Corrections of a registered contract (amounts, parties, type are frozen), oldest first. */
  amendments: ContractAmendment[];
  updatedAt: string;
  version: number;
}

export interface ContractAmendment {
  id: string;
  effectiveOn: string;
  reason: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  changes: Array<{ field: string; before: string | number | null; after: string | number | null }>;
}

/** The body of POST /api/contracts/:id/amendments (with the version). */
export interface AmendmentInput {
  effectiveOn: string;
  reason: string;
  contractAmountFen?: number;
  nonTechnicalCostFen?: number;
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
