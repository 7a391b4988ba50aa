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

/** A payment and the contract it was received on (code and project), or null for an unknown payment id. */
export async function findPaymentLabel(manager: EntityManager, paymentId: string): Promise<{ contract: ContractLabel; receivedOn: string; amountFen: string } | null> {
  const rows: Array<{ id: string; code: string; project_name: string; received_on: string; amount_fen: string }> = await manager.query(
    `SELECT c.id, c.code, c.project_name, to_char(p.received_on, 'YYYY-MM-DD') AS received_on, p.amount_fen::text AS amount_fen
       FROM contract_payment p JOIN tech_contract c ON c.id = p.contract_id WHERE p.id = $1`,
    [paymentId],
  );
  const r = rows[0];
  return r ? { contract: { id: r.id, code: r.code, projectName: r.project_name }, receivedOn: r.received_on, amountFen: r.amount_fen } : null;
}
