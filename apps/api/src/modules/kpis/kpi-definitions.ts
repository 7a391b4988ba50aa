import { KpiDefinition } from '@xkx/contracts';

/** The definitions shown next to every figure (the same words as docs/KPI.md). */
export const KPI_DEFINITIONS: KpiDefinition[] = [
  {
    key: 'projects',
    label: { 'zh-CN': '产学研及成果转化项目数', en: 'Industry–academia projects' },
    text: {
      'zh-CN': '当年签订、一方为高校或科研院所、另一方为企业的技术合同份数（方向不限）。一方是否为高校院所/企业，先看合同关联的机构类型，未关联机构时看登记表主体性质。',
      en: 'Technology contracts signed in the year with a university or institute on one side and an enterprise on the other (either direction). A side is judged by its linked organization’s kind, or, without one, by its legal-person type.',
    },
  },
  {
    key: 'contractAmountFen',
    label: { 'zh-CN': '合同成交额', en: 'Contract amount' },
    text: { 'zh-CN': '上述合同的合同成交额之和（分）。', en: 'Sum of the contract amounts of those contracts (fen).' },
  },
  {
    key: 'technicalAmountFen',
    label: { 'zh-CN': '技术交易额', en: 'Technical amount' },
    text: { 'zh-CN': '上述合同的技术交易额之和 = 合同成交额 − 非技术性费用（分）。', en: 'Sum of contract amount minus non-technical costs of those contracts (fen).' },
  },
  {
    key: 'receivedFen',
    label: { 'zh-CN': '实际到账（签约年度口径）', en: 'Money received (by signing year)' },
    text: {
      'zh-CN': '当年签订的上述合同截至今日的全部到账之和（分），不论到账日期。',
      en: 'All payments received to date on the contracts signed in the year, whatever the payment date (fen).',
    },
  },
  {
    key: 'receivedInYearFen',
    label: { 'zh-CN': '实际到账（到账年度口径）', en: 'Money received (in the year)' },
    text: {
      'zh-CN': '到账日期在当年的到账之和（分），合同可为任一年度签订；奖补按此口径计算。',
      en: 'Payments dated in the year, on qualifying contracts signed in any year (fen); subsidies use this basis.',
    },
  },
  {
    key: 'view',
    label: { 'zh-CN': '统计口径', en: 'View' },
    text: {
      'zh-CN': '“已认定登记口径”只计登记状态为已登记的合同；“全部签订口径”计入所有已签订合同（含未申请、审核中和未予登记）。',
      en: '“Registered” counts only contracts whose registration status is REGISTERED; “signed” counts every signed contract (including not submitted, submitted and refused).',
    },
  },
];
