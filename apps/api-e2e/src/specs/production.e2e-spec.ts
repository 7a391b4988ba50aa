import { Client } from 'pg';
import { BuiltServer, buildApi, http, startBuiltServer } from '../support/built-server';
import { createTestDatabase, serverUrl, TestDatabase } from '../support/test-database';

// The built server against a PostgreSQL server, as an operator runs it; PGlite has no second process.
const describeWithServer = serverUrl() ? describe : describe.skip;

/**
 * The production start, end to end: `npm run build`'s API half once, then `node dist/…/main.js` with
 * NODE_ENV=production on an empty PostgreSQL database — two instances at once, then a SIGTERM while a
 * request is in flight.
 */
describeWithServer('production: the built server on an empty PostgreSQL database', () => {
  let database: TestDatabase;
  const servers: BuiltServer[] = [];

  beforeAll(async () => {
    const buildMs = buildApi();
    console.log(`built the API in ${buildMs} ms`);
    database = await createTestDatabase();
  }, 180_000);
  afterAll(async () => {
    for (const server of servers) {
      if (server.child.exitCode === null) server.kill('SIGKILL');
      await server.exited;
    }
    await database?.drop();
  });

  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  it('two instances started together migrate once, and both become ready', async () => {
    servers.push(await startBuiltServer({ DATABASE_URL: database.url! }), await startBuiltServer({ DATABASE_URL: database.url! }));
    await Promise.all(servers.map((s) => s.waitUntilReady(150_000)));
    const rows = await sql<{ name: string; n: string }>('SELECT name, count(*) AS n FROM migrations GROUP BY name');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.n !== '1')).toEqual([]);
    const migrated = servers.filter((s) => /applied \d+ migrations/.test(s.output()));
    expect(migrated).toHaveLength(1);
    const ready = await http(servers[1].port, 'GET', '/api/health/ready');
    expect(ready.body).toEqual({ status: 'ready', database: 'up', migrations: 'applied', matching: 'loaded', draining: false });
  }, 200_000);

  it('on SIGTERM, stops accepting, finishes the request in flight, and exits 0', async () => {
    const server = servers[0];
    // A request that is slow for real: the organizations table is locked until we let go.
    const blocker = new Client({ connectionString: database.url });
    blocker.on('error', () => undefined);
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE organization IN ACCESS EXCLUSIVE MODE');
    const slow = http(server.port, 'GET', '/api/organizations');
    await waitFor(async () => (await sql<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'"))[0].n !== '0');

    server.kill('SIGTERM');
    await waitFor(async () => (await http(server.port, 'GET', '/api/health/live').then(() => false, () => true)));
    expect(server.child.exitCode).toBeNull();

    await blocker.query('COMMIT');
    await blocker.end();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
    // The other instance is still serving.
    expect((await http(servers[1].port, 'GET', '/api/health/ready')).status).toBe(200);
  }, 60_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
