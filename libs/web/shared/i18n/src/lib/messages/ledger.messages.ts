/** Ledger gates (issue 12): contracts left out of the figures, pace, decline confirmation, amendments; spread into MESSAGES. */
export const LEDGER_ZH_CN = {
  'ledger.excludedTitle': '未计入的合同',
  'ledger.excludedNone': '本年度合同的签约流程均完整，全部计入。',
  'ledger.excludedSome': '{count} 份合同（合同成交额 {amount}）因签约流程不完整未计入上述数字：',
  'ledger.excludedReason': '{label}：{count} 份',
  'ledger.excludedHint': '管理员可运行 npm run ledger:check 查看明细。',
  'ledger.pace': '时间进度 {elapsed}，',
  'ledger.paceAhead': '领先 {gap}',
  'ledger.paceBehind': '落后 {gap}',
  'contract.needsTermsAgreed': '条款达成后（须公示的，公示期满后）才能录入已签订的合同；录入后项目自动进入“合同已签订”。',
} as const;

export const LEDGER_EN: Record<keyof typeof LEDGER_ZH_CN, string> = {
  'ledger.excludedTitle': 'Contracts left out',
  'ledger.excludedNone': 'Every contract of the year has a complete chain and is counted.',
  'ledger.excludedSome': '{count} contract(s) (contract amount {amount}) are left out of the figures above because their chain is incomplete:',
  'ledger.excludedReason': '{label}: {count}',
  'ledger.excludedHint': 'An administrator can run npm run ledger:check for the list.',
  'ledger.pace': '{elapsed} of the year has passed: ',
  'ledger.paceAhead': '{gap} ahead of pace',
  'ledger.paceBehind': '{gap} behind pace',
  'contract.needsTermsAgreed': 'A signed contract can be recorded once terms are agreed (and the public notice is over where one is needed); recording it moves the deal to “Contract signed”.',
};
