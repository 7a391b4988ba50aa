/** 科技成果 (results) and 技术需求 (needs): the two sides of the market. */

export const ListingKind = { RESULT: 'RESULT', NEED: 'NEED' } as const;
export type ListingKind = (typeof ListingKind)[keyof typeof ListingKind];

/** draft → submitted → in review → (changes requested ↺ | rejected) → published → expired → archived */
export const ListingStatus = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  IN_REVIEW: 'IN_REVIEW',
  CHANGES_REQUESTED: 'CHANGES_REQUESTED',
  REJECTED: 'REJECTED',
  PUBLISHED: 'PUBLISHED',
  EXPIRED: 'EXPIRED',
  ARCHIVED: 'ARCHIVED',
} as const;
export type ListingStatus = (typeof ListingStatus)[keyof typeof ListingStatus];

export const LISTING_STATUS_LABELS: Record<ListingStatus, { 'zh-CN': string; en: string }> = {
  DRAFT: { 'zh-CN': '草稿', en: 'Draft' },
  SUBMITTED: { 'zh-CN': '已提交', en: 'Submitted' },
  IN_REVIEW: { 'zh-CN': '审核中', en: 'In review' },
  CHANGES_REQUESTED: { 'zh-CN': '需修改', en: 'Changes requested' },
  REJECTED: { 'zh-CN': '未通过', en: 'Rejected' },
  PUBLISHED: { 'zh-CN': '已发布', en: 'Published' },
  EXPIRED: { 'zh-CN': '已过期', en: 'Expired' },
  ARCHIVED: { 'zh-CN': '已归档', en: 'Archived' },
};

/** Days before valid-until when the owner is warned that the listing goes stale. */
export const STALE_WARNING_DAYS = 30;

export const ResultForm = {
  NEW_TECHNOLOGY: 'NEW_TECHNOLOGY',
  NEW_PROCESS: 'NEW_PROCESS',
  NEW_PRODUCT: 'NEW_PRODUCT',
  NEW_MATERIAL: 'NEW_MATERIAL',
  NEW_DEVICE: 'NEW_DEVICE',
  SOFTWARE: 'SOFTWARE',
} as const;
export type ResultForm = (typeof ResultForm)[keyof typeof ResultForm];
export const RESULT_FORM_LABELS: Record<ResultForm, { 'zh-CN': string; en: string }> = {
  NEW_TECHNOLOGY: { 'zh-CN': '新技术', en: 'New technology' },
  NEW_PROCESS: { 'zh-CN': '新工艺', en: 'New process' },
  NEW_PRODUCT: { 'zh-CN': '新产品', en: 'New product' },
  NEW_MATERIAL: { 'zh-CN': '新材料', en: 'New material' },
  NEW_DEVICE: { 'zh-CN': '新装置', en: 'New device' },
  SOFTWARE: { 'zh-CN': '软件', en: 'Software' },
};

/** 实验室 / 小试 / 中试 / 产业化 */
export const ResultStage = { LAB: 'LAB', SMALL_PILOT: 'SMALL_PILOT', PILOT: 'PILOT', INDUSTRIAL: 'INDUSTRIAL' } as const;
export type ResultStage = (typeof ResultStage)[keyof typeof ResultStage];
export const RESULT_STAGE_LABELS: Record<ResultStage, { 'zh-CN': string; en: string }> = {
  LAB: { 'zh-CN': '实验室', en: 'Laboratory' },
  SMALL_PILOT: { 'zh-CN': '小试', en: 'Small-scale trial' },
  PILOT: { 'zh-CN': '中试', en: 'Pilot' },
  INDUSTRIAL: { 'zh-CN': '产业化', en: 'Industrialised' },
};

