import { KpiBasis, KpiDimension, KpiView, OrganizationKind } from '@xkx/contracts';

/** The dashboard's filters: the query of every figure, bar and export. */
export interface KpiFilter {
  year: number;
  view: KpiView;
  institutionId: string | null;
  fieldCode: string | null;
  brokerId: string | null;
}

/** What the records panel shows: a figure (no dimension) or a bar (dimension + key), maybe of another year. */
export interface KpiRecordsQuery extends KpiFilter {
  dimension: KpiDimension | null;
  key: string | null;
  basis: KpiBasis;
}

/** Which dashboard: the district, one institution, or one broker's own performance. */
export type KpiScope = 'district' | 'institution' | 'broker';

/** Query parameters without the empty filters (the API validates what it gets: no empty strings). */
export function kpiParams(query: object): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (value !== '') params[name] = String(value);
    }
  }
  return params;
}

/** The current calendar year in Asia/Shanghai (the API's default year too). */
export function shanghaiYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}

/** This year and the five before it, newest first. */
export function yearChoices(current: number, count = 6): number[] {
  return Array.from({ length: count }, (_, i) => current - i);
}

const INSTITUTION_KINDS: readonly string[] = [OrganizationKind.UNIVERSITY, OrganizationKind.INSTITUTE];

/**
 * The institution whose dashboard a user's organization stands for: the organization itself when it is
 * a university or institute; for a tech-transfer center (an AGENCY), the institution whose name its own
 * name starts with (南京大学技术转移中心 → 南京大学; the longest such name wins). The data model has no
 * center → institution link, so this is the same reading as the AGENCY bars (docs/KPI.md). null: none.
 */
export function institutionOf(
  organization: { id: string; nameZh: string; kind: string } | null | undefined,
  institutions: ReadonlyArray<{ id: string; nameZh: string }>,
): string | null {
  if (!organization) return null;
  if (INSTITUTION_KINDS.includes(organization.kind)) return organization.id;
  if (organization.kind !== OrganizationKind.AGENCY) return null;
  const match = institutions
    .filter((i) => i.nameZh.length > 0 && organization.nameZh.startsWith(i.nameZh))
    .sort((a, b) => b.nameZh.length - a.nameZh.length)[0];
  return match?.id ?? null;
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How an address names an institution (issue 17: no uuids people see): its credit code, its id only when it has none. */
export function institutionKey(
  id: string | null,
  institutions: ReadonlyArray<{ id: string; creditCode?: string | null }>,
): string | null {
  if (!id) return null;
  return institutions.find((i) => i.id === id)?.creditCode || id;
}

/**
 * The institution an address names, by credit code or (older addresses) by id. `institutions` null: the
 * list is still loading, so a code cannot be read yet (undefined) while an id can. A code no institution
 * has names none (null); an unknown id is kept, the API answers for it.
 */
export function institutionIdOf(
  key: string | null | undefined,
  institutions: ReadonlyArray<{ id: string; creditCode?: string | null }> | null,
): string | null | undefined {
  if (!key) return null;
  const uuid = UUID_SHAPE.test(key);
  if (!institutions) return uuid ? key.toLowerCase() : undefined;
  const upper = key.toUpperCase();
  const match = institutions.find((i) => (i.creditCode && i.creditCode.toUpperCase() === upper) || i.id === key.toLowerCase());
  return match?.id ?? (uuid ? key.toLowerCase() : null);
}
