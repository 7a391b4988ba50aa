import { INSTRUMENT_PRICE_UNIT_LABELS, INSTRUMENT_REQUEST_STATUS_LABELS } from './instruments';
import { EXPERT_AVAILABILITY_LABELS, EXPERT_COOPERATION_MODE_LABELS, EXPERT_TITLE_LABELS, LABORATORY_KIND_LABELS } from './experts';
import { LANDING_KIND_LABELS } from './carriers';
import { ROLE_LABELS, USER_STATUS_LABELS } from './auth';
import { DEAL_STAGE_LABELS, DealSide, OBJECTION_DECISION_LABELS, PRICING_METHOD_LABELS } from './deals';
import { REGISTRATION_STATUS_LABELS } from './tech-contracts';
import type { LocalizedText } from './error-codes';
import { LISTING_STATUS_LABELS } from './listings';
import { ORGANIZATION_KIND_LABELS } from './organizations';

/**
 * The audit trail's vocabulary, in one place: every action with its words in both languages, the kinds
 * of thing an entry is about, and the fields whose before → after it records. A new action is one line
 * in AUDIT_ACTION_LABELS; a new field one line in AUDIT_FIELDS. The API (page, Excel export) and the web
 * render entries only through `describeAuditEntry`, so no raw code reaches a person.
 */
