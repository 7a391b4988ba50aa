import { shanghaiDate } from '@xkx/util';
import { EntityManager, In } from 'typeorm';
import { AmendmentChange, ContractAmendmentEntity } from './entities/contract-amendment.entity';
import { ContractEntity } from './entities/contract.entity';

/** The frozen values of a registered contract: what an amendment replaces as a whole. */
export type FrozenValues = Pick<
  ContractAmendmentEntity,
  'contractAmountFen' | 'nonTechnicalCostFen' | 'technicalAmountFen' | 'typeCode' | 'sellerName' | 'sellerCreditCode' | 'sellerAreaCode' | 'buyerName' | 'buyerCreditCode' | 'buyerAreaCode'
>;

export function frozenOf(c: FrozenValues): FrozenValues {
  return {
    contractAmountFen: c.contractAmountFen,
    nonTechnicalCostFen: c.nonTechnicalCostFen,
    technicalAmountFen: c.technicalAmountFen,
    typeCode: c.typeCode,
    sellerName: c.sellerName,
    sellerCreditCode: c.sellerCreditCode,
    sellerAreaCode: c.sellerAreaCode,
    buyerName: c.buyerName,
    buyerCreditCode: c.buyerCreditCode,
    buyerAreaCode: c.buyerAreaCode,
  };
}

const FIELDS: Array<[keyof FrozenValues, AmendmentChange['field']]> = [
  ['contractAmountFen', 'contractAmountFen'],
  ['nonTechnicalCostFen', 'nonTechnicalCostFen'],
  ['technicalAmountFen', 'technicalAmountFen'],
  ['typeCode', 'typeCode'],
  ['sellerName', 'seller.name'],
  ['sellerCreditCode', 'seller.creditCode'],
  ['sellerAreaCode', 'seller.areaCode'],
  ['buyerName', 'buyer.name'],
  ['buyerCreditCode', 'buyer.creditCode'],
  ['buyerAreaCode', 'buyer.areaCode'],
];

/** before → after of every frozen value that differs. */
export function diffFrozen(before: FrozenValues, after: FrozenValues): AmendmentChange[] {
  return FIELDS.filter(([key]) => before[key] !== after[key]).map(([key, field]) => ({ field, before: before[key], after: after[key] }));
}

/** Amendments of the contracts, oldest first (effective date, then recording time). */
export function amendmentsOf(manager: EntityManager, contractIds: string[]): Promise<ContractAmendmentEntity[]> {
  if (contractIds.length === 0) return Promise.resolve([]);
  return manager.find(ContractAmendmentEntity, { where: { contractId: In(contractIds) }, order: { effectiveOn: 'ASC', createdAt: 'ASC' } });
}

/** The frozen values in effect on `on` (default today): the latest amendment effective by then, else the registered ones. */
export function valuesOn(contract: ContractEntity, amendments: readonly ContractAmendmentEntity[], on: string = shanghaiDate()): FrozenValues {
  const effective = amendments.filter((a) => a.contractId === contract.id && a.effectiveOn <= on);
  return frozenOf(effective[effective.length - 1] ?? contract);
}

/**
 * SQL for the KPI base: the latest amendment of `tech_contract c` effective by the ledger's as-of date
 * (today, or 31 December of a past year; `$2` is 1 January of the year after). Alias `am`.
 */
export const AMENDMENT_AS_OF_JOIN = `LEFT JOIN LATERAL (SELECT a.contract_amount_fen, a.technical_amount_fen, a.type_code FROM contract_amendment a
    WHERE a.contract_id = c.id AND a.effective_on <= least((now() AT TIME ZONE 'Asia/Shanghai')::date, $2::date - 1)
    ORDER BY a.effective_on DESC, a.created_at DESC LIMIT 1) am ON true`;
