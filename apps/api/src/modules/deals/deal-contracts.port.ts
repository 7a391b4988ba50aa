import { RegistrationStatus } from '@xkx/contracts';
import { EntityManager } from 'typeorm';

/** A deal's contract as the deals module needs it: its summary on the deal page and its chain facts for the gates. */
export interface DealContractFacts {
  id: string;
  code: string;
  typeCode: string;
  projectName: string;
  contractAmountFen: number;
  technicalAmountFen: number;
  receivedFen: number;
  registrationStatus: RegistrationStatus;
  signedOn: string;
  registrationSubmittedOn: string | null;
  registrationDecidedOn: string | null;
  firstReceivedOn: string | null;
}

/**
 * A deal's technology contracts, which the contracts module owns. A port the deals module declares and the
 * contracts module implements (`contracts/deal-contracts.ts`, global `DealContractsModule`): contracts builds
 * on deals (a contract belongs to a deal and writes its timeline), so deals may not import contracts.
 */
export abstract class DealContracts {
  /** The deal's contracts, oldest first, in the caller's transaction. */
  abstract ofDeal(manager: EntityManager, dealId: string): Promise<DealContractFacts[]>;
}
