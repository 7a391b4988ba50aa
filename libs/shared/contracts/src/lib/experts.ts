/**
 * Experts (专家) and laboratories/platforms (实验室与平台): who can develop the answer to a need (issue 16).
 * Shapes of /api/experts and /api/laboratories, shared by the API's DTOs and the web.
 */

type Label = { 'zh-CN': string; en: string };

export const ExpertTitle = {
  ACADEMICIAN: 'ACADEMICIAN',
  PROFESSOR: 'PROFESSOR',
  RESEARCH_FELLOW: 'RESEARCH_FELLOW',
  ASSOCIATE_PROFESSOR: 'ASSOCIATE_PROFESSOR',
  ASSOCIATE_RESEARCH_FELLOW: 'ASSOCIATE_RESEARCH_FELLOW',
  SENIOR_ENGINEER: 'SENIOR_ENGINEER',
  LECTURER: 'LECTURER',
} as const;
export type ExpertTitle = (typeof ExpertTitle)[keyof typeof ExpertTitle];
export const EXPERT_TITLE_LABELS: Record<ExpertTitle, Label> = {
  ACADEMICIAN: { 'zh-CN': '院士', en: 'Academician' },
  PROFESSOR: { 'zh-CN': '教授', en: 'Professor' },
  RESEARCH_FELLOW: { 'zh-CN': '研究员', en: 'Research fellow' },
  ASSOCIATE_PROFESSOR: { 'zh-CN': '副教授', en: 'Associate professor' },
  ASSOCIATE_RESEARCH_FELLOW: { 'zh-CN': '副研究员', en: 'Associate research fellow' },
  SENIOR_ENGINEER: { 'zh-CN': '高级工程师', en: 'Senior engineer' },
  LECTURER: { 'zh-CN': '讲师/助理研究员', en: 'Lecturer' },
};

/** The cooperation an expert accepts; the first three are the 技术合同 types the deal then carries. */
export const ExpertCooperationMode = {
  DEVELOPMENT: 'DEVELOPMENT',
  CONSULTING: 'CONSULTING',
  SERVICE: 'SERVICE',
  JOINT_APPLICATION: 'JOINT_APPLICATION',
  PART_TIME: 'PART_TIME',
} as const;
export type ExpertCooperationMode = (typeof ExpertCooperationMode)[keyof typeof ExpertCooperationMode];
export const EXPERT_COOPERATION_MODE_LABELS: Record<ExpertCooperationMode, Label> = {
  DEVELOPMENT: { 'zh-CN': '技术开发', en: 'Technology development' },
  CONSULTING: { 'zh-CN': '技术咨询', en: 'Technical consulting' },
  SERVICE: { 'zh-CN': '技术服务', en: 'Technical service' },
  JOINT_APPLICATION: { 'zh-CN': '联合申报项目', en: 'Joint project application' },
  PART_TIME: { 'zh-CN': '企业兼职', en: 'Part-time post at an enterprise' },
};

export const ExpertAvailability = {
  OPEN: 'OPEN',
  LIMITED: 'LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
} as const;
export type ExpertAvailability = (typeof ExpertAvailability)[keyof typeof ExpertAvailability];
export const EXPERT_AVAILABILITY_LABELS: Record<ExpertAvailability, Label> = {
  OPEN: { 'zh-CN': '可承接新合作', en: 'Open to new work' },
  LIMITED: { 'zh-CN': '档期有限', en: 'Limited availability' },
  UNAVAILABLE: { 'zh-CN': '暂不承接', en: 'Not taking new work' },
};

export const ResearchOutputKind = { PAPER: 'PAPER', PATENT: 'PATENT', PROJECT: 'PROJECT' } as const;
export type ResearchOutputKind = (typeof ResearchOutputKind)[keyof typeof ResearchOutputKind];
export const RESEARCH_OUTPUT_KIND_LABELS: Record<ResearchOutputKind, Label> = {
  PAPER: { 'zh-CN': '论文', en: 'Paper' },
  PATENT: { 'zh-CN': '专利', en: 'Patent' },
  PROJECT: { 'zh-CN': '科研项目', en: 'Project' },
};

/** A selected output: a paper, a patent (by its CNIPA number) or a funded project. */
export interface ResearchOutput {
  kind: ResearchOutputKind;
  title: string;
  /** Patent number (CN202310123456.6), DOI, or project number. */
  ref?: string;
  year?: number;
}

export const LaboratoryKind = {
  NATIONAL_KEY_LAB: 'NATIONAL_KEY_LAB',
  PROVINCIAL_KEY_LAB: 'PROVINCIAL_KEY_LAB',
  ENGINEERING_CENTER: 'ENGINEERING_CENTER',
  NEW_RND_INSTITUTION: 'NEW_RND_INSTITUTION',
  OTHER_PLATFORM: 'OTHER_PLATFORM',
} as const;
export type LaboratoryKind = (typeof LaboratoryKind)[keyof typeof LaboratoryKind];
export const LABORATORY_KIND_LABELS: Record<LaboratoryKind, Label> = {
  NATIONAL_KEY_LAB: { 'zh-CN': '全国重点实验室', en: 'National key laboratory' },
  PROVINCIAL_KEY_LAB: { 'zh-CN': '省重点实验室', en: 'Provincial key laboratory' },
  ENGINEERING_CENTER: { 'zh-CN': '工程技术研究中心', en: 'Engineering and technology research center' },
  NEW_RND_INSTITUTION: { 'zh-CN': '新型研发机构', en: 'New-type R&D institution' },
  OTHER_PLATFORM: { 'zh-CN': '其他科研平台', en: 'Other research platform' },
};