export const AUDIT_ACTION_LABELS = {
  // Accounts and sign-in
  REGISTERED: { 'zh-CN': '注册', en: 'Registered' },
  REGISTRATION_EMAIL_TAKEN: { 'zh-CN': '用已注册邮箱再次注册', en: 'Registration tried with a taken e-mail' },
  LOGIN_SUCCEEDED: { 'zh-CN': '登录成功', en: 'Signed in' },
  LOGIN_FAILED: { 'zh-CN': '登录失败', en: 'Sign-in failed' },
  LOGIN_THROTTLED: { 'zh-CN': '登录受限', en: 'Sign-in throttled' },
  LOGOUT: { 'zh-CN': '退出登录', en: 'Signed out' },
  TOKEN_REUSE_DETECTED: { 'zh-CN': '凭证重复使用', en: 'Token reuse detected' },
  PASSWORD_CHANGED: { 'zh-CN': '修改密码', en: 'Password changed' },
  PASSWORD_RESET_REQUESTED: { 'zh-CN': '申请重设密码', en: 'Password reset requested' },
  PASSWORD_RESET: { 'zh-CN': '重设密码', en: 'Password reset' },
  USER_CREATED: { 'zh-CN': '创建账号', en: 'Account created' },
  USER_VERIFIED: { 'zh-CN': '审核通过', en: 'Account verified' },
  USER_REJECTED: { 'zh-CN': '审核驳回', en: 'Account rejected' },
  STATUS_CHANGED: { 'zh-CN': '状态变更', en: 'Status changed' },
  ROLE_CHANGED: { 'zh-CN': '角色变更', en: 'Role changed' },
  ADMIN_CREATED: { 'zh-CN': '创建管理员（命令行或首次设置链接）', en: 'Administrator created (command line or first-start link)' },
  USER_INVITED: { 'zh-CN': '邀请账号（设置密码链接）', en: 'Account invited (set-password link)' },
  // Organizations
  ORGANIZATION_CREATED: { 'zh-CN': '新建机构', en: 'Organization created' },
  ORGANIZATION_UPDATED: { 'zh-CN': '修改机构', en: 'Organization updated' },
  ORGANIZATION_VERIFIED: { 'zh-CN': '认证机构', en: 'Organization verified' },
  // Deals
  DEAL_CREATED: { 'zh-CN': '新建撮合项目', en: 'Deal created' },
  DEAL_UPDATED: { 'zh-CN': '修改撮合项目', en: 'Deal updated' },
  DEAL_STAGE_CHANGED: { 'zh-CN': '撮合阶段变更', en: 'Deal stage changed' },
  DEAL_PARTICIPANT_ADDED: { 'zh-CN': '加入撮合项目', en: 'Deal participant added' },
  DEAL_PRICE_AGREED: { 'zh-CN': '报价被接受', en: 'Offer accepted' },
  NDA_SIGNED: { 'zh-CN': '签署保密协议', en: 'NDA signed' },
  NDA_VERSION_PUBLISHED: { 'zh-CN': '发布保密协议文本', en: 'NDA text published' },
  PUBLIC_NOTICE_OPENED: { 'zh-CN': '开始公示', en: 'Public notice opened' },
  PUBLIC_NOTICE_WITHDRAWN: { 'zh-CN': '撤回公示', en: 'Public notice withdrawn' },
  OBJECTION_RAISED: { 'zh-CN': '提出异议', en: 'Objection raised' },
  OBJECTION_ANSWERED: { 'zh-CN': '答复异议', en: 'Objection answered' },
  // Contracts, registration, payments
  CONTRACT_CREATED: { 'zh-CN': '录入技术合同', en: 'Contract recorded' },
  CONTRACT_UPDATED: { 'zh-CN': '修改技术合同', en: 'Contract updated' },
  CONTRACT_REGISTRATION_CHANGED: { 'zh-CN': '认定登记变更', en: 'Registration changed' },
  PAYMENT_RECORDED: { 'zh-CN': '登记到账', en: 'Payment recorded' },
  PAYMENT_REMOVED: { 'zh-CN': '删除到账', en: 'Payment removed' },
  CONTRACT_AMENDED: { 'zh-CN': '登记后变更技术合同', en: 'Registered contract amended' },
  // Files
  ATTACHMENT_UPLOADED: { 'zh-CN': '上传附件', en: 'File attached' },
  ATTACHMENT_REMOVED: { 'zh-CN': '删除附件', en: 'File removed' },
  // Listings
  LISTING_REVIEWED: { 'zh-CN': '成果/需求审核', en: 'Listing reviewed' },
  // KPI ledger
  KPI_TARGET_CHANGED: { 'zh-CN': '修改年度目标', en: 'Target changed' },
  RND_SPENDING_CHANGED: { 'zh-CN': '修改研发投入', en: 'R&D spending changed' },
  SUBSIDY_MARK_CHANGED: { 'zh-CN': '修改奖补标记', en: 'Subsidy mark changed' },
  // Deals handed to another broker, taxonomy (issue 17)
  DEAL_REASSIGNED: { 'zh-CN': '转交撮合项目', en: 'Deal reassigned' },
  FIELD_CREATED: { 'zh-CN': '新增技术领域', en: 'Technology field added' },
  FIELD_UPDATED: { 'zh-CN': '修改技术领域', en: 'Technology field changed' },
  SYNONYM_GROUP_CREATED: { 'zh-CN': '新增同义词组', en: 'Synonym group added' },
  SYNONYM_GROUP_UPDATED: { 'zh-CN': '修改同义词组', en: 'Synonym group changed' },
  SYNONYM_GROUP_DELETED: { 'zh-CN': '删除同义词组', en: 'Synonym group deleted' },
  SYNONYMS_REPLACED: { 'zh-CN': '整体替换同义词表', en: 'Synonym list replaced' },
  // Innovation carriers and landings (issue 16)
  CARRIER_CREATED: { 'zh-CN': '新增科创载体', en: 'Innovation carrier added' },
  CARRIER_UPDATED: { 'zh-CN': '修改科创载体', en: 'Innovation carrier changed' },
  LANDING_RECORDED: { 'zh-CN': '记录项目落地', en: 'Landing recorded' },
  LANDING_UPDATED: { 'zh-CN': '更正项目落地', en: 'Landing corrected' },
  INSTRUMENT_CREATED: { 'zh-CN': '新增共享仪器', en: 'Shared instrument added' },
  INSTRUMENT_UPDATED: { 'zh-CN': '修改共享仪器', en: 'Shared instrument changed' },
  INSTRUMENT_REQUESTED: { 'zh-CN': '申请使用共享仪器', en: 'Instrument use requested' },
  INSTRUMENT_REQUEST_ANSWERED: { 'zh-CN': '答复仪器使用申请', en: 'Instrument request answered' },
  // Experts and laboratories (issue 16)
  EXPERT_CREATED: { 'zh-CN': '新建专家档案', en: 'Expert profile created' },
  EXPERT_UPDATED: { 'zh-CN': '修改专家档案', en: 'Expert profile changed' },
  EXPERT_VERIFIED: { 'zh-CN': '审核专家档案', en: 'Expert profile verified' },
  LABORATORY_CREATED: { 'zh-CN': '新增实验室与平台', en: 'Laboratory added' },
  LABORATORY_UPDATED: { 'zh-CN': '修改实验室与平台', en: 'Laboratory changed' },
} as const satisfies Record<string, LocalizedText>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
/** `AuditAction.DEAL_CREATED` etc., derived from the labels so the two cannot drift. */
export const AuditAction = Object.fromEntries(Object.keys(AUDIT_ACTION_LABELS).map((k) => [k, k])) as { readonly [K in AuditAction]: K };

