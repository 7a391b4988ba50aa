/** 科技成果 (results) and 技术需求 (needs): the two sides of the market. */
import type { BulkItem, ListingReviewDecision } from './bulk';
import type { OrganizationKind } from './organizations';

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

/** A result's asking price: the range and how firm it is. */
export interface ResultPrice extends MoneyRange {
  priceType: PriceType | null;
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
  price: ResultPrice;
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

// ---- Shapes of /api/results, /api/needs, /api/search and /api/imports (amounts in integer fen) ----


/** A price or budget as lists show it: results carry their price type, needs do not have one. */
export interface ListingMoney extends MoneyRange {
  priceType?: PriceType | null;
}

/** The body of POST /api/results (brokers name the institution). */
export interface ResultInput extends Omit<ResultFields, 'confidentialDetail'> {
  /** Shown only after an NDA to parties a broker lets in. */
  confidentialDetail?: string | null;
  organizationId?: string;
}

/** The body of PATCH /api/results/:id: the changed fields and the version read (stale: 409). */
export interface ResultUpdate extends Partial<Omit<ResultInput, 'organizationId'>> {
  version: number;
}

/** The body of POST /api/needs (brokers name the enterprise). */
export interface NeedInput extends Omit<NeedFields, 'confidentialDetail' | 'bountyFen' | 'minTrl' | 'deadline' | 'anonymous'> {
  confidentialDetail?: string | null;
  /** 揭榜挂帅 bounty. */
  bountyFen?: number | null;
  minTrl?: number | null;
  deadline?: string | null;
  /** Hide the enterprise name on the portal. */
  anonymous?: boolean;
  organizationId?: string;
}

/** The body of PATCH /api/needs/:id. */
export interface NeedUpdate extends Partial<Omit<NeedInput, 'organizationId'>> {
  version: number;
}

export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface ListingOrganization {
  id: string;
  nameZh: string;
  nameEn: string | null;
  kind: OrganizationKind;
}

/** GET /api/{results|needs}: one hit, with the words that matched highlighted (no HTML from the server). */
export interface SearchHit {
  id: string;
  code: string;
  title: string;
  /** Results: value proposition; needs: the problem. */
  subtitle: string;
  titleHighlight: HighlightSegment[];
  snippet: HighlightSegment[];
  organization: ListingOrganization | null;
  fieldCodes: string[];
  keywords: string[];
  /** Results: TRL; needs: minimum TRL. */
  trl: number | null;
  /** Results: price; needs: budget. */
  money: ListingMoney;
  modes: TransferMode[];
  status: ListingStatus;
  publishedAt: string | null;
  validUntil: string;
  deadline: string | null;
  /** Needs: 揭榜挂帅 bounty. */
  bountyFen: number | null;
  /** Relevance of a text search; null without words. */
  score: number | null;
}

export interface FacetCount {
  value: string;
  count: number;
  label?: string;
}

export interface SearchFacets {
  /** Top-level technology fields. */
  fields: FacetCount[];
  trl: FacetCount[];
  modes: FacetCount[];
  organizations: FacetCount[];
}

/** A technology field a query with no hit may have been about. */
export interface RelatedField {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** What an empty search offers instead (issue 15). */
export interface SearchSuggestions {
  /** Queries the words may have meant (pinyin or a near spelling → word), each with hits. */
  corrections: string[];
  /** Fields whose names share words with the query or a correction. */
  relatedFields: RelatedField[];
}

export interface SearchResponse {
  items: SearchHit[];
  total: number;
  nextCursor: string | null;
  facets: SearchFacets | null;
  /** Only for a text query without a hit: corrections and related fields; null otherwise. */
  suggestions: SearchSuggestions | null;
}

export const SEARCH_SORTS = ['relevance', 'newest', 'deadline'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** GET /api/{results|needs}: the portal's search (every field optional). */
export interface SearchQuery {
  q?: string;
  /** Technology field code; includes its sub-fields. */
  field?: string;
  trlMin?: number;
  trlMax?: number;
  /** Any of these modes (comma-separated on the wire). */
  mode?: TransferMode[];
  moneyMinFen?: number;
  moneyMaxFen?: number;
  /** Include 面议 listings in a money filter (default true). */
  includeNegotiable?: boolean;
  /** The organization's 统一社会信用代码 (as the organization facet gives it) or its id. */
  organizationId?: string;
  /** Needs only. */
  needType?: NeedType;
  /** Brokers only; others always see published listings. */
  status?: ListingStatus;
  sort?: SearchSort;
  /** Opaque cursor from the previous page. */
  cursor?: string;
  limit?: number;
  /** Compute facet counts (default true). */
  facets?: boolean;
}

/** What the caller may see of the listing's management: only owners and brokers get these. */
export interface ListingManagement {
  reviewNote: string | null;
  ownerId: string | null;
  submittedAt: string | null;
  staleWarnedAt: string | null;
}

/** What results and needs share on their detail pages. */
export interface ListingView {
  id: string;
  code: string;
  title: string;
  publicSummary: string;
  /** Null unless the caller may see the confidential layer. */
  confidentialDetail: string | null;
  /** Whether confidentialDetail was disclosed to this caller. */
  confidentialVisible: boolean;
  indicators: Indicator[];
  fieldCodes: string[];
  keywords: string[];
  status: ListingStatus;
  /** Null for anonymous needs seen by outsiders. */
  organization: ListingOrganization | null;
  validUntil: string;
  /** Valid-until is within STALE_WARNING_DAYS. */
  staleSoon: boolean;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
  /** The caller may edit and submit it. */
  canManage: boolean;
  management: ListingManagement | null;
}

/** An IP asset as a listing page shows it (a missing title is null). */
export interface IpAssetView {
  type: IpType;
  number: string;
  title: string | null;
  status: IpStatus;
}

/** GET /api/results/:id */
export interface ResultDetail extends ListingView {
  valueProposition: string;
  problemSolved: string;
  advantages: string;
  applications: string;
  form: ResultForm;
  trl: number;
  stage: ResultStage;
  ipAssets: IpAssetView[];
  owners: Owner[];
  inventors: string[];
  serviceInvention: boolean;
  transferModes: TransferMode[];
  price: ResultPrice;
}

/** GET /api/needs/:id */
export interface NeedDetail extends ListingView {
  problem: string;
  mustHaves: string[];
  niceToHaves: string[];
  needType: NeedType;
  cooperationModes: TransferMode[];
  budget: MoneyRange;
  bountyFen: number | null;
  minTrl: number | null;
  deadline: string | null;
  anonymous: boolean;
}

export type ListingDetail = ResultDetail | NeedDetail;

export type ListingInput = ResultInput | NeedInput;

/** The answer to PATCH: a published listing whose material fields changed goes back to review (SUBMITTED). */
export interface UpdateOutcome {
  status: ListingStatus;
  changedFields: string[];
  version: number;
}

export type DuplicateReason = 'PATENT_NUMBER' | 'SIMILAR_TITLE';

/** A listing that may be the same thing: a shared patent number, or a near-identical title. */
export interface Duplicate {
  id: string;
  code: string;
  title: string;
  status: ListingStatus;
  reasons: DuplicateReason[];
  /** Shared patent numbers. */
  sharedNumbers: string[];
  /** Title similarity 0–1. */
  similarity: number;
}

export interface DuplicateList {
  items: Duplicate[];
}

/** The answer to a move (submit, review, renew …): on submit, the listings that may be the same. */
export interface TransitionOutcome {
  status: ListingStatus;
  /** The listing version after the move. */
  version: number;
  duplicates: Duplicate[];
}

/** GET /api/{results|needs}/:id/history: one row; `action` is worded by LISTING_HISTORY_ACTION_LABELS. */
export interface HistoryEntry {
  at: string;
  actorId: string | null;
  /** Null for the system (the expiry job). */
  actorName: string | null;
  action: string;
  fromStatus: ListingStatus | null;
  toStatus: ListingStatus | null;
  changedFields: string[];
  note: string | null;
  version: number;
}

/** POST …/submit, …/start-review, …/approve, …/archive: the version read and a note. */
export interface ListingTransitionInput {
  version?: number;
  /** Reviewer's note (required to request changes or reject). */
  note?: string;
}

/** POST …/request-changes and …/reject: the note is required. */
export interface ReviewNoteInput {
  version?: number;
  note: string;
}

/** POST …/renew: a new valid-until (default one year from today). */
export interface RenewInput {
  version?: number;
  validUntil?: string;
}

/** POST /api/{results|needs}/bulk-review: several listings of the queue decided at once. */
export interface BulkReviewInput {
  decision: ListingReviewDecision;
  /** Required (2+ characters) to request changes or reject; each listing's review note. */
  note?: string;
  items: BulkItem[];
}

/** POST /api/listings/maintenance: what the expiry job did. */
export interface MaintenanceResult {
  warned: number;
  expired: number;
}

