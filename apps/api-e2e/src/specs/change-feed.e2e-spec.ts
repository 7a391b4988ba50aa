import { ChangeFeed } from '@xkx/api/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { needPayload, resultPayload } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 13: the change feed delivers by itself — by the poll on embedded PGlite (its only way), by
 * LISTEN/NOTIFY on PostgreSQL, and again after the listening connection is cut. Nothing here calls
 * settle(): the test waits for what a visitor would see, with a deadline.
 */
describe('change feed delivery', () => {
  let t: TestApp;
  let researcher: Session;
  let enterprise: Session;
  let broker: Session;
  let needId: string;

  const publish = async (kind: 'results' | 'needs', id: string, owner: Session) => {
    await t.http.post(`/api/${kind}/${id}/submit`).set(...bearer(owner)).send({}).expect(200);
    await t.http.post(`/api/${kind}/${id}/approve`).set(...bearer(broker)).send({}).expect(200);
  };
  const matchIds = async (): Promise<string[]> =>
    ((await t.http.get(`/api/needs/${needId}/matches?limit=50`).set(...bearer(broker)).expect(200)).body.items as Array<{ counterpart: { id: string } }>).map((m) => m.counterpart.id);
  const within = async (ms: number, probe: () => Promise<boolean>): Promise<void> => {
    const started = Date.now();
    while (!(await probe())) {
      if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const newResult = async (title: string): Promise<string> => {
    const id: string = (await t.http.post('/api/results').set(...bearer(researcher)).send(resultPayload({ title, keywords: ['钙钛矿', '封装', '光伏组件'], fieldCodes: ['NE.PV'], ipAssets: [] })).expect(201)).body.id;
    await publish('results', id, researcher);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true', XKX_FEED_POLL_MS: '500', XKX_INSTANCE_ID: 'feed-spec' });
    [researcher, enterprise, broker] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker')]);
    needId = (await t.http.post('/api/needs').set(...bearer(enterprise)).send(needPayload({ title: '钙钛矿光伏组件封装技术需求', keywords: ['钙钛矿', '光伏组件', '封装'], fieldCodes: ['NE.PV'] })).expect(201)).body.id;
    await publish('needs', needId, enterprise);
  }, 600_000);
  afterAll(() => t.close());

  it('brings a published listing into the matches without anyone asking, and records the position', async () => {
    const id = await newResult('钙钛矿光伏组件无人催促的封装技术');
    await within(5000, async () => (await matchIds()).includes(id));
    const head = await t.app.get(ChangeFeed).head();
    await within(5000, async () => {
      const rows = await t.app.get(DataSource).query<Array<{ position: string }>>(`SELECT position::text AS position FROM feed_consumer_position WHERE instance = 'feed-spec' AND consumer = 'matching-index'`);
      return Number(rows[0]?.position ?? 0) >= head;
    });
  });

  // The listening connection is PostgreSQL's; PGlite has none to cut.
  (process.env.DATABASE_URL ? it : it.skip)('keeps delivering after the listening connection is cut', async () => {
    const admin = new Client({ connectionString: t.databaseUrl });
    await admin.connect();
    try {
      const cut = await admin.query(`SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = 'xkx-change-feed' AND datname = current_database()`);
      expect(cut.rows).toEqual([{ cut: true }]);
    } finally {
      await admin.end();
    }
    const id = await newResult('钙钛矿光伏组件断线之后的封装技术');
    await within(5000, async () => (await matchIds()).includes(id));
    // The listener is back (it reconnects after two seconds).
    await within(10_000, async () => {
      const rows = await t.app.get(DataSource).query<unknown[]>(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'xkx-change-feed' AND datname = current_database()`);
      return rows.length === 1;
    });
  });
});
