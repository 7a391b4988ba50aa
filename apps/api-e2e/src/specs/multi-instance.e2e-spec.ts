import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { BuiltServer, buildApi, http, HttpAnswer, startBuiltServer } from '../support/built-server';
import { futureDate, needPayload, resultPayload } from '../support/listings';
import { createTestDatabase, queryDatabase, serverUrl, TestDatabase } from '../support/test-database';

// Two processes on one database: PostgreSQL only (embedded PGlite belongs to a single process).
const describeWithServer = serverUrl() ? describe : describe.skip;

const DELIVERY_MS = 2000;
const LIMITS = { RATE_LIMIT_SEARCH: '100000/1m', RATE_LIMIT_SIGN_IN_ACCOUNT: '1000/1m', RATE_LIMIT_SIGN_IN_ADDRESS: '1000/1m' };

/**
 * Issue 13: any number of API instances on one PostgreSQL database stay in step through the change feed.
 * Two built servers (`node …/main.js`, NODE_ENV=production) share a seeded database; B polls the feed only
 * once a minute, so what reaches it within 2 s came through LISTEN/NOTIFY. B is then stopped, written
 * around, and started again: it resumes from its recorded positions. Mail and the expiry pass, run by
 * both on their timers, happen once.
 */
describeWithServer('several API instances on one database (change feed)', () => {
  let database: TestDatabase;
  let smtp: SMTPServer;
  const received: string[] = [];
  let a: BuiltServer;
  let b: BuiltServer;
  const tokens: Record<'admin' | 'broker' | 'researcher' | 'enterprise', string> = { admin: '', broker: '', researcher: '', enterprise: '' };
  let needId = '';
  let lapsedId = '';

  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => queryDatabase<T>(database.url, text, params);
  const feedHead = async (): Promise<number> => Number((await sql<{ head: string }>('SELECT coalesce(max(position), 0)::text AS head FROM change_feed'))[0]?.head);

  const env = (instance: string, extra: Record<string, string> = {}): Record<string, string> => ({
    DATABASE_URL: database.url!,
    XKX_INSTANCE_ID: instance,
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`,
    LOG_LEVEL: 'warn',
    ...LIMITS,
    ...extra,
  });
  // B hears of changes only through NOTIFY within the test's deadlines: its poll is a minute apart.
  const startB = () => startBuiltServer(env('instance-b', { XKX_FEED_POLL_MS: '60000' }));

  const call = async (server: BuiltServer, method: string, path: string, who?: keyof typeof tokens, body?: unknown): Promise<HttpAnswer> =>
    http(server.port, method, path, { ...(body === undefined ? {} : { body }), headers: who ? { Authorization: `Bearer ${tokens[who]}` } : {} });
  const ok = async (server: BuiltServer, method: string, path: string, who?: keyof typeof tokens, body?: unknown): Promise<HttpAnswer> => {
    const res = await call(server, method, path, who, body);
    if (res.status >= 300) throw new Error(`${method} ${path} on :${server.port}: ${res.status} ${res.text}`);
    return res;
  };
  /** Polls until `probe` answers, for at most `ms`; how long it took. */
  const within = async (ms: number, probe: () => Promise<boolean>): Promise<number> => {
    const started = Date.now();
    for (;;) {
      if (await probe()) return Date.now() - started;
      if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const publish = async (kind: 'results' | 'needs', id: string, owner: keyof typeof tokens) => {
    await ok(a, 'POST', `/api/${kind}/${id}/submit`, owner, {});
    await ok(a, 'POST', `/api/${kind}/${id}/approve`, 'broker', {});
  };
  const matchIdsOnB = async (): Promise<string[]> => ((await ok(b, 'GET', `/api/needs/${needId}/matches?limit=50`, 'broker')).body.items as Array<{ counterpart: { id: string } }>).map((m) => m.counterpart.id);
  const searchOnB = async (q: string): Promise<{ ids: string[]; titles: string[]; total: number }> => {
    const body = (await ok(b, 'GET', `/api/results?q=${encodeURIComponent(q)}&limit=50`)).body as { items: Array<{ id: string; title: string }>; total: number };
    return { ids: body.items.map((i) => i.id), titles: body.items.map((i) => i.title), total: body.total };
  };

  beforeAll(async () => {
    const buildMs = buildApi();
    console.log(`built the API in ${buildMs} ms`);
    database = await createTestDatabase({ migrated: true, seeded: true });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', () => done()));
    // Lapsed before either instance starts: both run the expiry pass shortly after start.
    const [row] = await sql<{ id: string }>(`SELECT id FROM result WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
    lapsedId = row!.id;
    await sql(`UPDATE result SET valid_until = current_date - 3 WHERE id = $1`, [lapsedId]);
    [a, b] = await Promise.all([startBuiltServer(env('instance-a')), startB()]);
    await Promise.all([a.waitUntilReady(150_000), b.waitUntilReady(150_000)]);
    const demo = { admin: ['admin@xkx.demo', 'Xiake-Admin-2026'], broker: ['broker@xkx.demo', 'Xiake-Broker-2026'], researcher: ['researcher@xkx.demo', 'Xiake-Research-2026'], enterprise: ['enterprise@xkx.demo', 'Xiake-Enterprise-2026'] } as const;
    for (const role of Object.keys(demo) as Array<keyof typeof demo>) {
      const [email, password] = demo[role];
      tokens[role] = (await ok(a, 'POST', '/api/auth/login', undefined, { email, password })).body.tokens.accessToken;
    }
    const need = await ok(a, 'POST', '/api/needs', 'enterprise', needPayload({ title: '多实例钙钛矿组件湿热稳定性技术需求', keywords: ['钙钛矿', '光伏组件', '封装'], fieldCodes: ['NE.PV'], deadline: futureDate(120) }));
    needId = need.body.id;
    await publish('needs', needId, 'enterprise');
  }, 400_000);

  afterAll(async () => {
    for (const server of [a, b]) {
      if (server && server.child.exitCode === null) server.kill('SIGKILL');
      await server?.exited;
    }
    await new Promise<void>((done) => (smtp ? smtp.close(() => done()) : done()));
    await database?.drop();
  });

  it('a listing published through A is in B’s search results (count included) and B’s matches within 2 s', async () => {
    const title = '钙钛矿光伏组件多实例界面钝化封装技术';
    // B answers (and caches) the count for this query before the listing exists.
    expect(await searchOnB(title)).toMatchObject({ total: 0 });
    const created = await ok(a, 'POST', '/api/results', 'researcher', resultPayload({ title, keywords: ['钙钛矿', '界面钝化', '封装', '光伏组件'], fieldCodes: ['NE.PV'], ipAssets: [] }));
    const id: string = created.body.id;
    await publish('results', id, 'researcher');
    const searchMs = await within(DELIVERY_MS, async () => {
      const found = await searchOnB(title);
      return found.ids.includes(id) && found.total === 1;
    });
    const matchMs = await within(DELIVERY_MS, async () => (await matchIdsOnB()).includes(id));
    console.log(`published on A: in B's search after ${searchMs} ms, in B's matches after ${matchMs} ms`);
  });

  it('a synonym added through A changes B’s search within 2 s, and B’s matching', async () => {
    const title = '多实例热轧钢材表面缺陷检测系统';
    const created = await ok(a, 'POST', '/api/results', 'researcher', resultPayload({ title, keywords: ['缺陷检测', '热轧钢材'], fieldCodes: ['NE.PV'], ipAssets: [] }));
    await publish('results', created.body.id, 'researcher');
    // Matching (issue 15 reads the admin's synonyms): a need about 水华 and a result about 藻华.
    const bloomNeed = (await ok(a, 'POST', '/api/needs', 'enterprise', needPayload({ title: '湖库水华早期识别技术需求', publicSummary: '水库每年夏季暴发水华，需要提前一周识别水华风险的方案，用于取水口调度。', problem: '水华发现太晚', keywords: ['水华', '早期识别'], fieldCodes: ['EP.WATER'], mustHaves: [] }))).body.id as string;
    await publish('needs', bloomNeed, 'enterprise');
    const bloomResult = (await ok(a, 'POST', '/api/results', 'researcher', resultPayload({ title: '藻华卫星遥感反演与暴发预报系统', valueProposition: '提前 7 天预报藻华暴发', publicSummary: '基于多光谱卫星影像反演藻华面积与强度，结合气象数据提前预报藻华暴发。', problemSolved: '藻华暴发难以提前发现', keywords: ['藻华', '遥感反演'], fieldCodes: ['EP.MON'], ipAssets: [] }))).body.id as string;
    await publish('results', bloomResult, 'researcher');
    const textScoreOnB = async (): Promise<number> => {
      const items = (await ok(b, 'GET', `/api/needs/${bloomNeed}/matches?limit=50`, 'broker')).body.items as Array<{ counterpart: { id: string }; components: Record<string, number> }>;
      return items.find((m) => m.counterpart.id === bloomResult)?.components['text'] ?? 0;
    };
    // B has applied everything A wrote (its health says so) before the score is taken.
    await within(DELIVERY_MS, async () => ((await ok(b, 'GET', '/api/health')).body.feed?.behind ?? 1) === 0);
    const textBefore = await textScoreOnB();
    expect((await searchOnB('视觉质检')).titles).not.toContain(title);

    await ok(a, 'PUT', '/api/synonyms', 'admin', { groups: [{ terms: ['缺陷检测', '视觉质检'] }, { terms: ['藻华', '水华'] }] });
    await within(DELIVERY_MS, async () => (await searchOnB('视觉质检')).titles.includes(title));
    // B rebuilds its whole index with the new analyzer (in its queue): a rebuild, not a 2 s delivery.
    const rebuildMs = await within(20_000, async () => (await textScoreOnB()) > textBefore);
    console.log(`synonym on A: B's matching rebuilt after ${rebuildMs} ms more`);
  });

  it('sends each mail once although both instances dispatch the outbox', async () => {
    const to = Array.from({ length: 20 }, (_, i) => `both-${i}@xkx.demo`);
    await sql(`INSERT INTO outbox_mail (to_address, subject, body) SELECT a, '两个实例只发一次', '正文' FROM unnest($1::text[]) AS a`, [to]);
    // Both dispatchers run every 5 s.
    await within(30_000, async () => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM outbox_mail WHERE to_address LIKE 'both-%' AND status = 'SENT'`))[0]?.n) === to.length);
    expect(received.filter((r) => r.startsWith('both-')).sort()).toEqual([...to].sort());
  });

  it('runs the expiry pass once although both instances run it', async () => {
    await within(40_000, async () => (await sql<{ status: string }>(`SELECT status FROM result WHERE id = $1`, [lapsedId]))[0]?.status === 'EXPIRED');
    expect(await sql(`SELECT count(*)::int AS n FROM listing_history WHERE listing_id = $1 AND action = 'EXPIRE'`, [lapsedId])).toEqual([{ n: 1 }]);
    expect(await sql(`SELECT count(*)::int AS n FROM change_feed WHERE topic = 'listing.changed' AND payload->>'id' = $1`, [lapsedId])).toEqual([{ n: 1 }]);
  });

  it('B, stopped while A writes, resumes from its recorded position with nothing missed; health shows how far behind it is', async () => {
    // The instances' starts and the synonym change above asked for matching snapshots: B starts again from the
    // latest one and the feed after it (what A writes meanwhile is in the feed only).
    await within(60_000, async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM background_job WHERE name = 'matching.snapshot' AND state <> 'COMPLETED'`))[0]?.n === 0);
    const [snapshot] = await sql<{ position: string }>(`SELECT feed_position::text AS position FROM match_index_snapshot ORDER BY version DESC LIMIT 1`);
    expect(snapshot).toBeDefined();
    b.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    const recorded = async () => new Map((await sql<{ consumer: string; position: string }>(`SELECT consumer, position::text AS position FROM feed_consumer_position WHERE instance = 'instance-b'`)).map((r) => [r.consumer, Number(r.position)]));
    const before = await recorded();
    expect([...before.keys()].sort()).toEqual(['matching-index', 'synonyms']);

    const title = '钙钛矿组件停机期间发布的封装技术';
    const created = await ok(a, 'POST', '/api/results', 'researcher', resultPayload({ title, keywords: ['钙钛矿', '封装', '光伏组件'], fieldCodes: ['NE.PV'], ipAssets: [] }));
    const id: string = created.body.id;
    await publish('results', id, 'researcher');
    const head = await feedHead();
    expect(before.get('matching-index')).toBeLessThan(head);
    // A is up to date and says so.
    const healthA = (await ok(a, 'GET', '/api/health')).body;
    expect(healthA.feed).toMatchObject({ head: expect.any(Number), behind: expect.any(Number) });
    expect(healthA.feed.head).toBeGreaterThanOrEqual(head);

    expect(Number(snapshot!.position)).toBeLessThan(head);
    b = await startBuiltServer(env('instance-b', { XKX_FEED_POLL_MS: '60000', LOG_LEVEL: 'info' }));
    await b.waitUntilReady(150_000);
    expect(b.output()).toMatch(new RegExp(`matching index loaded from snapshot \\d+ \\(feed position ${snapshot!.position}\\) and [1-9]\\d* listing changes since`));
    expect((await matchIdsOnB())).toContain(id);
    expect((await searchOnB(title)).ids).toContain(id);
    // Its consumers read on from where they stopped, up to the head, and its health says it is caught up.
    await within(DELIVERY_MS, async () => {
      const after = await recorded();
      return [...before.keys()].every((name) => (after.get(name) ?? 0) >= head);
    });
    await within(DELIVERY_MS, async () => {
      const health = (await ok(b, 'GET', '/api/health')).body as { feed?: { head: number; position: number; behind: number } };
      return health.feed !== undefined && health.feed.head >= head && health.feed.behind === 0 && health.feed.position === health.feed.head;
    });
  });
});