/** What an entry is about; the web links each to its page. */
export const AUDIT_ENTITY_LABELS = {
  user: { 'zh-CN': '账号', en: 'Account' },
  organization: { 'zh-CN': '机构', en: 'Organization' },
  deal: { 'zh-CN': '撮合项目', en: 'Deal' },
  contract: { 'zh-CN': '技术合同', en: 'Contract' },
  result: { 'zh-CN': '科技成果', en: 'Result' },
  need: { 'zh-CN': '技术需求', en: 'Need' },
  public_notice: { 'zh-CN': '公示', en: 'Public notice' },
  nda: { 'zh-CN': '保密协议', en: 'NDA' },
  kpi_target: { 'zh-CN': '年度目标', en: 'Target' },
  rnd_spending: { 'zh-CN': '研发投入', en: 'R&D spending' },
  subsidy_mark: { 'zh-CN': '奖补标记', en: 'Subsidy mark' },
  technology_field: { 'zh-CN': '技术领域', en: 'Technology field' },
  synonym_group: { 'zh-CN': '同义词组', en: 'Synonym group' },
  innovation_carrier: { 'zh-CN': '科创载体', en: 'Innovation carrier' },
  shared_instrument: { 'zh-CN': '共享仪器', en: 'Shared instrument' },
  instrument_request: { 'zh-CN': '仪器使用申请', en: 'Instrument request' },
  expert: { 'zh-CN': '专家', en: 'Expert' },
  laboratory: { 'zh-CN': '实验室与平台', en: 'Laboratory' },
} as const satisfies Record<string, LocalizedText>;
export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS) as AuditEntityType[];

/** The web page of an entity, for links from the audit page (null: no page of its own). A contract is
 * shown on its deal's page. */
export function auditEntityPath(type: string | null, id: string | null, dealId?: string | null): string | null {
  if (!type || !id) return null;
  switch (type) {
    case 'deal': return `/deals/${id}`;
    case 'contract': return dealId ? `/deals/${dealId}` : null;
    case 'public_notice': return dealId ? `/deals/${dealId}` : null;
    case 'result': return `/results/${id}`;
    case 'need': return `/needs/${id}`;
    case 'organization': return `/manage/organizations`;
    case 'innovation_carrier': return `/carriers/${id}`;
    case 'expert': return `/experts/${id}`;
    case 'laboratory': return `/laboratories/${id}`;
    case 'user': return `/manage/users`;
    default: return null;
  }
}

/** One recorded change: the value before and after. */
export interface AuditChange {
  from: unknown;
  to: unknown;
}
export type AuditChanges = Record<string, AuditChange>;

type ValueKind = 'text' | 'money' | 'date' | 'datetime' | 'number' | 'bool' | 'hidden';

interface AuditField {
  label: LocalizedText;
  /** How a value is written; a table of labels for coded values. */
  kind?: ValueKind;
  values?: Readonly<Record<string, LocalizedText>>;
}

const DEAL_SIDE_LABELS: Record<DealSide, LocalizedText> = {
  INSTITUTION: { 'zh-CN': '成果方', en: 'Institution side' },
  ENTERPRISE: { 'zh-CN': '企业方', en: 'Enterprise side' },
  BROKER: { 'zh-CN': '技术经理人', en: 'Broker' },
};

const DECISION_LABELS: Record<string, LocalizedText> = {
  UPHELD: { 'zh-CN': '异议成立', en: 'Upheld' },
  DISMISSED: { 'zh-CN': '异议不成立', en: 'Dismissed' },
  APPROVED: { 'zh-CN': '通过', en: 'Approved' },
  APPROVE: { 'zh-CN': '审核通过', en: 'Approved' },
  REJECT: { 'zh-CN': '驳回', en: 'Rejected' },
  REQUEST_CHANGES: { 'zh-CN': '退回修改', en: 'Changes requested' },
  REJECTED: { 'zh-CN': '驳回', en: 'Rejected' },
  CHANGES_REQUESTED: { 'zh-CN': '退回修改', en: 'Changes requested' },
};

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

