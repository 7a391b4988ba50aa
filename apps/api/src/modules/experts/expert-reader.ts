import { EntityManager } from 'typeorm';
import { ExpertEntity } from './entities/expert.entity';
import { LaboratoryEntity } from './entities/laboratory.entity';

/** What another module (deals) may know of an expert or a laboratory it starts an introduction with. */
export interface PersonFacts {
  kind: 'EXPERT' | 'LABORATORY';
  id: string;
  nameZh: string;
  organizationId: string;
  /** The expert's own account (answers introductions to them); null for laboratories and broker-kept profiles. */
  ownerId: string | null;
  /** Shown in the public directory (laboratories always are). */
  listed: boolean;
  fieldCodes: string[];
}

export async function findPersonFacts(manager: EntityManager, kind: PersonFacts['kind'], id: string): Promise<PersonFacts | null> {
  if (kind === 'EXPERT') {
    const e = await manager.findOneBy(ExpertEntity, { id });
    return e ? { kind, id: e.id, nameZh: e.nameZh, organizationId: e.organizationId, ownerId: e.userId, listed: e.verified, fieldCodes: e.fieldCodes } : null;
  }
  const l = await manager.findOneBy(LaboratoryEntity, { id });
  return l ? { kind, id: l.id, nameZh: l.nameZh, organizationId: l.organizationId, ownerId: null, listed: true, fieldCodes: l.fieldCodes } : null;
}

/** Names of these experts and laboratories, for lists of introductions and deals. */
export async function personNames(manager: EntityManager, expertIds: readonly string[], laboratoryIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (expertIds.length) for (const e of await manager.createQueryBuilder(ExpertEntity, 'e').select(['e.id', 'e.nameZh']).where('e.id IN (:...ids)', { ids: [...new Set(expertIds)] }).getMany()) names.set(e.id, e.nameZh);
  if (laboratoryIds.length) for (const l of await manager.createQueryBuilder(LaboratoryEntity, 'l').select(['l.id', 'l.nameZh']).where('l.id IN (:...ids)', { ids: [...new Set(laboratoryIds)] }).getMany()) names.set(l.id, l.nameZh);
  return names;
}
