import { OrganizationKind } from '@xkx/contracts';
import { EntityManager, In } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

/**
 * What other modules may read of an organization (the organizations module owns the table): plain facts,
 * read inside the caller's transaction through its manager.
 */
export interface OrganizationFacts {
  id: string;
  nameZh: string;
  kind: OrganizationKind;
  isKeyMonitored: boolean;
}

const toFacts = (o: OrganizationEntity): OrganizationFacts => ({ id: o.id, nameZh: o.nameZh, kind: o.kind, isKeyMonitored: o.isKeyMonitored });

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
