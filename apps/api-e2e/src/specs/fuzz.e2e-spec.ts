import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { ListingExpiryJob } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { DEMO, DemoRole, loginDemo, Session } from '../support/auth';
import { errorBodyProblem } from '../support/error-body';
import { FuzzContext, FuzzOperation, FuzzRequest, OpenApiDocument, operationsOf, requestFor } from '../support/openapi-fuzz';
import { HIGH_RATE_LIMITS, startTestApp, TestApp } from '../support/test-app';

/**
 * Property-based fuzzing of every operation in the OpenAPI document, as every role: bodies, query
 * strings and path ids generated from the document's schemas (plausible values, real ids, values past
 * the bounds, and anything at all). Properties: no 5xx; every rejection a 4xx in the standard error
 * body; a rejected write leaves the database as it was.
 *
 * Cases: FUZZ_CASES, by default 10,000 on PostgreSQL and 1,500 on embedded PGlite (CI runs both; PGlite
 * is several times slower per write). FUZZ_SEED replays a run. One app boot, requests over loopback.
 */
const ON_POSTGRES = Boolean(process.env['DATABASE_URL']);
const CASES = Number(process.env['FUZZ_CASES'] ?? (ON_POSTGRES ? 10_000 : 1_500));
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);

/** Rate limits raised so 429s do not hide what the fuzzer finds (too many 429s fail the run below). */
const RAISED_LIMITS: Record<string, string> = { ...HIGH_RATE_LIMITS, TRUST_PROXY: 'loopback' };

/** Writes a rejected request may still make: the audit trail of the refusal, and mail the sender marks. */
const ALLOWED_ON_REJECTION = new Set(['audit_log INSERT', 'outbox_mail UPDATE']);
/** Bookkeeping about requests rather than data: a refused request is counted by the rate limits. */
const UNWATCHED_TABLES = ['fuzz_change', 'migrations', 'rate_limit_counter', 'feed_consumer_position'];
/**
 * Background work that runs on its own clock, whatever the request: the jobs' own records and the matching
 * snapshot job (its table, and the feed row announcing each snapshot). Any other feed row is still watched.
 */
const BACKGROUND_TABLES = ['background_job', 'match_index_snapshot', 'match_index_snapshot_part'];
const BACKGROUND_FEED_TOPICS = ['matching.snapshot'];

/** Reads change nothing, so they may overlap; writes run one at a time for the database check. */
const READ_CONCURRENCY = 4;

type Role = 'anonymous' | DemoRole;

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
const ROLES: Role[] = ['anonymous', 'researcher', 'enterprise', 'broker', 'admin', 'pending'];

interface Failure {
  kind: string;
  role: Role;
  method: string;
  url: string;
  status: number;
  detail: string;
  body?: unknown;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let base: string;
  let db: DataSource;
  let doc: OpenApiDocument;
  const sessions = new Map<Role, Session | null>();
  const known = new Map<string, string[]>();

  beforeAll(async () => {
    // FUZZ_REPORT=<file> keeps every failure there, and logs the server's errors, to debug a finding.
    t = await startTestApp({ XKX_DEMO_SEED: 'true', ...RAISED_LIMITS, ...(process.env['FUZZ_REPORT'] ? { LOG_LEVEL: 'error' } : {}) });
    const server = await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    db = t.app.get(DataSource);
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
    await loginAll();
    await collectKnownValues();
    // The expiry pass runs 10 s after start; run it now so its writes come before the counters.
    await t.app.get(ListingExpiryJob).run();
    await installChangeCounters();
    await waitForMatching();
  }, 300_000);
  afterAll(() => t?.close());

  async function loginAll(): Promise<void> {
    sessions.set('anonymous', null);
    for (const role of ROLES) if (role !== 'anonymous') sessions.set(role, await loginDemo(t.http, role));
  }

