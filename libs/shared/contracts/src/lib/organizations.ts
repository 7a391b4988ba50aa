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