const ATTACHMENT_CATEGORY_LABELS: Record<string, LocalizedText> = {
  SIGNED_CONTRACT: t('合同签署页扫描件', 'Signed contract scan'),
  REGISTRATION_CERTIFICATE: t('技术合同登记证明', 'Registration certificate'),
  BANK_RECEIPT: t('银行回单', 'Bank receipt'),
  IMAGE: t('图片', 'Image'),
  BROCHURE: t('宣传册', 'Brochure'),
  OTHER: t('其他', 'Other'),
};

const ATTACHMENT_TARGET_LABELS: Record<string, LocalizedText> = {
  CONTRACT: t('技术合同', 'Contract'),
  PAYMENT: t('到账记录', 'Payment'),
  RESULT: t('科技成果', 'Result'),
  NEED: t('技术需求', 'Need'),
};

/** Fields an entry may carry, in `changes` (before → after) or as plain details. Add a line per new field. */
export const AUDIT_FIELDS: Readonly<Record<string, AuditField>> = {
  // people and organizations
  role: { label: t('角色', 'Role'), values: ROLE_LABELS },
  status: { label: t('状态', 'Status'), values: { ...USER_STATUS_LABELS, ...LISTING_STATUS_LABELS } },
  reason: { label: t('原因', 'Reason') },
  note: { label: t('备注', 'Note') },
  via: { label: t('途径', 'Via'), values: { registration: t('自助注册', 'Self-registration'), import: t('批量导入', 'Import') } },
  source: { label: t('来源', 'Source') },
  row: { label: t('行号', 'Row') },
  name: { label: t('名称', 'Name') },
  nameZh: { label: t('中文名称', 'Name (Chinese)') },
  nameEn: { label: t('英文名称', 'Name (English)') },
  kind: { label: t('类型', 'Kind'), values: ORGANIZATION_KIND_LABELS },
  creditCode: { label: t('统一社会信用代码', 'Unified social credit code') },
  areaCode: { label: t('行政区划代码', 'Area code') },
  verified: { label: t('已认证', 'Verified'), kind: 'bool' },
  shortName: { label: t('简称', 'Short name') },
  address: { label: t('地址', 'Address') },
  isHighTech: { label: t('高新技术企业', 'High-tech enterprise'), kind: 'bool' },
  isSpecialized: { label: t('专精特新', 'Specialized and innovative'), kind: 'bool' },
  isKeyMonitored: { label: t('重点监测企业', 'Key monitored enterprise'), kind: 'bool' },
  email: { label: t('邮箱', 'Email') },
  // deals
  title: { label: t('标题', 'Title') },
  stage: { label: t('阶段', 'Stage'), values: DEAL_STAGE_LABELS },
  side: { label: t('身份', 'Side'), values: DEAL_SIDE_LABELS },
  participant: { label: t('参与人', 'Participant') },
  agreedPriceFen: { label: t('约定价格', 'Agreed price'), kind: 'money' },
  intendedPriceFen: { label: t('公示价格', 'Intended price'), kind: 'money' },
  pricingMethod: { label: t('定价方式', 'Pricing method'), values: PRICING_METHOD_LABELS },
  nextAction: { label: t('下一步', 'Next action') },
  nextActionDue: { label: t('下一步期限', 'Next action due'), kind: 'date' },
  overrideReason: { label: t('管理员放行理由', 'Administrator override reason') },
  ndaVersion: { label: t('协议版本', 'NDA version'), kind: 'number' },
  textHash: { label: t('文本摘要', 'Text hash') },
  startsOn: { label: t('公示开始', 'Notice starts'), kind: 'date' },
  endsOn: { label: t('公示结束', 'Notice ends'), kind: 'date' },
  decision: { label: t('结论', 'Decision'), values: DECISION_LABELS },
  answer: { label: t('答复', 'Answer') },
  objector: { label: t('异议人', 'Objector') },
  objectionDecision: { label: t('答复结论', 'Answer'), values: OBJECTION_DECISION_LABELS },
  // contracts
  projectName: { label: t('项目名称', 'Project name') },
  typeCode: { label: t('合同类型', 'Contract type') },
  contractAmountFen: { label: t('合同成交额', 'Contract amount'), kind: 'money' },
  technicalAmountFen: { label: t('技术交易额', 'Technology transaction amount'), kind: 'money' },
  amountFen: { label: t('金额', 'Amount'), kind: 'money' },
  nonTechnicalCostFen: { label: t('非技术性费用', 'Non-technical costs'), kind: 'money' },
  receivedFen: { label: t('实际到账合计', 'Received in total'), kind: 'money' },
  expectedInvestmentFen: { label: t('预计新增投资', 'Expected new investment'), kind: 'money' },
  expectedOutputFen: { label: t('预计新增产值', 'Expected new output'), kind: 'money' },
  contractNo: { label: t('合同编号', 'Contract number') },
  receivedOn: { label: t('到账日期', 'Received on'), kind: 'date' },
  signedOn: { label: t('签订日期', 'Signed on'), kind: 'date' },
  sellerName: { label: t('卖方', 'Seller') },
  buyerName: { label: t('买方', 'Buyer') },
  sellerCreditCode: { label: t('卖方信用代码', 'Seller credit code') },
  buyerCreditCode: { label: t('买方信用代码', 'Buyer credit code') },
  registrationStatus: { label: t('登记状态', 'Registration status'), values: REGISTRATION_STATUS_LABELS },
  registrationNumber: { label: t('登记编号', 'Registration number') },
  registeredOn: { label: t('登记日期', 'Registered on'), kind: 'date' },
  registeredIncomeFen: { label: t('核定技术性收入', 'Certified technical income'), kind: 'money' },
  registrationSubmittedOn: { label: t('申请登记日期', 'Submitted for registration on'), kind: 'date' },
  registrationDecidedOn: { label: t('登记决定日期', 'Registration decided on'), kind: 'date' },
  registrationNote: { label: t('登记说明', 'Registration note') },
  certifiedIncomeFen: { label: t('核定技术性收入', 'Certified technical income'), kind: 'money' },
  sellerAreaCode: { label: t('卖方所在地区代码', 'Seller area code') },
  buyerAreaCode: { label: t('买方所在地区代码', 'Buyer area code') },
  effectiveOn: { label: t('变更生效日期', 'Effective from'), kind: 'date' },
  // files
  fileName: { label: t('附件', 'File') },
  category: { label: t('附件类别', 'Kind of file'), values: ATTACHMENT_CATEGORY_LABELS },
  attachedTo: { label: t('所属记录', 'Attached to'), values: ATTACHMENT_TARGET_LABELS },
  sizeBytes: { label: t('文件大小（字节）', 'Size (bytes)'), kind: 'number' },
  sha256: { label: t('文件摘要（SHA-256）', 'File hash (SHA-256)') },
  // KPI ledger
  year: { label: t('年度', 'Year'), kind: 'number' },
  projectTarget: { label: t('项目目标', 'Project target'), kind: 'number' },
  turnoverTargetFen: { label: t('成交额目标', 'Turnover target'), kind: 'money' },
  spendingFen: { label: t('研发投入', 'R&D spending'), kind: 'money' },
  relatedParty: { label: t('关联交易', 'Related party'), kind: 'bool' },
  // deals handed over, taxonomy (issue 17)
  broker: { label: t('技术经理人', 'Broker') },
  code: { label: t('代码', 'Code') },
  sort: { label: t('排序', 'Order'), kind: 'number' },
  active: { label: t('启用', 'Active'), kind: 'bool' },
  terms: { label: t('同义词', 'Terms') },
  groups: { label: t('同义词组数', 'Groups'), kind: 'number' },
  // enterprise cultivation, carriers and landings (issue 16)
  highTechCertNo: { label: t('高企证书编号', 'High-tech certificate number') },
  highTechIssuedOn: { label: t('高企发证日期', 'High-tech certificate issued'), kind: 'date' },
  highTechExpiresOn: { label: t('高企有效期至', 'High-tech certificate expires'), kind: 'date' },
  specializedCertNo: { label: t('专精特新编号', 'Specialized SME number') },
  specializedIssuedOn: { label: t('专精特新认定日期', 'Specialized SME recognised'), kind: 'date' },
  specializedExpiresOn: { label: t('专精特新有效期至', 'Specialized SME expires'), kind: 'date' },
  totalAreaM2: { label: t('总面积（㎡）', 'Total area (m²)'), kind: 'number' },
  availableAreaM2: { label: t('可租面积（㎡）', 'Available area (m²)'), kind: 'number' },
  priceMinFenPerM2Month: { label: t('最低租金（每平方米每月）', 'Lowest rent (per m² per month)'), kind: 'money' },
  priceMaxFenPerM2Month: { label: t('最高租金（每平方米每月）', 'Highest rent (per m² per month)'), kind: 'money' },
  fieldCodes: { label: t('适合领域', 'Suited fields') },
  description: { label: t('简介', 'Description') },
  contactName: { label: t('联系人', 'Contact') },
  contactPhone: { label: t('联系电话', 'Contact phone') },
  contactEmail: { label: t('联系邮箱', 'Contact email') },
  illustrative: { label: t('示意数据', 'Illustrative'), kind: 'bool' },
  carrier: { label: t('落地载体', 'Carrier') },
  areaM2: { label: t('落地面积（㎡）', 'Area (m²)'), kind: 'number' },
  landingKind: { label: t('落地方式', 'Landing'), values: LANDING_KIND_LABELS },
  companyName: { label: t('落地企业', 'Company') },
  companyCreditCode: { label: t('企业信用代码', 'Company credit code') },
  jobsPlanned: { label: t('计划就业人数', 'Jobs planned'), kind: 'number' },
  landedOn: { label: t('落地日期', 'Landed on'), kind: 'date' },
  model: { label: t('型号', 'Model') },
  capability: { label: t('主要功能', 'Capability') },
  location: { label: t('放置地点', 'Location') },
  bookingTerms: { label: t('预约条件', 'Booking terms') },
  priceFen: { label: t('收费标准', 'Price'), kind: 'money' },
  priceUnit: { label: t('计价单位', 'Unit'), values: INSTRUMENT_PRICE_UNIT_LABELS },
  feeFen: { label: t('收费', 'Fee'), kind: 'money' },
  quantity: { label: t('数量', 'Quantity'), kind: 'number' },
  requestStatus: { label: t('申请状态', 'Request status'), values: INSTRUMENT_REQUEST_STATUS_LABELS },
  // experts and laboratories (issue 16)
  expertTitle: { label: t('职称', 'Title'), values: EXPERT_TITLE_LABELS },
  researchFields: { label: t('研究领域', 'Research fields') },
  directions: { label: t('研究方向', 'Research directions') },
  bio: { label: t('简介', 'Biography') },
  outputs: { label: t('代表性成果', 'Selected outputs') },
  cooperationModes: { label: t('合作方式', 'Cooperation modes'), values: EXPERT_COOPERATION_MODE_LABELS },
  availability: { label: t('档期', 'Availability'), values: EXPERT_AVAILABILITY_LABELS },
  laboratory: { label: t('所在实验室', 'Laboratory') },
  labKind: { label: t('实验室类型', 'Kind of laboratory'), values: LABORATORY_KIND_LABELS },
  headName: { label: t('负责人', 'Head') },
  summary: { label: t('概况', 'Summary') },
  // never shown: internal references
  organizationId: { label: t('机构', 'Organization'), kind: 'hidden' },
};

