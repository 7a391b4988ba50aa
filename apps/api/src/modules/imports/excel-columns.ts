import {
  IP_STATUS_LABELS,
  IP_TYPE_LABELS,
  IpStatus,
  IpType,
  NEED_TYPE_LABELS,
  PRICE_TYPE_LABELS,
  RESULT_FORM_LABELS,
  RESULT_STAGE_LABELS,
  TRANSFER_MODE_LABELS,
} from '@xkx/contracts';
import { fenToYuanString, parseAmount } from '@xkx/util';
import { ColumnSpec, labelToCode } from '../../common/excel/sheet-columns';

/** 万元 in the sheet (or "300万", "1.5亿", "3,000,000元" as in the web forms), fen in the API: the one parser. */
export const wanToFen = (text: string): number | string | null => {
  const parsed = parseAmount(text, 'wan');
  return parsed.ok ? parsed.fen : parsed.error === 'empty' ? null : text.trim();
};

export const fenToWan = (fen: number | null): string => {
  if (fen === null) return '';
  // fen / 1_000_000 = 万元; keep it exact by shifting the decimal point in the string.
  const yuan = fenToYuanString(fen); // "123456.78"
  const [whole = '0', cents = '00'] = yuan.split('.');
  const padded = whole.padStart(5, '0');
  const wan = `${padded.slice(0, -4)}.${padded.slice(-4)}${cents}`.replace(/^0+(?=\d)/, '');
  return wan.replace(/\.?0+$/, '');
};

/** "容量保持率:≥90:%; 能量密度:300:Wh/kg" */
export const parseIndicators = (text: string): Array<{ name: string; value: string; unit?: string }> =>
  text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const [name = '', value = '', unit] = item.split(/[:：]/).map((x) => x.trim());
      return unit ? { name, value, unit } : { name, value };
    });

/** "发明专利:CN202310000001.5:已授权; 软件著作权:2023SR0123456:已授权" */
export const parseIpAssets = (text: string): Array<{ type: IpType | string; number: string; status: IpStatus | string }> =>
  text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const [type = '', number = '', status = ''] = item.split(/[:：]/).map((x) => x.trim());
      return { type: labelToCode(IP_TYPE_LABELS, type), number, status: status ? labelToCode(IP_STATUS_LABELS, status) : 'PENDING' };
    });

/** Notes of the template's help sheet, in words a clerk reads (the importer also takes the codes). */
const FIELD_NOTE = '技术领域名称，如 储能与动力电池；多个用逗号分隔';
const DATE_NOTE = '日期，如 2026-12-31';

export const RESULT_COLUMNS: ColumnSpec[] = [
  { header: '成果名称*', field: 'title', width: 30 },
  { header: '一句话价值*', field: 'valueProposition', width: 30 },
  { header: '公开摘要*', field: 'publicSummary', width: 50, note: '门户公开展示，至少 20 字' },
  { header: '保密详情', field: 'confidentialDetail', width: 30, note: '签署保密协议后才可见' },
  { header: '解决的问题*', field: 'problemSolved', width: 30 },
  { header: '技术优势*', field: 'advantages', width: 30 },
  { header: '技术指标', field: 'indicators', width: 30, note: '名称:数值:单位，多项用分号分隔' },
  { header: '应用领域*', field: 'applications', width: 25 },
  { header: '技术领域代码*', field: 'fieldCodes', width: 16, note: FIELD_NOTE },
  { header: '关键词', field: 'keywords', width: 20, note: '逗号分隔' },
  { header: '成果形式*', field: 'form', width: 12, note: Object.values(RESULT_FORM_LABELS).map((l) => l['zh-CN']).join('/') },
  { header: 'TRL*', field: 'trl', width: 6, note: '1–9' },
  { header: '成熟阶段*', field: 'stage', width: 10, note: Object.values(RESULT_STAGE_LABELS).map((l) => l['zh-CN']).join('/') },
  { header: '知识产权', field: 'ipAssets', width: 40, note: '类型:号码:状态，多项用分号分隔；专利号如 CN202310123456.6' },
  { header: '权利人*', field: 'owners', width: 20, note: '逗号分隔' },
  { header: '发明人', field: 'inventors', width: 20, note: '逗号分隔' },
  { header: '职务成果', field: 'serviceInvention', width: 8, note: '是/否' },
  { header: '转化方式*', field: 'transferModes', width: 20, note: Object.values(TRANSFER_MODE_LABELS).map((l) => l['zh-CN']).join('/') },
  { header: '面议', field: 'price.negotiable', width: 6, note: '是/否' },
  { header: '最低价(万元)', field: 'price.minFen', width: 12 },
  { header: '最高价(万元)', field: 'price.maxFen', width: 12 },
  { header: '价格类型', field: 'price.priceType', width: 10, note: Object.values(PRICE_TYPE_LABELS).map((l) => l['zh-CN']).join('/') },
  { header: '有效期至*', field: 'validUntil', width: 12, note: DATE_NOTE },
  { header: '所属机构*', field: 'organization', width: 24, note: '高校或科研院所全称' },
];

export const NEED_COLUMNS: ColumnSpec[] = [
  { header: '需求名称*', field: 'title', width: 30 },
  { header: '公开摘要*', field: 'publicSummary', width: 50, note: '门户公开展示，至少 20 字' },
  { header: '保密详情', field: 'confidentialDetail', width: 30 },
  { header: '需解决的问题*', field: 'problem', width: 30 },
  { header: '技术指标', field: 'indicators', width: 30, note: '名称:数值:单位，多项用分号分隔' },
  { header: '必备条件', field: 'mustHaves', width: 25, note: '分号分隔' },
  { header: '加分条件', field: 'niceToHaves', width: 25, note: '分号分隔' },
  { header: '技术领域代码*', field: 'fieldCodes', width: 16, note: FIELD_NOTE },
  { header: '关键词', field: 'keywords', width: 20 },
  { header: '需求类型*', field: 'needType', width: 12, note: Object.values(NEED_TYPE_LABELS).map((l) => l['zh-CN']).join('/') },
  { header: '合作方式*', field: 'cooperationModes', width: 20, note: Object.values(TRANSFER_MODE_LABELS).map((l) => l['zh-CN']).join('/') },
  { header: '预算面议', field: 'budget.negotiable', width: 8, note: '是/否' },
  { header: '预算下限(万元)', field: 'budget.minFen', width: 12 },
  { header: '预算上限(万元)', field: 'budget.maxFen', width: 12 },
  { header: '悬赏(万元)', field: 'bountyFen', width: 10, note: '揭榜挂帅，可空' },
  { header: '最低TRL', field: 'minTrl', width: 8 },
  { header: '截止日期', field: 'deadline', width: 12, note: DATE_NOTE },
  { header: '有效期至*', field: 'validUntil', width: 12, note: DATE_NOTE },
  { header: '匿名发布', field: 'anonymous', width: 8, note: '是/否' },
  { header: '所属企业*', field: 'organization', width: 24, note: '企业全称或统一社会信用代码' },
];
