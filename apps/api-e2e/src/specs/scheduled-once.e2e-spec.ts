import { ChangeFeed, LISTING_EXPIRY_LOCK_KEY, ListingsService } from '@xkx/api/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 13: scheduled work runs once however many instances run it. The listing expiry pass takes a
 * transaction-level advisory lock (pg_try_advisory_xact_lock, on PGlite too): a second pass at the same
 * time finds it taken and does nothing, and after the first committed finds nothing left.
 */
describe('scheduled work runs once across instances', () => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    dataSource = t.app.get(DataSource);
  }, 600_000);
  afterAll(() => t.close());

  /** A published result of the demo data whose validity ended two days ago. */
  async function lapsedResult(): Promise<string> {
    const [row] = await dataSource.query<Array<{ id: string }>>(`SELECT id FROM result WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
    if (!row) throw new Error('the demo data has no published result');
    await dataSource.query(`UPDATE result SET valid_until = current_date - 2 WHERE id = $1`, [row.id]);
    return row.id;
  }
  const expiries = async (id: string) => (await dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM listing_history WHERE listing_id = $1 AND action = 'EXPIRE'`, [id]))[0]?.n;
  const feedEvents = async (id: string) =>
    (await dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM change_feed WHERE topic = 'listing.changed' AND payload->>'id' = $1 AND payload->>'status' = 'EXPIRED'`, [id]))[0]?.n;

  it('expires a lapsed listing once when two passes run at the same time', async () => {
    const id = await lapsedResult();
    const service = t.app.get(ListingsService);
    const passes = await Promise.all([service.runExpiry(), service.runExpiry(), service.runExpiry()]);
    // At most one of them did it (the app's own daily timer may have run first, as a third instance would).
    expect(passes.filter((p) => p.expired > 0).length).toBeLessThanOrEqual(1);
    expect(await expiries(id)).toBe(1);
    expect(await feedEvents(id)).toBe(1);
    const [status] = await dataSource.query<Array<{ status: string }>>(`SELECT status FROM result WHERE id = $1`, [id]);
    expect(status?.status).toBe('EXPIRED');
  });

  // Another instance is a second connection holding the lock: PostgreSQL only (PGlite has one connection).
  (process.env.DATABASE_URL ? it : it.skip)('skips the pass while another instance holds the lock, and runs it after', async () => {
    const id = await lapsedResult();
    const service = t.app.get(ListingsService);
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1::bigint)', [LISTING_EXPIRY_LOCK_KEY]);
      expect(await service.runExpiry()).toEqual({ warned: 0, expired: 0, skipped: true });
      expect(await expiries(id)).toBe(0);
      await other.query('COMMIT');
      const after = await service.runExpiry();
      expect(after).toMatchObject({ skipped: false, expired: 1 });
      expect(await expiries(id)).toBe(1);
    } finally {
      await other.end();
    }
  });

  it('prunes feed rows every consumer has read after the retention time, once, and forgets silent instances', async () => {
    const feed = t.app.get(ChangeFeed);
    const old = `INSERT INTO change_feed (topic, payload, created_at) VALUES ('listing.changed', jsonb_build_object('kind', 'RESULT', 'id', gen_random_uuid(), 'status', 'DELETED'), now() - interval '10 days') RETURNING position::text AS position`;
    const oldRows = [...(await dataSource.query<Array<{ position: string }>>(old)), ...(await dataSource.query<Array<{ position: string }>>(old))].map((r) => r.position);
    await dataSource.query(`INSERT INTO change_feed (topic, payload) VALUES ('listing.changed', jsonb_build_object('kind', 'RESULT', 'id', gen_random_uuid(), 'status', 'DELETED'))`);
    // An instance last heard of ten days ago, far behind: it must not hold the feed back.
    await dataSource.query(`INSERT INTO feed_consumer_position (instance, consumer, position, updated_at) VALUES ('gone-for-good', 'matching-index', 0, now() - interval '10 days')`);
    await feed.settle();
    const head = await feed.head();
    const pruned = await Promise.all([feed.prune(), feed.prune()]);
    expect([...pruned].sort()).toEqual([0, 2]);
    expect(await dataSource.query(`SELECT position::text AS position FROM change_feed WHERE position = ANY($1::bigint[])`, [oldRows])).toEqual([]);
    // The head row is never pruned; the matching snapshot job may publish a newer one meanwhile (its own clock).
    expect(Number(await feed.head())).toBeGreaterThanOrEqual(Number(head));
    expect(await dataSource.query(`SELECT consumer FROM feed_consumer_position WHERE instance = 'gone-for-good'`)).toEqual([]);
    expect(await feed.prune()).toBe(0);
  });
});
