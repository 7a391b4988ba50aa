import { canMoveRegistration } from '@xkx/contracts';
import { parseYuanToFen } from '@xkx/util';
import { amountIssues, amounts, paymentIssues, scheduleIssues } from './contract-rules';

describe('contract amounts (integer fen)', () => {
  const contract = parseYuanToFen('1234567.89')!;
  const costs = parseYuanToFen('34567.80')!;

  it('keeps 合同成交额, 技术交易额 and 实际到账 apart, to the fen', () => {
    expect(contract).toBe(123456789);
    expect(amounts(contract, costs, 100)).toEqual({ contractAmountFen: 123456789, nonTechnicalCostFen: 3456780, technicalAmountFen: 120000009, receivedFen: 100, outstandingFen: 123456689 });
  });

  it('refuses non-technical costs above the contract amount', () => {
    expect(amountIssues(100, 101)).toEqual([{ field: 'nonTechnicalCostFen', constraint: 'technicalAmountNegative', args: [] }]);
    expect(amountIssues(100, 100)).toEqual([]);
  });

  it('wants a schedule that adds up exactly', () => {
    expect(scheduleIssues([{ amountFen: 61728394 }, { amountFen: 61728395 }], contract)).toEqual([]);
    expect(scheduleIssues([{ amountFen: 61728394 }, { amountFen: 61728394 }], contract)).toEqual([{ field: 'schedule', constraint: 'scheduleSumMismatch', args: [123456788, contract] }]);
    expect(scheduleIssues([], contract)).toEqual([]);
  });

  it('refuses received money above the contract amount', () => {
    expect(paymentIssues(123456700, 89, contract)).toEqual([]);
    expect(paymentIssues(123456700, 90, contract)).toEqual([{ field: 'amountFen', constraint: 'paymentExceedsContract', args: [123456790, contract] }]);
  });
});

describe('registration', () => {
  it('moves submitted → registered or refused, refused → resubmitted, registered is final', () => {
    expect(canMoveRegistration('NOT_SUBMITTED', 'SUBMITTED')).toBe(true);
    expect(canMoveRegistration('NOT_SUBMITTED', 'REGISTERED')).toBe(false);
    expect(canMoveRegistration('SUBMITTED', 'REGISTERED')).toBe(true);
    expect(canMoveRegistration('SUBMITTED', 'REFUSED')).toBe(true);
    expect(canMoveRegistration('REFUSED', 'SUBMITTED')).toBe(true);
    expect(canMoveRegistration('REGISTERED', 'REFUSED')).toBe(false);
  });
});