const EMPTY = t('（空）', '(none)');

function humanize(key: string): LocalizedText {
  const words = key.replace(/Fen$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return t(text, text);
}

/** Integer fen as yuan with two decimals and thousands separators. */
export function formatFen(fen: number | string | bigint): string {
  const n = BigInt(fen);
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}¥${yuan}.${cents}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function auditFieldLabel(field: string): LocalizedText {
  return AUDIT_FIELDS[field]?.label ?? humanize(field);
}

/** A value in people's words: coded values by their label, fen as yuan, no JSON, no ids. */
export function formatAuditValue(field: string, value: unknown): LocalizedText {
  if (value === null || value === undefined || value === '') return EMPTY;
  const spec = AUDIT_FIELDS[field];
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatAuditValue(field, v));
    return t(parts.map((p) => p['zh-CN']).join('、') || EMPTY['zh-CN'], parts.map((p) => p.en).join(', ') || EMPTY.en);
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => ({ label: auditFieldLabel(k), value: formatAuditValue(k, v) }));
    return t(parts.map((p) => `${p.label['zh-CN']}：${p.value['zh-CN']}`).join('；'), parts.map((p) => `${p.label.en}: ${p.value.en}`).join('; '));
  }
  const coded = spec?.values?.[String(value)];
  if (coded) return coded;
  switch (spec?.kind) {
    case 'money':
      if (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint') {
        try {
          const s = formatFen(value);
          return t(`${s} 元`.replace('¥', ''), s);
        } catch {
          break;
        }
      }
      break;
    case 'bool':
      return value ? t('是', 'Yes') : t('否', 'No');
    case 'datetime':
      if (typeof value === 'string') return t(value.replace('T', ' ').slice(0, 16), value.replace('T', ' ').slice(0, 16));
      break;
    case 'date':
    case 'number':
    case 'text':
    case 'hidden':
    case undefined:
      break;
  }
  if (typeof value === 'boolean') return value ? t('是', 'Yes') : t('否', 'No');
  const text = String(value);
  return t(text, text);
}

