import { ListingKind } from '@xkx/contracts';
import { EntityManager } from 'typeorm';
import { kindSpec } from './listing-kinds';

/**
 * The writes a sheet import makes on the listings' tables after staging its rows as drafts (through
 * ListingsService.insert): publishing them in chunks and, when the import fails, deleting them again. They
 * live here because the tables are the listings module's; the imports module keeps its own staging list
 * (`import_job_listing`) and hands over ids. One statement each, in the caller's transaction.
 */

/**
 * Publishes up to `limit` of the given listings that are still drafts, each with its IMPORTED_PUBLISHED history
 * line; returns the ids published (none once every staged draft is published).
 */
export async function publishImportedDrafts(manager: EntityManager, kind: ListingKind, stagedIds: readonly string[], reviewerId: string, limit: number): Promise<string[]> {
  if (stagedIds.length === 0) return [];
  const table = kindSpec(kind).table;
  // TypeORM answers an UPDATE … RETURNING with [rows, affected] on both drivers.
  const [updated] = (await manager.query(
    `UPDATE "${table}" l SET status = 'PUBLISHED', reviewer_id = $2, submitted_at = now(), published_at = now(), updated_at = now(), version = l.version + 1
       WHERE l.id IN (SELECT d.id FROM "${table}" d WHERE d.id = ANY($1::uuid[]) AND d.status = 'DRAFT' LIMIT $3)
       RETURNING l.id, l.version`,
    [stagedIds, reviewerId, limit],
  )) as [Array<{ id: string; version: number }>, number];
  if (updated.length === 0) return [];
  await manager.query(
    `INSERT INTO listing_history (listing_kind, listing_id, version, actor_id, action, from_status, to_status, changed_fields)
     SELECT $1, u.id, u.version, $2, 'IMPORTED_PUBLISHED', 'DRAFT', 'PUBLISHED', '{}' FROM unnest($3::uuid[], $4::int[]) AS u(id, version)`,
    [kind, reviewerId, updated.map((u) => u.id), updated.map((u) => u.version)],
  );
  return updated.map((r) => r.id);
}

/** Deletes listings a failed import staged, with their history. */
export async function deleteImportedListings(manager: EntityManager, kind: ListingKind, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await manager.query(`DELETE FROM listing_history WHERE listing_kind = $1 AND listing_id = ANY($2::uuid[])`, [kind, ids]);
  await manager.query(`DELETE FROM "${kindSpec(kind).table}" WHERE id = ANY($1::uuid[])`, [ids]);
}
