/** The district's priority industrial chains: the top level of the technology-field tree. */
export const PRIORITY_CHAINS = [
  { code: 'NE', 'zh-CN': '新能源', en: 'New energy' },
  { code: 'BIO', 'zh-CN': '生物医药', en: 'Biomedicine' },
  { code: 'AI', 'zh-CN': '人工智能', en: 'Artificial intelligence' },
  { code: 'IME', 'zh-CN': '智能制造装备', en: 'Intelligent manufacturing equipment' },
  { code: 'ICV', 'zh-CN': '智能网联汽车', en: 'Intelligent connected vehicles' },
  { code: 'EIC', 'zh-CN': '电子信息/集成电路', en: 'Electronics and integrated circuits' },
  { code: 'NM', 'zh-CN': '新材料', en: 'New materials' },
  { code: 'PC', 'zh-CN': '石油化工', en: 'Petrochemicals' },
  { code: 'EP', 'zh-CN': '节能环保', en: 'Energy saving and environmental protection' },
] as const;

// ---- Shapes of /api/fields and /api/synonyms ----

/** A node of the technology-field tree (GET /api/fields; `?all=true` adds the inactive ones for administrators). */
export interface FieldNode {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  sort: number;
  /** Inactive fields stay on old listings but are not offered for new ones. */
  active: boolean;
  /** Sent back with a change (stale: 409). */
  version: number;
  children: FieldNode[];
}

/** POST /api/fields: a dotted code whose prefix is the parent. */
export interface FieldCreate {
  code: string;
  nameZh: string;
  nameEn: string;
  sort?: number;
}

/** PATCH /api/fields/:code, with the version read. */
export interface FieldUpdate {
  version: number;
  nameZh?: string;
  nameEn?: string;
  sort?: number;
  active?: boolean;
}

/** Terms that count as one word in search and matching (the first is canonical), or a broader term and narrower ones. */
export interface SynonymGroup {
  id: string;
  terms: string[];
  relation: SynonymRelation;
  version: number;
  updatedAt: string;
}

/** GET and PUT /api/synonyms. */
export interface SynonymList {
  groups: SynonymGroup[];
}

/**
 * How a synonym group's terms relate. EQUIVALENT: they mean the same (the first is canonical; search and
 * matching fold the others to it). NARROWER: the terms after the first are narrower than it (人工智能 ⊃
 * 计算机视觉, 大模型): a search for the first also finds them, ranked lower; nothing is folded.
 */
export enum SynonymRelation {
  EQUIVALENT = 'EQUIVALENT',
  NARROWER = 'NARROWER',
}

/** POST /api/synonyms, and one group of PUT /api/synonyms: the first term is canonical (or the broader one). */
export interface SynonymTermsInput {
  terms: string[];
  /** EQUIVALENT when omitted. */
  relation?: SynonymRelation;
}

/** PUT /api/synonyms: the whole list replaced (every listing is re-indexed). */
export interface SynonymsReplaceInput {
  groups: SynonymTermsInput[];
}

/** PATCH /api/synonyms/:id, with the version read. */
export interface SynonymGroupUpdate extends SynonymTermsInput {
  version: number;
}