export interface AuditChangeView {
  field: string;
  label: LocalizedText;
  from: LocalizedText;
  to: LocalizedText;
}

export interface AuditDetailView {
  field: string;
  label: LocalizedText;
  value: LocalizedText;
}

/** An entry's details as changes (before → after) and other facts, both in people's words. */
export function describeAuditDetails(action: string, details: Record<string, unknown> | null | undefined): { changes: AuditChangeView[]; facts: AuditDetailView[] } {
  const d = { ...(details ?? {}) };
  let changes = (d['changes'] ?? {}) as AuditChanges;
  delete d['changes'];
  // Older entries kept a single change as top-level from/to.
  if ('from' in d && 'to' in d) {
    const field = action === 'ROLE_CHANGED' ? 'role' : 'status';
    changes = { [field]: { from: d['from'], to: d['to'] }, ...changes };
    delete d['from'];
    delete d['to'];
  }
  const list: AuditChangeView[] = Object.entries(changes).map(([field, c]) => ({
    field,
    label: auditFieldLabel(field),
    from: formatAuditValue(field, c?.from),
    to: formatAuditValue(field, c?.to),
  }));
  const facts: AuditDetailView[] = Object.entries(d)
    .filter(([field, value]) => AUDIT_FIELDS[field]?.kind !== 'hidden' && !(typeof value === 'string' && UUID.test(value)) && value !== null && value !== undefined && value !== '')
    .map(([field, value]) => ({ field, label: auditFieldLabel(field), value: formatAuditValue(field, value) }));
  return { changes: list, facts };
}

