import { ContractAmounts } from '@xkx/contracts';
import { sumFen } from '@xkx/util';
import { FieldIssue } from '../../common/exceptions/domain.exception';

/**
 * The money and registration rules of a technology contract, as pure functions over integer fen.
 * Refusals are field issues the API returns as 400 with Chinese and English messages.
 */

/** 技术交易额 = 合同成交额 − 非技术性费用; the costs may not exceed the contract amount. */
export function amountIssues(contractAmountFen: number, nonTechnicalCostFen: number): FieldIssue[] {
  return nonTechnicalCostFen > contractAmountFen ? [{ field: 'nonTechnicalCostFen', constraint: 'technicalAmountNegative', args: [] }] : [];
}

export function amounts(contractAmountFen: number, nonTechnicalCostFen: number, receivedFen: number): ContractAmounts {
  return {
    contractAmountFen,
    nonTechnicalCostFen,
    technicalAmountFen: contractAmountFen - nonTechnicalCostFen,
    receivedFen,
    outstandingFen: contractAmountFen - receivedFen,
  };
}

/** A payment schedule, when there is one, adds up to the contract amount exactly. */
export function scheduleIssues(installments: readonly { amountFen: number }[], contractAmountFen: number): FieldIssue[] {
  if (installments.length === 0) return [];
  const total = sumFen(installments.map((i) => i.amountFen));
  return total === contractAmountFen ? [] : [{ field: 'schedule', constraint: 'scheduleSumMismatch', args: [total, contractAmountFen] }];
}

/**
 * Money received may never exceed the contract amount: refused with 400 (not a warning), since a
 * larger figure would inflate 实际到账, the basis of subsidies (奖补) and the district's KPIs.
 */
export function paymentIssues(receivedSoFarFen: number, newPaymentFen: number, contractAmountFen: number): FieldIssue[] {
  const total = receivedSoFarFen + newPaymentFen;
  return total > contractAmountFen ? [{ field: 'amountFen', constraint: 'paymentExceedsContract', args: [total, contractAmountFen] }] : [];
}

