import { ListingKind, ListingStatus, TransferMode } from '@xkx/contracts';
import { MatchDoc } from '@xkx/matching';
import { EntityManager, In } from 'typeorm';
import { ListingBaseEntity } from './entities/listing-base.entity';
import { NeedEntity } from './entities/need.entity';
import { ResultEntity } from './entities/result.entity';
import { kindSpec, ListingFace } from './listing-kinds';

/**
 * What other modules may read of results and needs (the listings module owns the tables): plain facts, read
 * inside the caller's transaction through its manager. Enough to name a listing, place it in a deal and judge
 * who manages it (`canManage` in listing-access.ts takes these facts).
 */
export interface ListingFacts {
  id: string;
  kind: ListingKind;
  code: string;
  title: string;
  status: ListingStatus;
  organizationId: string;
  ownerId: string | null;
  fieldCodes: string[];
}

const ENTITY: Record<ListingKind, new () => ListingBaseEntity> = { RESULT: ResultEntity, NEED: NeedEntity };
const COLUMNS: Array<keyof ListingBaseEntity> = ['id', 'code', 'title', 'status', 'organizationId', 'ownerId', 'fieldCodes'];

const toFacts = (kind: ListingKind, l: ListingBaseEntity): ListingFacts => ({
  id: l.id,
  kind,
  code: l.code,
  title: l.title,
  status: l.status,
  organizationId: l.organizationId,
  ownerId: l.ownerId,
  fieldCodes: l.fieldCodes,
});

export async function findListingFacts(manager: EntityManager, kind: ListingKind, id: string): Promise<ListingFacts | null> {
  const listing = await manager.findOne(ENTITY[kind], { where: { id }, select: COLUMNS });
  return listing ? toFacts(kind, listing) : null;
}

/** Facts of the given listings of one kind (any order; unknown ids are absent). */
export async function listingsFacts(manager: EntityManager, kind: ListingKind, ids: readonly string[]): Promise<ListingFacts[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return (await manager.find(ENTITY[kind], { where: { id: In(unique) }, select: COLUMNS })).map((l) => toFacts(kind, l));
}

/** A result's title and the transfer modes it offers (a deal's public notice names the first), or null. */
export async function findResultTransfer(manager: EntityManager, id: string): Promise<{ id: string; title: string; transferModes: TransferMode[] } | null> {
  const result = await manager.findOne(ResultEntity, { where: { id }, select: ['id', 'title', 'transferModes'] });
  return result ? { id: result.id, title: result.title, transferModes: result.transferModes } : null;
}

/** Published listings of a kind changed since `since`, newest change first, at most `limit`. */
export async function publishedChangedSince(manager: EntityManager, kind: ListingKind, since: Date, limit: number): Promise<string[]> {
  const rows = await manager
    .createQueryBuilder(ENTITY[kind], 'l')
    .select(['l.id'])
    .where("l.status = 'PUBLISHED'")
    .andWhere('l.updated_at > :since', { since })
    .orderBy('l.updated_at', 'DESC')
    .take(limit)
    .getMany();
  return rows.map((l) => l.id);
}

/** A listing's match document (what the matching engine indexes and queries with) and its facts, or null. */
export async function findMatchDoc(manager: EntityManager, kind: ListingKind, id: string): Promise<{ facts: ListingFacts; doc: MatchDoc } | null> {
  const spec = kindSpec(kind);
  const listing = await manager.findOneBy(spec.entity, { id });
  return listing ? { facts: toFacts(kind, listing), doc: spec.matchDoc(listing) } : null;
}

/** Match documents of published listings of a kind, by id after `after`, at most `limit` (the index loads in batches). */
export async function publishedMatchDocs(manager: EntityManager, kind: ListingKind, after: string, limit: number): Promise<Array<{ id: string; doc: MatchDoc }>> {
  const spec = kindSpec(kind);
  const rows = await manager.createQueryBuilder(spec.entity, 'l').where("l.status = 'PUBLISHED' AND l.id > :after", { after }).orderBy('l.id').take(limit).getMany();
  return rows.map((r) => ({ id: r.id, doc: spec.matchDoc(r) }));
}

/** Match documents of the given listings that are published (any order; the others are absent): the index applies the change feed in batches. */
export async function publishedMatchDocsByIds(manager: EntityManager, kind: ListingKind, ids: readonly string[]): Promise<Array<{ id: string; doc: MatchDoc }>> {
  if (ids.length === 0) return [];
  const spec = kindSpec(kind);
  const rows = await manager.findBy(spec.entity, { id: In([...new Set(ids)]), status: 'PUBLISHED' as ListingStatus });
  return rows.map((r) => ({ id: r.id, doc: spec.matchDoc(r) }));
}

/** A published listing as a card on the other side's screens: its facts, public summary, keywords and face. */
export interface ListingCard extends ListingFacts {
  publicSummary: string;
  keywords: string[];
  face: ListingFace;
}

/** Cards of the given listings that are published (any order; others are absent). */
export async function publishedCards(manager: EntityManager, kind: ListingKind, ids: readonly string[]): Promise<ListingCard[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const spec = kindSpec(kind);
  const rows = await manager.findBy(spec.entity, { id: In(unique), status: 'PUBLISHED' as ListingStatus });
  return rows.map((r) => ({ ...toFacts(kind, r), publicSummary: r.publicSummary, keywords: r.keywords, face: spec.face(r) }));
}
