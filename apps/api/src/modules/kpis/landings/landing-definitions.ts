import { LocalizedText } from '@xkx/contracts';

type Definition = { key: string; label: LocalizedText; text: LocalizedText };

/** The words of docs/KPI.md "Landed projects", returned with every answer. */
export const LANDING_DEFINITIONS: Definition[] = [
  {
    key: 'landings',
    label: { 'zh-CN': '落地项目数', en: 'Landed projects' },
    text: {
      'zh-CN': '落地日期在当年、且所属撮合项目有一份流程完整的产学研合同（已认定登记口径下须已登记）在落地日或之前签订的项目落地记录数；每个撮合项目至多一条。',
      en: 'Landings dated in the year whose deal has a project contract with a complete chain (registered, in the registered view) signed on or before the landing date; at most one per deal.',
    },
  },
  {
    key: 'areaM2',
    label: { 'zh-CN': '落地面积', en: 'Area taken' },
    text: { 'zh-CN': '上述落地记录的面积之和（平方米）。', en: 'Sum of those landings’ areas (m²).' },
  },
  {
    key: 'jobsPlanned',
    label: { 'zh-CN': '计划新增就业', en: 'Jobs planned' },
    text: { 'zh-CN': '上述落地记录填报的计划就业人数之和。', en: 'Sum of the jobs planned in those landings.' },
  },
  {
    key: 'notCounted',
    label: { 'zh-CN': '未计入的落地', en: 'Landings not counted' },
    text: {
      'zh-CN': '当年录入但所属项目没有合格合同的落地（合同流程不完整，或已认定登记口径下尚未登记），不计入上述数字。',
      en: 'Landings of the year whose deal has no counted contract (chain incomplete, or not registered in the registered view); left out of the figures above.',
    },
  },
];

export const CULTIVATION_DEFINITIONS: Definition[] = [
  {
    key: 'enterprises',
    label: { 'zh-CN': '持证企业数', en: 'Enterprises holding the status' },
    text: {
      'zh-CN': '平台上标为高新技术企业（或专精特新）且截至统计日证书未过期（无有效期视为有效）的企业数。',
      en: 'Enterprises in the market flagged high-tech (or specialized) whose certificate has not expired by the as-of date (no expiry date counts as valid).',
    },
  },
  {
    key: 'contracts',
    label: { 'zh-CN': '涉及的当年合同', en: 'This year’s contracts involving them' },
    text: {
      'zh-CN': '当年计入绩效的产学研合同（与项目数同一口径）中，企业一方在签订日持有该资质（发证日不晚于签订日、有效期不早于签订日）的合同数与合同成交额。',
      en: 'The year’s counted project contracts (same scope as the projects figure) whose enterprise side held the status on the signing date (issued on or before it, expiring on or after it): count and contract amount.',
    },
  },
  {
    key: 'expiring',
    label: { 'zh-CN': '6 个月内到期', en: 'Expiring within 6 months' },
    text: { 'zh-CN': '有效期在统计日起 6 个月内（含统计日）届满的资质，按到期日排序。', en: 'Statuses whose certificate expires within 6 months of the as-of date (inclusive), soonest first.' },
  },
];