/** How a result may change hands, and how an enterprise wants to cooperate. */
export const TransferMode = {
  TRANSFER: 'TRANSFER',
  LICENSE_EXCLUSIVE: 'LICENSE_EXCLUSIVE',
  LICENSE_SOLE: 'LICENSE_SOLE',
  LICENSE_GENERAL: 'LICENSE_GENERAL',
  EQUITY: 'EQUITY',
  CO_DEVELOPMENT: 'CO_DEVELOPMENT',
  SERVICE: 'SERVICE',
} as const;
export type TransferMode = (typeof TransferMode)[keyof typeof TransferMode];
export const TRANSFER_MODE_LABELS: Record<TransferMode, { 'zh-CN': string; en: string }> = {
  TRANSFER: { 'zh-CN': '转让', en: 'Assignment' },
  LICENSE_EXCLUSIVE: { 'zh-CN': '独占许可', en: 'Exclusive licence' },
  LICENSE_SOLE: { 'zh-CN': '排他许可', en: 'Sole licence' },
  LICENSE_GENERAL: { 'zh-CN': '普通许可', en: 'Non-exclusive licence' },
  EQUITY: { 'zh-CN': '作价投资', en: 'Equity investment' },
  CO_DEVELOPMENT: { 'zh-CN': '合作开发', en: 'Joint development' },
  SERVICE: { 'zh-CN': '技术服务/咨询', en: 'Technical service / consulting' },
};

export const PriceType = { INDICATIVE: 'INDICATIVE', FLOOR: 'FLOOR', FIRM: 'FIRM' } as const;
export type PriceType = (typeof PriceType)[keyof typeof PriceType];
export const PRICE_TYPE_LABELS: Record<PriceType, { 'zh-CN': string; en: string }> = {
  INDICATIVE: { 'zh-CN': '参考价', en: 'Indicative' },
  FLOOR: { 'zh-CN': '底价', en: 'Floor' },
  FIRM: { 'zh-CN': '一口价', en: 'Firm' },
};

export const IpType = {
  INVENTION_PATENT: 'INVENTION_PATENT',
  UTILITY_MODEL: 'UTILITY_MODEL',
  DESIGN_PATENT: 'DESIGN_PATENT',
  SOFTWARE_COPYRIGHT: 'SOFTWARE_COPYRIGHT',
  IC_LAYOUT: 'IC_LAYOUT',
  PLANT_VARIETY: 'PLANT_VARIETY',
  TRADE_SECRET: 'TRADE_SECRET',
} as const;
export type IpType = (typeof IpType)[keyof typeof IpType];
export const IP_TYPE_LABELS: Record<IpType, { 'zh-CN': string; en: string }> = {
  INVENTION_PATENT: { 'zh-CN': '发明专利', en: 'Invention patent' },
  UTILITY_MODEL: { 'zh-CN': '实用新型', en: 'Utility model' },
  DESIGN_PATENT: { 'zh-CN': '外观设计', en: 'Design patent' },
  SOFTWARE_COPYRIGHT: { 'zh-CN': '软件著作权', en: 'Software copyright' },
  IC_LAYOUT: { 'zh-CN': '集成电路布图设计', en: 'IC layout design' },
  PLANT_VARIETY: { 'zh-CN': '植物新品种', en: 'Plant variety' },
  TRADE_SECRET: { 'zh-CN': '技术秘密', en: 'Trade secret' },
};
/** Types whose number is a CNIPA patent application/publication number (format-checked). */
export const PATENT_IP_TYPES: readonly IpType[] = [IpType.INVENTION_PATENT, IpType.UTILITY_MODEL, IpType.DESIGN_PATENT];

export const IpStatus = { PENDING: 'PENDING', GRANTED: 'GRANTED', EXPIRED: 'EXPIRED', REJECTED: 'REJECTED' } as const;
export type IpStatus = (typeof IpStatus)[keyof typeof IpStatus];
export const IP_STATUS_LABELS: Record<IpStatus, { 'zh-CN': string; en: string }> = {
  PENDING: { 'zh-CN': '申请中', en: 'Pending' },
  GRANTED: { 'zh-CN': '已授权', en: 'Granted' },
  EXPIRED: { 'zh-CN': '已失效', en: 'Expired' },
  REJECTED: { 'zh-CN': '已驳回', en: 'Rejected' },
};

