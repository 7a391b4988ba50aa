export const OrganizationKind = {
  UNIVERSITY: 'UNIVERSITY',
  INSTITUTE: 'INSTITUTE',
  ENTERPRISE: 'ENTERPRISE',
  AGENCY: 'AGENCY',
} as const;
export type OrganizationKind = (typeof OrganizationKind)[keyof typeof OrganizationKind];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, { 'zh-CN': string; en: string }> = {
  UNIVERSITY: { 'zh-CN': '高校', en: 'University' },
  INSTITUTE: { 'zh-CN': '科研院所', en: 'Research institute' },
  ENTERPRISE: { 'zh-CN': '企业', en: 'Enterprise' },
  AGENCY: { 'zh-CN': '技术转移机构', en: 'Tech-transfer agency' },
};

export interface OrganizationSummary {
  id: string;
  nameZh: string;
  nameEn: string | null;
  shortName: string | null;
  kind: OrganizationKind;
  areaCode: string;
  verified: boolean;
  /** 统一社会信用代码: how the web's addresses name the organization (null: it has none, the id stands in). */
  creditCode: string | null;
}

export interface PlatformOverview {
  institutions: number;
  universities: number;
  institutes: number;
  enterprises: number;
  agencies: number;
}

// ---- Shapes of /api/organizations ----

/** GET /api/organizations/:id: the summary, the flags the KPIs count by, and the version to edit with. */
export interface OrganizationDetail extends OrganizationSummary {
  address: string | null;
  isHighTech: boolean;
  isSpecialized: boolean;
  isKeyMonitored: boolean;
  /** 高新技术企业 certificate (issue 16): number, issue date and expiry (a certificate runs three years). */
  highTechCertNo: string | null;
  highTechIssuedOn: string | null;
  highTechExpiresOn: string | null;
  /** 专精特新 recognition: number, date and expiry. */
  specializedCertNo: string | null;
  specializedIssuedOn: string | null;
  specializedExpiresOn: string | null;
  version: number;
}

export interface OrganizationList {
  items: OrganizationSummary[];
  total: number;
}

/** GET /api/organizations */
export interface OrganizationListQuery {
  /** Chinese name, pinyin, pinyin initials (njdx → 南京大学) or an exact 统一社会信用代码. */
  q?: string;
  /** Any of these kinds (comma-separated on the wire). */
  kind?: OrganizationKind[];
  limit?: number;
  offset?: number;
}

/** POST /api/organizations (the 统一社会信用代码 is required for enterprises and agencies). */
export interface OrganizationInput {
  nameZh: string;
  nameEn?: string;
  shortName?: string;
  kind: OrganizationKind;
  areaCode: string;
  address?: string;
  creditCode?: string;
  isHighTech?: boolean;
  isSpecialized?: boolean;
  isKeyMonitored?: boolean;
  highTechCertNo?: string | null;
  highTechIssuedOn?: string | null;
  highTechExpiresOn?: string | null;
  specializedCertNo?: string | null;
  specializedIssuedOn?: string | null;
  specializedExpiresOn?: string | null;
}

/** PATCH /api/organizations/:id: the changed fields, the version read, and the administrator's verification. */
export interface OrganizationUpdate extends Partial<OrganizationInput> {
  version: number;
  verified?: boolean;
}
