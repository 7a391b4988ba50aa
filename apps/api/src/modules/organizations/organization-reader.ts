import { OrganizationKind } from '@xkx/contracts';
import { EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

/**
 * What other modules may read of an organization (the organizations module owns the table): plain facts,
 * read inside the caller's transaction through its manager.
 */
export interface OrganizationFacts {
  id: string;
  nameZh: string;
  nameEn: string | null;
  shortName: string | null;
  kind: OrganizationKind;
  creditCode: string | null;
  areaCode: string;
  isKeyMonitored: boolean;
}

export const toOrganizationFacts = (o: OrganizationEntity): OrganizationFacts => ({
  id: o.id,
  nameZh: o.nameZh,
  nameEn: o.nameEn,
  shortName: o.shortName,
  kind: o.kind,
  creditCode: o.creditCode,
  areaCode: o.areaCode,
  isKeyMonitored: o.isKeyMonitored,
});
const toFacts = toOrganizationFacts;

export async function findOrganizationFacts(manager: EntityManager, id: string): Promise<OrganizationFacts | null> {
  const organization = await manager.findOneBy(OrganizationEntity, { id });
  return organization ? toFacts(organization) : null;
}

/** As findOrganizationFacts, for a row that must exist (TypeORM's EntityNotFoundError otherwise). */
export async function getOrganizationFacts(manager: EntityManager, id: string): Promise<OrganizationFacts> {
  return toFacts(await manager.findOneByOrFail(OrganizationEntity, { id }));
}

export async function findOrganizationsFacts(manager: EntityManager, ids: readonly string[]): Promise<OrganizationFacts[]> {
  if (ids.length === 0) return [];
  return (await manager.findBy(OrganizationEntity, { id: In([...ids]) })).map(toFacts);
}

/** How many organizations of each kind there are (kinds with none are absent). */
export async function countOrganizationsByKind(manager: EntityManager): Promise<Map<OrganizationKind, number>> {
  const rows = await manager
    .createQueryBuilder(OrganizationEntity, 'o')
    .select('o.kind', 'kind')
    .addSelect('COUNT(*)::int', 'count')
    .groupBy('o.kind')
    .getRawMany<{ kind: OrganizationKind; count: number }>();
  return new Map(rows.map((r) => [r.kind, Number(r.count)]));
}

/** Organizations whose full Chinese name or credit code is one of these (sheet imports name organizations either way). */
export async function findOrganizationsFactsByNameOrCode(manager: EntityManager, names: readonly string[], codes: readonly string[]): Promise<OrganizationFacts[]> {
  if (names.length === 0 && codes.length === 0) return [];
  return (await manager.find(OrganizationEntity, { where: [...(names.length ? [{ nameZh: In([...names]) }] : []), ...(codes.length ? [{ creditCode: In([...codes]) }] : [])] })).map(toFacts);
}

/** The organization with this unified social credit code, if any. */
export async function findOrganizationFactsByCreditCode(manager: EntityManager, creditCode: string): Promise<OrganizationFacts | null> {
  const organization = await manager.findOneBy(OrganizationEntity, { creditCode });
  return organization ? toFacts(organization) : null;
}

/** Organizations of the given kinds (sheet imports match a typed name, short name or credit code against them). */
export async function organizationsFactsOfKinds(manager: EntityManager, kinds: readonly OrganizationKind[]): Promise<OrganizationFacts[]> {
  if (kinds.length === 0) return [];
  return (await manager.findBy(OrganizationEntity, { kind: In([...kinds]) })).map(toFacts);
}

/**
 * Joins a row's organization into the caller's own query, so a listing and its organization still come in one
 * statement (issue 14), mapped onto `property` of the row (`alias.key`); `takeJoinedOrganization` reads it back
 * as facts and takes it off the row. The organization's entity stays in this module.
 */
export function innerJoinOrganization<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, property: string, alias: string, condition: string): SelectQueryBuilder<T> {
  return qb.innerJoinAndMapOne(property, OrganizationEntity, alias, condition);
}

export function takeJoinedOrganization(row: object, key: string): OrganizationFacts | null {
  const record = row as Record<string, unknown>;
  const joined = record[key];
  delete record[key];
  return joined instanceof OrganizationEntity ? toFacts(joined) : null;
}