export const NeedType = {
  TECH_BREAKTHROUGH: 'TECH_BREAKTHROUGH',
  RESULT_ADOPTION: 'RESULT_ADOPTION',
  TECH_SERVICE: 'TECH_SERVICE',
  TESTING: 'TESTING',
  TALENT: 'TALENT',
} as const;
export type NeedType = (typeof NeedType)[keyof typeof NeedType];
export const NEED_TYPE_LABELS: Record<NeedType, { 'zh-CN': string; en: string }> = {
  TECH_BREAKTHROUGH: { 'zh-CN': '技术攻关', en: 'Technical breakthrough' },
  RESULT_ADOPTION: { 'zh-CN': '成果引进', en: 'Result adoption' },
  TECH_SERVICE: { 'zh-CN': '技术服务', en: 'Technical service' },
  TESTING: { 'zh-CN': '检验检测', en: 'Testing' },
  TALENT: { 'zh-CN': '人才合作', en: 'Talent cooperation' },
};

export interface Indicator {
  /** e.g. 能量密度 */
  name: string;
  /** e.g. ≥ 300 */
  value: string;
  /** e.g. Wh/kg */
  unit?: string;
}

export interface IpAsset {
  type: IpType;
  /** Application or grant number; CNIPA format checked for patents (CN202310123456.6). */
  number: string;
  title?: string;
  status: IpStatus;
}

export interface Owner {
  name: string;
  /** Share in percent, 0–100. */
  sharePercent?: number;
}

/** Price or budget in integer fen. negotiable (面议) means no figures. */
export interface MoneyRange {
  negotiable: boolean;
  minFen: number | null;
  maxFen: number | null;
}

export interface ResultFields {
  title: string;
  valueProposition: string;
  publicSummary: string;
  confidentialDetail: string | null;
  problemSolved: string;
  advantages: string;
  indicators: Indicator[];
  applications: string;
  fieldCodes: string[];
  keywords: string[];
  form: ResultForm;
  trl: number;
  stage: ResultStage;
  ipAssets: IpAsset[];
  owners: Owner[];
  inventors: string[];
  serviceInvention: boolean;
  transferModes: TransferMode[];
  price: MoneyRange & { priceType: PriceType | null };
  validUntil: string;
}

export interface NeedFields {
  title: string;
  publicSummary: string;
  confidentialDetail: string | null;
  problem: string;
  indicators: Indicator[];
  mustHaves: string[];
  niceToHaves: string[];
  fieldCodes: string[];
  keywords: string[];
  needType: NeedType;
  cooperationModes: TransferMode[];
  budget: MoneyRange;
  bountyFen: number | null;
  minTrl: number | null;
  deadline: string | null;
  validUntil: string;
  anonymous: boolean;
}

/** What a listing's history rows say happened (the `action` of each entry). */
export const LISTING_HISTORY_ACTION_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  CREATED: { 'zh-CN': '创建', en: 'Created' },
  IMPORTED_PUBLISHED: { 'zh-CN': '批量导入并发布', en: 'Imported and published' },
  UPDATED: { 'zh-CN': '修改', en: 'Edited' },
  MATERIAL_EDIT: { 'zh-CN': '实质性修改，重新送审', en: 'Material edit, back to review' },
  SUBMIT: { 'zh-CN': '提交审核', en: 'Submitted' },
  START_REVIEW: { 'zh-CN': '开始审核', en: 'Review started' },
  APPROVE: { 'zh-CN': '审核通过并发布', en: 'Approved and published' },
  REQUEST_CHANGES: { 'zh-CN': '退回修改', en: 'Changes requested' },
  REJECT: { 'zh-CN': '审核未通过', en: 'Rejected' },
  RENEW: { 'zh-CN': '续期', en: 'Renewed' },
  EXPIRE: { 'zh-CN': '到期下架', en: 'Expired' },
  STALE_WARNED: { 'zh-CN': '到期提醒', en: 'Expiry warning sent' },
  ARCHIVE: { 'zh-CN': '归档', en: 'Archived' },
};
