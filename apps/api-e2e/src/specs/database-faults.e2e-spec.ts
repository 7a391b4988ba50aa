import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp, loadConfig } from '@xkx/api/testing';
import { bearer, loginDemo, Session } from '../support/auth';
import { backdateNotice, DealDriver, publishedPair } from '../support/deals';
import { needPayload, resultPayload } from '../support/listings';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, serverUrl, TestDatabase } from '../support/test-database';

// Needs a PostgreSQL server to cut off. The shared server is never restarted: a TCP relay between the API
// and PostgreSQL is cut (connections reset, new ones refused), which is what a restart looks like to the app.
const describeWithServer = serverUrl() ? describe : describe.skip;

interface Writer {
  name: string;
  write(n: number): Promise<{ status: number; key?: string }>;
}

describeWithServer(
  'steady writes through a database outage: 503 while down, recovery by itself, nothing acknowledged lost',
  () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    let app: NestExpressApplication;
    let http: TestAgent;
    let dealId: string;
    let contractId: string;
    const s = {} as Record<'researcher' | 'enterprise' | 'broker' | 'admin', Session>;

    beforeAll(async () => {
      database = await createTestDatabase({ migrated: true, seeded: true });
      const target = new URL(database.url!);
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      target.hostname = '127.0.0.1';
      target.port = String(proxy.port);
      app = await createApp(
        loadConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          XKX_WEB_DIR: '',
          XKX_DEMO_SEED: 'true',
          DATABASE_URL: target.toString(),
          RATE_LIMIT_MESSAGES: '100000/1m',
        }),
      );
      http = request(app.getHttpServer());
      for (const role of ['researcher', 'enterprise', 'broker', 'admin'] as const)
        s[role] = await loginDemo(http, role);
      const drive = new DealDriver(http, s, backdateNotice(app.get(DataSource)));
      dealId = await drive.walkTo('PAID', await publishedPair(http, s, '断连'));
      contractId = ((await drive.get(dealId))['contracts'] as Array<{ id: string }>)[0]!.id;
    }, 180_000);
    afterAll(async () => {
      await proxy.start().catch(() => undefined);
      await app?.close();
      await proxy.stop();
      await database.drop();
    });

    it('answers 503 during the cut, recovers without a restart, and keeps every write it acknowledged', async () => {
      const writers: Writer[] = [
        {
          name: 'result',
          write: async (n) => {
            const r = await http
              .post('/api/results')
              .set(...bearer(s.researcher))
              .send(resultPayload({ title: `断连测试成果第${n}号` }));
            return { status: r.status, key: r.body?.id };
          },
        },
        {
          name: 'need',
          write: async (n) => {
            const r = await http
              .post('/api/needs')
              .set(...bearer(s.enterprise))
              .send(needPayload({ title: `断连测试需求第${n}号` }));
            return { status: r.status, key: r.body?.id };
          },
        },
        {
          name: 'message',
          write: async (n) => {
            const r = await http
              .post(`/api/deals/${dealId}/messages`)
              .set(...bearer(s.broker))
              .send({ body: `断连测试留言 ${n}` });
            return { status: r.status, key: `断连测试留言 ${n}` };
          },
        },
        {
          name: 'payment',
          write: async (n) => {
            const r = await http
              .post(`/api/contracts/${contractId}/payments`)
              .set(...bearer(s.admin))
              .send({ receivedOn: '2026-04-30', amountFen: 1, evidenceNote: `断连回单 ${n}` });
            return { status: r.status, key: `断连回单 ${n}` };
          },
        },
      ];
      const acked = new Map<string, string[]>(writers.map((w) => [w.name, []]));
      const statuses = new Map<string, number>();
      let phase: 'before' | 'down' | 'after' = 'before';
      const ackedIn = { before: 0, down: 0, after: 0 };
      let running = true;
      const loops = writers.map(async (w) => {
        for (let n = 0; running; n++) {
          const { status, key } = await w.write(n);
          statuses.set(`${phase} ${status}`, (statuses.get(`${phase} ${status}`) ?? 0) + 1);
          if (status === 201 && key) {
            acked.get(w.name)!.push(key);
            ackedIn[phase]++;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      });
      const health = async (): Promise<number> => (await http.get('/api/health')).status;

      await new Promise((r) => setTimeout(r, 1500));
      phase = 'down';
      await proxy.stop();
      await new Promise((r) => setTimeout(r, 1500));
      expect(await health()).toBe(503);
      await proxy.start();
      // Nobody restarts anything: the pool reconnects on its own.
      let waited = 0;
      while ((await health()) !== 200 && waited < 15_000) {
        await new Promise((r) => setTimeout(r, 250));
        waited += 250;
      }
      phase = 'after';
      await new Promise((r) => setTimeout(r, 1500));
      running = false;
      await Promise.all(loops);

      // Writes were answered 503 while the database was away, never 500 or a hang.
      const seen = [...statuses.keys()];
      expect(seen.filter((k) => /^\w+ 5\d\d$/.test(k) && !k.endsWith(' 503'))).toEqual([]);
      expect(statuses.get('down 503') ?? 0).toBeGreaterThan(0);
      expect(seen.filter((k) => !/ (201|503)$/.test(k))).toEqual([]);
      expect(ackedIn.before).toBeGreaterThan(0);
      expect(ackedIn.after).toBeGreaterThan(0);

      // Every acknowledged write is in the database (read directly, not through the relay).
      const db = new Client({ connectionString: database.url });
      await db.connect();
      try {
        const have = async (sql: string, keys: string[]): Promise<number> =>
          keys.length ? Number((await db.query(sql, [keys])).rows[0].n) : 0;
        expect(
          await have(`SELECT count(*) AS n FROM result WHERE id = ANY($1::uuid[])`, acked.get('result')!),
        ).toBe(acked.get('result')!.length);
        expect(
          await have(`SELECT count(*) AS n FROM need WHERE id = ANY($1::uuid[])`, acked.get('need')!),
        ).toBe(acked.get('need')!.length);
        expect(
          await have(
            `SELECT count(DISTINCT body) AS n FROM deal_message WHERE body = ANY($1::text[])`,
            acked.get('message')!,
          ),
        ).toBe(acked.get('message')!.length);
        expect(
          await have(
            `SELECT count(DISTINCT evidence_note) AS n FROM contract_payment WHERE evidence_note = ANY($1::text[])`,
            acked.get('payment')!,
          ),
        ).toBe(acked.get('payment')!.length);
        // The money the trigger keeps on the contract still equals its payments.
        const [money] = (
          await db.query(
            `SELECT c.received_fen::text AS kept, (SELECT sum(amount_fen) FROM contract_payment p WHERE p.contract_id = c.id)::text AS paid FROM tech_contract c WHERE c.id = $1`,
            [contractId],
          )
        ).rows;
        expect(money.kept).toBe(money.paid);
      } finally {
        await db.end();
      }
    }, 120_000);
  },
);
