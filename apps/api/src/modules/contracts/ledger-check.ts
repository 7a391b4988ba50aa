import { LEDGER_CHAIN_ISSUE_LABELS, LedgerChainIssue } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { CHAIN_ISSUE_SQL, CHAIN_JOINS } from '@xkx/api/modules/deals/chain-rules';

export interface LedgerProblem {
  contractId: string;
  contractCode: string;
  dealCode: string | null;
  signedOn: string;
  issue: LedgerChainIssue;
}

/**
 * Every stored contract whose chain is broken (the rules of chain-rules.ts read over the rows): the ones
 * the KPI figures leave out. The API refuses to create them; they come from SQL or from before the gates.
 */
export async function findLedgerProblems(dataSource: DataSource): Promise<LedgerProblem[]> {
  const rows = await dataSource.query<Array<{ id: string; code: string; deal_code: string | null; signed_on: string; issue: LedgerChainIssue }>>(
    `SELECT * FROM (SELECT c.id, c.code, ch_d.code AS deal_code, c.signed_on::text AS signed_on, ${CHAIN_ISSUE_SQL} AS issue
       FROM tech_contract c ${CHAIN_JOINS}) x WHERE issue IS NOT NULL ORDER BY signed_on, code`,
  );
  return rows.map((r) => ({ contractId: r.id, contractCode: r.code, dealCode: r.deal_code, signedOn: r.signed_on, issue: r.issue }));
}

/** One line per problem, for people: contract, deal, signing date, the reason in both languages. */
export function formatLedgerProblems(problems: readonly LedgerProblem[]): string {
  if (problems.length === 0) return 'ledger:check: every contract has a complete chain (条款达成 → 公示 → 签订 → 登记 → 到账)';
  const lines = problems.map((p) => `${p.contractCode}\t${p.dealCode ?? '—'}\t${p.signedOn}\t${p.issue}\t${LEDGER_CHAIN_ISSUE_LABELS[p.issue]['zh-CN']} / ${LEDGER_CHAIN_ISSUE_LABELS[p.issue].en}`);
  return [`ledger:check: ${problems.length} contract(s) with an incomplete chain, left out of the KPI figures:`, ...lines].join('\n');
}
