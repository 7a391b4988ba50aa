import { EntityManager } from 'typeorm';
import { ContractEntity } from './entities/contract.entity';

/**
 * What other modules may read of a technology contract (the contracts module owns the table): plain facts,
 * read inside the caller's transaction through its manager. A deal's contracts reach the deals module through
 * its DealContracts port (`deal-contracts.ts`), since deals may not import this module.
 */
export interface ContractLabel {
  id: string;
  code: string;
  projectName: string;
}

/** How a contract is named (its code and project), or null for an unknown id. */
export async function findContractLabel(manager: EntityManager, id: string): Promise<ContractLabel | null> {
  const contract = await manager.findOne(ContractEntity, { where: { id }, select: ['id', 'code', 'projectName'] });
  return contract ? { id: contract.id, code: contract.code, projectName: contract.projectName } : null;
}