interface OrganizationRef {
  id: string;
  nameZh: string;
  nameEn: string | null;
}

// ---- Laboratories ----

export interface LaboratorySummary {
  id: string;
  nameZh: string;
  nameEn: string | null;
  kind: LaboratoryKind;
  organization: OrganizationRef;
  fieldCodes: string[];
  directions: string;
  headName: string | null;
  memberCount: number;
}

export interface LaboratoryDetail extends LaboratorySummary {
  summary: string;
  outputs: ResearchOutput[];
  members: ExpertSummary[];
  version: number;
}

export interface LaboratoryList {
  items: LaboratorySummary[];
  total: number;
}

/** POST /api/laboratories (broker); PATCH takes the same keys, all optional, plus `version`. */
export interface LaboratoryInput {
  organizationId: string;
  nameZh: string;
  nameEn?: string | null;
  kind: LaboratoryKind;
  fieldCodes: string[];
  directions: string;
  headName?: string | null;
  summary?: string;
  outputs?: ResearchOutput[];
}

/** GET /api/laboratories */
export interface LaboratoryListQuery {
  q?: string;
  kind?: LaboratoryKind;
  field?: string;
  organizationId?: string;
  limit?: number;
  offset?: number;
}

// ---- Experts ----

export interface ExpertSummary {
  id: string;
  nameZh: string;
  nameEn: string | null;
  title: ExpertTitle;
  organization: OrganizationRef;
  laboratory: { id: string; nameZh: string } | null;
  fieldCodes: string[];
  directions: string;
  cooperationModes: ExpertCooperationMode[];
  availability: ExpertAvailability;
  verified: boolean;
}

/** The public layer; `contact` is present only for brokers and the expert themself. */
export interface ExpertDetail extends ExpertSummary {
  bio: string;
  outputs: ResearchOutput[];
  contact: ExpertContact | null;
  /** The researcher account that edits this profile (null: kept by brokers). */
  userId: string | null;
  version: number;
}

export interface ExpertContact {
  email: string | null;
  phone: string | null;
}

export interface ExpertFacetBucket {
  value: string;
  count: number;
  /** Organization facets: its name. */
  label?: string;
}

export interface ExpertFacets {
  field: ExpertFacetBucket[];
  organization: ExpertFacetBucket[];
  title: ExpertFacetBucket[];
  mode: ExpertFacetBucket[];
}

export interface ExpertList {
  items: ExpertSummary[];
  total: number;
  facets: ExpertFacets;
}

/** GET /api/experts */
export interface ExpertListQuery {
  q?: string;
  field?: string;
  organizationId?: string;
  laboratoryId?: string;
  title?: ExpertTitle;
  mode?: ExpertCooperationMode;
  limit?: number;
  offset?: number;
}

/** POST /api/experts (broker, or a researcher for their own profile); PATCH: all optional plus `version`. */
export interface ExpertInput {
  nameZh: string;
  nameEn?: string | null;
  title: ExpertTitle;
  /** Brokers choose; a researcher's profile belongs to their own organization. */
  organizationId?: string;
  laboratoryId?: string | null;
  fieldCodes: string[];
  directions: string;
  bio?: string;
  outputs?: ResearchOutput[];
  cooperationModes: ExpertCooperationMode[];
  availability: ExpertAvailability;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

/** One stored row of a broker's expert sheet (header is row 1). */
export interface ImportedExpert {
  row: number;
  id: string;
  nameZh: string;
}

/** POST /api/experts/import: every row stored (created, updated or unchanged) — or, with any bad row, none (400). */
export interface ExpertImportResult {
  total: number;
  created: ImportedExpert[];
  updated: ImportedExpert[];
  unchanged: ImportedExpert[];
}

/** One refused cell of a sheet import, in the 400's `rowErrors` (the message in the caller's language). */
export interface SheetRowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

// ---- Matching a need to experts and laboratories ----

export interface PeopleMatchReason {
  kind: 'field' | 'terms' | 'title' | 'availability' | 'outputs';
  /** Shared fields' codes, shared terms, or the factor's value. */
  values: string[];
}

export interface ExpertMatch {
  expert: ExpertSummary;
  score: number;
  reasons: PeopleMatchReason[];
}

export interface LaboratoryMatch {
  laboratory: LaboratorySummary;
  score: number;
  reasons: PeopleMatchReason[];
}

export interface ExpertMatchList {
  needId: string;
  items: ExpertMatch[];
}

export interface LaboratoryMatchList {
  needId: string;
  items: LaboratoryMatch[];
}

// ---- Introductions to an expert or a laboratory ----

/** The 技术合同 type a deal with an expert or a laboratory is heading for (技术开发, 技术咨询, 技术服务). */
export const PeopleContractType = { DEVELOPMENT: 'DEVELOPMENT', CONSULTING: 'CONSULTING', SERVICE: 'SERVICE' } as const;
export type PeopleContractType = (typeof PeopleContractType)[keyof typeof PeopleContractType];
export const PEOPLE_CONTRACT_TYPE_LABELS: Record<PeopleContractType, Label> = {
  DEVELOPMENT: { 'zh-CN': '技术开发', en: 'Technology development' },
  CONSULTING: { 'zh-CN': '技术咨询', en: 'Technical consulting' },
  SERVICE: { 'zh-CN': '技术服务', en: 'Technical service' },
};

/** Who an introduction or a deal is with when it is not a listing: an expert or a laboratory. */
export interface PersonRef {
  kind: 'EXPERT' | 'LABORATORY';
  id: string;
  nameZh: string;
}
