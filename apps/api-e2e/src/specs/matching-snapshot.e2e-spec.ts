import { MatchingService, MatchSnapshotService, SearchTextService } from '@xkx/api/testing';
import { MatchIndex } from '@xkx/matching';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 13, matching snapshots without Redis: the snapshot job runs in the API process (in-process runner).
 * When the instance has just built its index from the listings (a start without a usable snapshot, a synonym
 * change), the job publishes that index instead of building the same one a second time; the snapshot is
 * stored in parts and restores to an index that ranks as the live one. The scan for search documents of an
 * older pipeline is a background job that runs once per database, not at every start.
 */
describe('matching snapshots in-process: the index is built once', () => {
  let t: TestApp;
  let admin: Session;
  let broker: Session;
  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> =>
    t.app.get(DataSource).query<T[]>(text, params);
  const within = async <T>(ms: number, probe: () => Promise<T | undefined | false>): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const answer = await probe();
      if (answer) return answer;
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const snapshotJobsPending = async (): Promise<number> =>
    (
      await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM background_job WHERE name = 'matching.snapshot' AND state <> 'COMPLETED'`,
      )
    )[0]?.n ?? 0;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true', XKX_JOB_POLL_MS: '100' });
    [admin, broker] = await Promise.all([loginDemo(t.http, 'admin'), loginDemo(t.http, 'broker')]);
    await t.app.get(MatchingService).settled();
    await within(60_000, async () => (await snapshotJobsPending()) === 0);
  }, 180_000);
  afterAll(() => t?.close());

  it('a synonym change rebuilds the index once: the snapshot job publishes the rebuilt index, which restores to the same rankings', async () => {
    const before = (
      await sql<{ version: string }>(
        `SELECT coalesce(max(version), 0)::text AS version FROM match_index_snapshot`,
      )
    )[0]!.version;
    const builds = jest.spyOn(MatchIndex.prototype, 'addAllChunked');
    try {
      await t.http
        .put('/api/synonyms')
        .set(...bearer(admin))
        .send({ groups: [{ terms: ['藻华', '水华'] }, { terms: ['缺陷检测', '视觉质检'] }] })
        .expect(200);
      const [published] = await within(60_000, async () => {
        const rows = await sql<{
          version: string;
          position: string;
          parts: number;
          stored: string;
          key: string;
        }>(
          `SELECT version::text AS version, feed_position::text AS position, parts, stored_bytes::text AS stored, analyzer_key AS key FROM match_index_snapshot WHERE version > $1 ORDER BY version DESC`,
          [before],
        );
        return rows.length > 0 && (await snapshotJobsPending()) === 0 ? rows : undefined;
      });
      await t.app.get(MatchingService).settled();
      // One build: the instance's rebuild with the new synonyms; the job serialised that index.
      expect(builds).toHaveBeenCalledTimes(1);
      const snapshots = t.app.get(MatchSnapshotService);
      expect(published!.key).toBe(await snapshots.currentAnalyzerKey());
      // Stored in parts, all of them there, and whole.
      const parts = await sql<{ part: number; bytes: string }>(
        `SELECT part, octet_length(bytes)::text AS bytes FROM match_index_snapshot_part WHERE version = $1 ORDER BY part`,
        [published!.version],
      );
      expect(parts.map((p) => p.part)).toEqual([...Array(published!.parts).keys()]);
      expect(parts.reduce((sum, p) => sum + Number(p.bytes), 0)).toBe(Number(published!.stored));
      // The snapshot restores to an index that ranks a need's counterparts as the live index does.
      const restored = await snapshots.loadLatest({ analyzer: t.app.get(SearchTextService).textAnalyzer });
      expect(restored?.version).toBe(Number(published!.version));
      // Feedback is not in a snapshot (the instance reads it from its table, as here).
      const feedback = await sql<{
        need_id: string;
        result_id: string;
        verdict: string;
        reason: string | null;
      }>(`SELECT need_id, result_id, verdict, reason FROM match_feedback ORDER BY created_at`);
      restored!.index.setFeedback(
        feedback.map((f) => ({
          needId: f.need_id,
          resultId: f.result_id,
          verdict: f.verdict === 'GOOD' ? 'good' : 'declined',
          reason: (f.reason ?? undefined) as never,
        })),
      );
      const [need] = await sql<{ id: string }>(
        `SELECT id FROM need WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`,
      );
      const live = t.app.get(MatchingService).rankIds('NEED', need!.id, 10);
      expect(
        restored!.index.matchesFor('need', need!.id, { limit: 10, reasons: false }).map((h) => h.id),
      ).toEqual(live);
      const matches = await t.http
        .get(`/api/needs/${need!.id}/matches?limit=10`)
        .set(...bearer(broker))
        .expect(200);
      expect(matches.body.items.length).toBeGreaterThan(0);
    } finally {
      builds.mockRestore();
    }
  }, 120_000);

  it('checks for search documents of an older pipeline in a background job, once per database', async () => {
    const check = async () =>
      sql<{ state: string }>(
        `SELECT state FROM background_job WHERE key = 'search.reindex-if-stale@weight-d'`,
      );
    await within(30_000, async () => (await check())[0]?.state === 'COMPLETED');
    expect(await check()).toEqual([{ state: 'COMPLETED' }]);
  });
});