/** The fields among `fields` whose values differ between before and after, for `changes`. */
export function auditDiff<T extends object>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[]): AuditChanges {
  const out: AuditChanges = {};
  for (const f of fields) {
    if (!(f in after)) continue;
    const a = before[f] ?? null;
    const b = after[f] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[f] = { from: a, to: b };
  }
  return out;
}

export function auditActionLabel(action: string): LocalizedText {
  return (AUDIT_ACTION_LABELS as Record<string, LocalizedText>)[action] ?? humanize(action);
}

export function auditEntityLabel(type: string | null): LocalizedText | null {
  return type ? ((AUDIT_ENTITY_LABELS as Record<string, LocalizedText>)[type] ?? humanize(type)) : null;
}

/** One entry as the API serves it (GET /audit-logs, a deal's or contract's history). */
/** Who acted: null fields for the platform itself. */
export interface AuditActorView {
  id: string | null;
  name: string | null;
  email: string | null;
}

/** What was acted on, and how people know it. */
export interface AuditSubjectView {
  type: string;
  typeLabel: LocalizedText;
  id: string | null;
  /** How people know it: code and title. */
  label: string | null;
  /** Web path of its page. */
  path: string | null;
}

export interface AuditEntryView {
  id: string;
  createdAt: string;
  action: AuditAction;
  actionLabel: LocalizedText;
  actorId: string | null;
  actorEmail: string | null;
  actor: AuditActorView | null;
  subjectType: string | null;
  subjectId: string | null;
  subject: AuditSubjectView | null;
  ip: string | null;
  userAgent: string | null;
  changes: AuditChangeView[];
  facts: AuditDetailView[];
  details: Record<string, unknown>;
}

/** GET /api/audit-logs */
export interface AuditEntryList {
  items: AuditEntryView[];
  total: number;
}
