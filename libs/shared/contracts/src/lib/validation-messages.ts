import { ROLE_LABELS, USER_STATUS_LABELS } from './auth';
import { DEAL_STAGE_LABELS, OBJECTION_DECISION_LABELS, PRICING_METHOD_LABELS } from './deals';
import { LEGAL_PERSON_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from './tech-contracts';
import { formatFen } from './audit';
import type { Locale } from './error-codes';
import { KPI_DIMENSION_LABELS, KPI_VIEW_LABELS } from './kpis';
import { IP_STATUS_LABELS, IP_TYPE_LABELS, LISTING_STATUS_LABELS, NEED_TYPE_LABELS, PRICE_TYPE_LABELS, RESULT_FORM_LABELS, RESULT_STAGE_LABELS, TRANSFER_MODE_LABELS } from './listings';
import { DECLINE_REASON_LABELS } from './matching';
import { ORGANIZATION_KIND_LABELS } from './organizations';

/**
 * Field-level messages for validation constraints, keyed by constraint name (class-validator's
 * names plus our own). `{0}`, `{1}` stand for the constraint's arguments; `{0:fen}` writes an amount in fen as
 * yuan (¥1,234.56), since people never read 分.
 */
export const VALIDATION_MESSAGES: Record<string, Record<Locale, string>> = {
  isDefined: { 'zh-CN': '必填', en: 'is required' },
  isNotEmpty: { 'zh-CN': '不能为空', en: 'must not be empty' },
  isString: { 'zh-CN': '必须是文本', en: 'must be a string' },
  isInt: { 'zh-CN': '必须是整数', en: 'must be an integer' },
  isNumber: { 'zh-CN': '必须是数字', en: 'must be a number' },
  maxDecimalPlaces: { 'zh-CN': '小数位数过多（最多 {0} 位）', en: 'has too many decimal places (at most {0})' },
  isBoolean: { 'zh-CN': '必须是布尔值', en: 'must be true or false' },
  isEmail: { 'zh-CN': '必须是有效的电子邮箱', en: 'must be a valid email address' },
  isUUID: { 'zh-CN': '必须是有效的 UUID', en: 'must be a valid UUID' },
  isEnum: { 'zh-CN': '取值必须是以下之一：{0}', en: 'must be one of: {0}' },
  isIn: { 'zh-CN': '取值必须是以下之一：{0}', en: 'must be one of: {0}' },
  isArray: { 'zh-CN': '必须是数组', en: 'must be an array' },
  arrayMinSize: { 'zh-CN': '至少需要 {0} 项', en: 'must contain at least {0} items' },
  arrayMaxSize: { 'zh-CN': '最多 {0} 项', en: 'must contain at most {0} items' },
  isDateString: { 'zh-CN': '必须是 ISO 8601 日期', en: 'must be an ISO 8601 date' },
  isISO8601: { 'zh-CN': '必须是 ISO 8601 日期', en: 'must be an ISO 8601 date' },
  min: { 'zh-CN': '不能小于 {0}', en: 'must not be less than {0}' },
  max: { 'zh-CN': '不能大于 {0}', en: 'must not be greater than {0}' },
  minLength: { 'zh-CN': '长度不能少于 {0} 个字符', en: 'must be at least {0} characters long' },
  maxLength: { 'zh-CN': '长度不能超过 {0} 个字符', en: 'must be at most {0} characters long' },
  length: { 'zh-CN': '长度必须在 {0} 到 {1} 个字符之间', en: 'must be {0} to {1} characters long' },
  matches: { 'zh-CN': '格式不正确', en: 'has an invalid format' },
  isUrl: { 'zh-CN': '必须是有效的网址', en: 'must be a valid URL' },
  whitelistValidation: { 'zh-CN': '不允许的字段', en: 'is not an allowed field' },
  nestedValidation: { 'zh-CN': '必须是对象', en: 'must be an object' },
  isObject: { 'zh-CN': '必须是对象', en: 'must be an object' },
  isCreditCode: {
    'zh-CN': '不是有效的统一社会信用代码（18 位，校验位须符合 GB 32100-2015）',
    en: 'is not a valid unified social credit code (18 characters with a GB 32100-2015 check character)',
  },
  isAreaCode: {
    'zh-CN': '必须是 6 位行政区划代码（GB/T 2260）',
    en: 'must be a 6-digit administrative area code (GB/T 2260)',
  },
  isMobileCN: { 'zh-CN': '不是有效的中国大陆手机号', en: 'is not a valid mainland China mobile number' },
  isPatentNumber: {
    'zh-CN': '不是有效的中国专利申请号（如 CN202310123456.6）',
    en: 'is not a valid Chinese patent application number (e.g. CN202310123456.6)',
  },
  isFen: {
    'zh-CN': '必须是以分为单位的非负整数',
    en: 'must be a non-negative whole number of fen',
  },
  passwordTooCommon: { 'zh-CN': '密码过于常见，请换一个', en: 'is too common; choose another password' },
  passwordPersonal: { 'zh-CN': '密码不能包含您的邮箱名或姓名', en: 'must not contain your e-mail name or your name' },
  passwordTooWeak: {
    'zh-CN': '密码太容易被猜到（常见单词、键盘序列、日期等），请加长或换一个',
    en: 'is too easy to guess (common words, keyboard patterns, dates); make it longer or less predictable',
  },
  emailTaken: { 'zh-CN': '该邮箱已注册', en: 'is already registered' },
  creditCodeTaken: { 'zh-CN': '该统一社会信用代码已被使用', en: 'is already used by another organization' },
  // Said with words, not the other field's code (it read "不能小于 minFen"): only a range's maximum uses it.
  notBelow: { 'zh-CN': '最高值不能低于最低值', en: 'the maximum must not be below the minimum' },
  laboratoryNameTaken: { 'zh-CN': '该机构已有同名实验室或平台', en: 'is already the name of a laboratory of this organization' },
  laboratoryOfOrganization: { 'zh-CN': '所选实验室不属于该机构', en: 'is not a laboratory of this organization' },
  availableExceedsTotal: { 'zh-CN': '可租面积不能大于总面积（{0} 平方米）', en: 'must not exceed the total area ({0} m²)' },
  priceRangeInverted: { 'zh-CN': '最高价不能低于最低价', en: 'must not be lower than the lowest price' },
  unknownCarrier: { 'zh-CN': '科创载体不存在或已停用', en: 'is not an active innovation carrier' },
  landedBeforeSigned: { 'zh-CN': '不能早于合同签订日期（{0}）', en: 'must not be before the contract was signed ({0})' },
  carrierNameTaken: { 'zh-CN': '已有同名的科创载体', en: 'is already the name of another carrier' },
  unknownLaboratory: { 'zh-CN': '实验室或平台不存在', en: 'is not a known laboratory' },
  expiresBeforeIssued: { 'zh-CN': '有效期须晚于发证日期', en: 'must be after the date of issue' },
  unknownFieldCode: { 'zh-CN': '包含不存在的技术领域：{0}', en: 'contains unknown technology fields: {0}' },
  dateInPast: { 'zh-CN': '日期不能早于今天', en: 'must not be in the past' },
  dateTooFar: { 'zh-CN': '有效期最长为 3 年', en: 'must be within 3 years' },
  duplicateInFile: { 'zh-CN': '与第 {0} 行重复', en: 'repeats row {0}' },
  organizationNameTaken: { 'zh-CN': '已有同名机构，其统一社会信用代码为 {0}', en: 'another organization of this name exists, with credit code {0}' },
  unknownOrganization: { 'zh-CN': '找不到机构“{0}”（请填写全称或统一社会信用代码）', en: 'no organization "{0}" (use the full name or credit code)' },
  invalid: { 'zh-CN': '取值无效', en: 'is invalid' },
  noControlCharacters: { 'zh-CN': '不能包含控制字符', en: 'must not contain control characters' },
  wellFormedText: { 'zh-CN': '包含无效的 Unicode 字符', en: 'contains invalid Unicode characters' },
  maxUncompressedMb: { 'zh-CN': '解压后不能超过 {0} MB', en: 'must not unpack to more than {0} MB' },
  unknownContractType: { 'zh-CN': '合同类型不存在或已停用：{0}', en: 'unknown or inactive contract type: {0}' },
  contractSubtypeRequired: { 'zh-CN': '请选择具体的合同子类型', en: 'choose a contract subtype' },
  technicalAmountNegative: { 'zh-CN': '非技术性费用不能超过合同成交额', en: 'must not exceed the contract amount' },
  scheduleSumMismatch: { 'zh-CN': '付款计划合计 {0:fen}，应等于合同成交额 {1:fen}', en: 'installments add up to {0:fen}; they must equal the contract amount of {1:fen}' },
  paymentExceedsContract: { 'zh-CN': '累计到账将达 {0:fen}，超过合同成交额 {1:fen}', en: 'received would total {0:fen}, above the contract amount of {1:fen}' },
  isRegistrationNumber: { 'zh-CN': '登记号必须是 16 位数字（年份 4 位 + 行政区划代码 6 位 + 序号 6 位）', en: 'must be 16 digits: year (4), area code (6), serial (6)' },
  incomeExceedsTechnical: { 'zh-CN': '核定技术性收入不能超过技术交易额', en: 'must not exceed the technical amount' },
  unknownRegistrationField: { 'zh-CN': '不是已配置的登记字段', en: 'is not a configured registration field' },
  registrationFieldType: { 'zh-CN': '取值类型应为 {0}', en: 'must be of type {0}' },
  dateOrder: { 'zh-CN': '不能早于 {0}', en: 'must not be before {0}' },
  notInFuture: { 'zh-CN': '不能晚于今天（{0}）', en: 'must not be later than today ({0})' },
  registrationNumberTaken: { 'zh-CN': '该登记号已用于另一份合同', en: 'is already the registration number of another contract' },
  declineReasonRequired: { 'zh-CN': '婉拒时请选择原因', en: 'choose a reason when declining' },
  breaksChain: { 'zh-CN': '会使签约流程不完整（早于公示期满，或晚于已有的登记、到账日期）', en: 'would break the contract chain (before the public notice ended, or after an existing registration or payment date)' },
  amendmentEmpty: { 'zh-CN': '变更未改动任何金额、当事方或类型', en: 'the amendment changes no amount, party or type' },
  frozenAfterRegistration: { 'zh-CN': '合同已登记，不能直接修改；请记录变更', en: 'is frozen once registered; record an amendment' },
  transferFieldsRequired: { 'zh-CN': '技术转让类合同申请登记时须填写预计新增投资与产值', en: 'transfer contracts need the expected new investment and output before registration' },
  // Bulk work and the taxonomy pages (issue 17)
  arrayUnique: { 'zh-CN': '不能包含重复项', en: 'must not contain the same item twice' },
  synonymTermTaken: { 'zh-CN': '“{0}”已在另一个同义词组（{1}）中', en: '"{0}" is already in another synonym group ({1})' },
  synonymTermRepeated: { 'zh-CN': '“{0}”在本组中重复', en: '"{0}" appears twice in this group' },
  parentFieldInactive: { 'zh-CN': '上级领域 {0} 已停用', en: 'the parent field {0} is inactive' },
  notABroker: { 'zh-CN': '只能选择在职的技术经理人', en: 'must be an active broker' },
};

/** Label maps of the coded values a field may be limited to (isEnum, isIn). */
const CODE_LABEL_MAPS: ReadonlyArray<Readonly<Record<string, Record<Locale, string>>>> = [
  PRICE_TYPE_LABELS, TRANSFER_MODE_LABELS, RESULT_FORM_LABELS, RESULT_STAGE_LABELS, IP_TYPE_LABELS, IP_STATUS_LABELS,
  NEED_TYPE_LABELS, LISTING_STATUS_LABELS, ROLE_LABELS, USER_STATUS_LABELS, ORGANIZATION_KIND_LABELS, DEAL_STAGE_LABELS,
  PRICING_METHOD_LABELS, LEGAL_PERSON_TYPE_LABELS, REGISTRATION_STATUS_LABELS, OBJECTION_DECISION_LABELS,
  DECLINE_REASON_LABELS, KPI_VIEW_LABELS, KPI_DIMENSION_LABELS,
];

/**
 * The allowed values of an enum in words: INDICATIVE, FLOOR, FIRM → 参考价、底价、一口价. The label map is the
 * one that words every value, so a code shared by two enums (PENDING) reads as its own enum says.
 */
function allowedValues(values: readonly unknown[], locale: Locale): string {
  const codes = values.map(String);
  const labels = CODE_LABEL_MAPS.find((map) => codes.every((c) => c in map));
  return labels ? codes.map((c) => labels[c]?.[locale] ?? c).join(locale === 'zh-CN' ? '、' : ', ') : codes.join(', ');
}

export function formatValidationMessage(constraint: string, args: unknown[], locale: Locale): string | undefined {
  const template = VALIDATION_MESSAGES[constraint]?.[locale];
  if (!template) return undefined;
  return template.replace(/\{(\d+)(:fen)?\}/g, (_, i: string, fen?: string) => {
    const value = args[Number(i)];
    if (fen && (typeof value === 'number' || typeof value === 'string') && /^-?\d+$/.test(String(value))) return formatFen(value);
    if (Array.isArray(value)) return allowedValues(value, locale);
    if (value !== null && typeof value === 'object') return allowedValues(Object.values(value), locale);
    return String(value ?? '');
  });
}