  /** A role whose session a fuzzed request ended (logout, suspension…) signs in again. */
  async function reviveSessions(roles: Iterable<Role>): Promise<void> {
    for (const role of roles) {
      const session = sessions.get(role);
      if (!session || role === 'anonymous') continue;
      const res = await fetch(`${base}/api/auth/me`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
      await res.arrayBuffer();
      if (res.status === 401) sessions.set(role, await loginDemo(t.http, role));
    }
  }

  async function collectKnownValues(): Promise<void> {
    const roleEmails = Object.values(DEMO).map((d) => d.email);
    const ids = async (sql: string, params: unknown[] = []): Promise<string[]> =>
      ((await db.query(sql, params)) as Array<{ v: string }>).map((r) => String(r.v));
    const table = async (name: string) => ids(`SELECT id::text AS v FROM "${name}" ORDER BY id LIMIT 12`);
    const listings = [...(await table('result')), ...(await table('need'))];
    const byName: Record<string, string[]> = {
      result: await table('result'),
      need: await table('need'),
      deal: await table('deal'),
      tech_contract: await table('tech_contract'),
      introduction: await table('introduction'),
      public_notice: await table('public_notice'),
      notification: await table('notification'),
      organization: await table('organization'),
      import_job: await table('import_job'),
      deal_offer: await table('deal_offer'),
      // Never the fuzzer's own accounts: suspending them would blind the rest of the run.
      app_user: await ids(`SELECT id::text AS v FROM app_user WHERE email <> ALL($1) ORDER BY id LIMIT 12`, [roleEmails]),
      contract_type: await ids(`SELECT code AS v FROM contract_type`),
      registration_field: await ids(`SELECT key AS v FROM registration_field`),
      technology_field: await ids(`SELECT code AS v FROM technology_field ORDER BY code LIMIT 20`),
      listing: listings,
    };
    for (const [name, values] of Object.entries(byName)) known.set(name, values);
  }

  const ID_TABLES: Record<string, string> = {
    results: 'result', needs: 'need', deals: 'deal', contracts: 'tech_contract', introductions: 'introduction', 'public-notices': 'public_notice',
    notifications: 'notification', organizations: 'organization', imports: 'import_job', users: 'app_user',
  };
  const NAMED: Record<string, string> = {
    offerId: 'deal_offer', contractId: 'tech_contract', dealId: 'deal', organizationId: 'organization', institutionId: 'organization',
    brokerId: 'app_user', actorId: 'app_user', subjectId: 'app_user', userId: 'app_user', resultId: 'result', needId: 'need', listingId: 'listing',
    fieldCode: 'technology_field', fieldCodes: 'technology_field', field: 'technology_field', parentCode: 'technology_field', typeCode: 'contract_type',
  };

  const ctx: FuzzContext = {
    get doc() {
      return doc;
    },
    known(name, path) {
      if (name === 'id') return known.get(ID_TABLES[path.split('/')[2] ?? ''] ?? '') ?? [];
      if (name === 'code') return known.get(path.includes('contract-types') ? 'contract_type' : 'technology_field') ?? [];
      if (name === 'key' && path.includes('registration-fields')) return known.get('registration_field') ?? [];
      return known.get(NAMED[name] ?? '') ?? [];
    },
  };

  async function installChangeCounters(): Promise<void> {
    // Test-only: every committed row change is counted per table and operation, so a rejected write
    // that changed anything shows up as a moved counter (stricter than counts and checksums, and cheap).
    await db.query(`CREATE TABLE fuzz_change (tbl text NOT NULL, op text NOT NULL, n bigint NOT NULL, PRIMARY KEY (tbl, op))`);
    await db.query(`CREATE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO fuzz_change VALUES (TG_TABLE_NAME, TG_OP, 1) ON CONFLICT (tbl, op) DO UPDATE SET n = fuzz_change.n + 1;
        RETURN NULL;
      END $$`);
    const tables = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1)`, [[...UNWATCHED_TABLES, ...BACKGROUND_TABLES]])) as Array<{ tablename: string }>;
    for (const { tablename } of tables) {
      if (tablename === 'change_feed') {
        const topics = BACKGROUND_FEED_TOPICS.map((t) => `'${t}'`).join(', ');
        await db.query(`CREATE TRIGGER fuzz_count AFTER INSERT ON change_feed FOR EACH ROW WHEN (NEW.topic NOT IN (${topics})) EXECUTE FUNCTION fuzz_count()`);
        await db.query(`CREATE TRIGGER fuzz_count_other AFTER UPDATE OR DELETE ON change_feed FOR EACH ROW EXECUTE FUNCTION fuzz_count()`);
        continue;
      }
      await db.query(`CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON "${tablename}" FOR EACH ROW EXECUTE FUNCTION fuzz_count()`);
    }
  }

  async function changeCounters(): Promise<Map<string, string>> {
    const rows = (await db.query(`SELECT tbl, op, n::text AS n FROM fuzz_change`)) as Array<{ tbl: string; op: string; n: string }>;
    return new Map(rows.map((r) => [`${r.tbl} ${r.op}`, r.n]));
  }

  async function waitForMatching(): Promise<void> {
    const broker = sessions.get('broker');
    const needId = known.get('need')?.[0];
    for (let i = 0; i < 120 && broker && needId; i++) {
      const res = await fetch(`${base}/api/needs/${needId}/matches`, { headers: { Authorization: `Bearer ${broker.accessToken}` } });
      await res.arrayBuffer();
      if (res.status !== 503) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async function send(op: FuzzOperation, role: Role, req: FuzzRequest, n: number): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = {
      'X-Forwarded-For': `10.77.${(n >> 8) & 255}.${n & 255}`,
      'Accept-Language': n % 3 === 0 ? 'en' : 'zh-CN',
    };
    const session = sessions.get(role);
    if (session) headers['Authorization'] = `Bearer ${session.accessToken}`;
    let body: BodyInit | undefined;
    const bodyAllowed = op.method !== 'GET' && op.method !== 'DELETE';
    if (bodyAllowed && req.bodyKind === 'json') {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.body) ?? 'null';
    } else if (bodyAllowed && req.bodyKind === 'raw') {
      headers['Content-Type'] = 'application/json';
      body = req.body as string;
    } else if (bodyAllowed && req.bodyKind === 'multipart') {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(req.body as Uint8Array)]), n % 2 ? 'upload.xlsx' : 'x\u0000.bin');
      body = form;
    }
    const res = await fetch(`${base}${req.url}`, { method: op.method, headers, body });
    if (res.status < 400) {
      await res.arrayBuffer();
      return { status: res.status, body: undefined };
    }
    const textBody = await res.text();
    try {
      return { status: res.status, body: JSON.parse(textBody) as unknown };
    } catch {
      return { status: res.status, body: textBody.slice(0, 200) };
    }
  }

  it(
    `answers ${CASES} generated requests with no 5xx, standard 4xx bodies and no change from rejected writes`,
    async () => {
      const operations = operationsOf(doc);
      expect(operations.length).toBeGreaterThan(100);
      const perOperation = Math.ceil(CASES / operations.length);
      const failures: Failure[] = [];
      const statuses = new Map<number, number>();
      let cases = 0;
      let tooMany = 0;
      const timings: Array<[string, number]> = [];
      // Roles that got a 401 while signed in: their session may have ended; checked after the operation.
      const refused = new Set<Role>();
      const started = Date.now();

      for (const [index, op] of operations.entries()) {
        // fast-check generates (seeded, reproducible); we run the cases ourselves so reads can overlap.
        const samples = fc.sample(fc.tuple(fc.constantFrom(...ROLES), requestFor(op, ctx)), { numRuns: perOperation, seed: SEED + index });
        const isWrite = op.method !== 'GET';
        // A write is compared with the counters as the previous write left them: one query per case.
        let before = isWrite ? await changeCounters() : undefined;
        const runCase = async ([role, req]: (typeof samples)[number]): Promise<void> => {
          const n = cases++;
          const { status, body } = await send(op, role, req, n);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const fail = (kind: string, detail: string) => failures.push({ kind, role, method: op.method, url: req.url.slice(0, 300), status, detail, body: req.bodyKind === 'none' ? undefined : req.body });
          if (status === 429) tooMany++;
          if (status === 401 && role !== 'anonymous') refused.add(role);
          if (status >= 500) fail('5xx', JSON.stringify(body).slice(0, 300));
          else if (status >= 400) {
            const problem = errorBodyProblem(status, body);
            if (problem) fail('non-standard error body', problem);
          }
          if (before) {
            const after = await changeCounters();
            if (status >= 400) {
              const previous = before;
              const moved = [...after].filter(([key, value]) => previous.get(key) !== value && !ALLOWED_ON_REJECTION.has(key)).map(([key]) => key);
              if (moved.length) fail('rejected write changed the database', moved.join(', '));
            }
            before = after;
          }
        };
        const opStarted = Date.now();
        if (isWrite) for (const sample of samples) await runCase(sample);
        else await inParallel(samples, READ_CONCURRENCY, runCase);
        timings.push([`${op.method} ${op.path}`, Date.now() - opStarted]);
        await reviveSessions(refused);
        refused.clear();
      }

      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, c]) => `${s}×${c}`).join(' ');
      console.log(`fuzz: ${cases} cases over ${operations.length} operations in ${seconds}s (seed ${SEED}, ${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'}): ${histogram}`);
      expect(cases).toBeGreaterThanOrEqual(CASES);
      // Limits are raised for this run; a 429 on more than 1% of cases means they hide results.
      expect(tooMany).toBeLessThanOrEqual(cases / 100);
      // One example per kind of failure and route keeps the report readable.
      if (process.env['FUZZ_REPORT']) console.log(timings.sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, ms]) => `${k} ${ms}ms`).join('\n'));
      if (process.env['FUZZ_REPORT']) writeFileSync(process.env['FUZZ_REPORT'], JSON.stringify(failures, null, 1));
      const distinct = [...new Map(failures.map((f) => [`${f.kind} ${f.method} ${f.url.split('?')[0]?.replace(/[0-9a-f-]{36}/g, ':id')}`, f])).values()];
      expect(distinct).toEqual([]);
    },
    30 * 60_000,
  );
});
