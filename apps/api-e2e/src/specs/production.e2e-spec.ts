import { creditCodeCheckChar } from '@xkx/util';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR, BuiltServer, buildApi, http, JWT_SECRET, startBuiltServer, WORKSPACE_ROOT } from '../support/built-server';
import { createTestDatabase, queryDatabase, serverUrl, TestDatabase } from '../support/test-database';

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
  let adminToken = '';

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

  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => queryDatabase<T>(database.url, text, params);

  it('two instances started together migrate once, and both become ready', async () => {
    servers.push(await startBuiltServer({ DATABASE_URL: database.url! }), await startBuiltServer({ DATABASE_URL: database.url! }));
    await Promise.all(servers.map((s) => s.waitUntilReady(150_000)));
    const rows = await sql<{ name: string; n: string }>('SELECT name, count(*) AS n FROM migrations GROUP BY name');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.n !== '1')).toEqual([]);
    const migrated = servers.filter((s) => /applied \d+ migrations/.test(s.output()));
    expect(migrated).toHaveLength(1);
    const ready = await http(servers[1].port, 'GET', '/api/health/ready');
    expect(ready.body).toEqual({ status: 'ready', database: 'up', migrations: 'applied', matching: 'loaded', feed: { head: expect.any(Number), position: expect.any(Number), behind: expect.any(Number) }, draining: false });
  }, 200_000);

  it('README step: npm run admin:create (password on standard input) makes the administrator, who signs in', async () => {
    const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', JWT_SECRET, DATABASE_URL: database.url! };
    const npm = (args: string[], input: string) => runScript(args, env, input);
    const refused = npm(['admin:create', '--', '--email', 'it@qixia.gov.cn', '--name', '王工', '--password', 'x'], '');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('never taken from the command line');
    const created = npm(['admin:create', '--', '--email', 'it@qixia.gov.cn', '--name', '王工'], 'Qixia-Admin-2026!\n');
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/created administrator it@qixia\.gov\.cn/);
    expect(created.status).toBe(0);
    const again = npm(['admin:create', '--', '--email', 'IT@qixia.gov.cn', '--name', '王工'], 'Qixia-Admin-2026!\n');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('EMAIL_TAKEN');

    const signIn = await http(servers[1].port, 'POST', '/api/auth/login', { body: { email: 'it@qixia.gov.cn', password: 'Qixia-Admin-2026!' } });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user).toMatchObject({ role: 'ADMIN', status: 'ACTIVE' });
    adminToken = signIn.body.tokens.accessToken;
    const audit = await sql<{ details: { via: string } }>("SELECT details FROM audit_log WHERE action = 'ADMIN_CREATED'");
    expect(audit).toEqual([{ details: { via: 'command-line' } }]);

    // The setup link each instance logged at its first start died with the first administrator.
    const token = /\/setup\?token=([0-9a-f.]+)/.exec(servers[0].output())?.[1];
    expect(token).toBeDefined();
    const spent = await http(servers[1].port, 'POST', '/api/setup/administrator', { body: { token, email: 'x@qixia.gov.cn', name: 'x', password: 'Another-Admin-2026!' } });
    expect(spent.body.code).toBe('SETUP_NOT_NEEDED');
  }, 180_000);

  it('README step: the administrator invites a broker, who sets a password from the mail and signs in', async () => {
    const auth = { Authorization: `Bearer ${adminToken}` };
    const center = await http(servers[1].port, 'POST', '/api/organizations', { headers: auth, body: { nameZh: '栖霞区技术转移中心', kind: 'AGENCY', areaCode: '320113', creditCode: CENTER_CREDIT_CODE } });
    expect(center.status).toBe(201);
    const invited = await http(servers[1].port, 'POST', '/api/users/invitations', { headers: auth, body: { email: 'broker@qixia.gov.cn', name: '李经理', role: 'BROKER', organizationId: center.body.id } });
    expect(invited.status).toBe(201);
    const [mail] = await sql<{ body: string }>("SELECT body FROM outbox_mail WHERE to_address = 'broker@qixia.gov.cn'");
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
    const set = await http(servers[1].port, 'POST', '/api/auth/reset-password', { body: { token, newPassword: 'Lantern-Orchid-2026!' } });
    expect(set.status).toBeLessThan(300);
    const signIn = await http(servers[1].port, 'POST', '/api/auth/login', { body: { email: 'broker@qixia.gov.cn', password: 'Lantern-Orchid-2026!' } });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user).toMatchObject({ role: 'BROKER', organization: { id: center.body.id } });
  }, 60_000);

  it('README step: imports organizations from an .xlsx (npm run orgs:import), and they are listed', async () => {
    const env = { PATH: process.env.PATH ?? '', NODE_ENV: 'production', JWT_SECRET, DATABASE_URL: database.url! };
    const npm = (args: string[]) => runScript(['orgs:import', '--', ...args], env);
    const dir = mkdtempSync(join(tmpdir(), 'xkx-orgs-'));
    const file = join(dir, 'orgs.xlsx');
    expect(npm(['--template', file]).status).toBe(0);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    sheet.getRow(2).values = ['南京栖霞示范科技有限公司', '企业', ORGS_ENTERPRISE_CREDIT_CODE, '栖霞示范', '', '', '南京市栖霞区', '是'];
    sheet.getRow(3).values = ['栖霞示范研究院', '科研院所'];
    await workbook.xlsx.writeFile(file);

    const imported = npm([file]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('orgs.xlsx: 2 rows; created 2, updated 0, unchanged 0');
    expect(imported.status).toBe(0);
    const listed = await http(servers[1].port, 'GET', `/api/organizations?q=${encodeURIComponent('栖霞示范')}`);
    expect(listed.body.items.map((o: { nameZh: string }) => o.nameZh).sort()).toEqual(['南京栖霞示范科技有限公司', '栖霞示范研究院']);
    // The bundled list only on request; a second run leaves everything as it is.
    const qixia = npm(['--qixia']);
    expect(qixia.status).toBe(0);
    expect(npm(['--qixia']).stdout).toMatch(/created 0, updated 0, unchanged \d+/);
    const universities = await http(servers[1].port, 'GET', '/api/organizations?kind=UNIVERSITY&limit=100');
    expect(universities.body.items.map((o: { nameZh: string }) => o.nameZh)).toContain('南京邮电大学');
    const audited = await sql<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE action = 'ORGANIZATION_CREATED' AND details->>'via' = 'import'");
    expect(Number(audited[0].n)).toBe(2 + universities.body.total);
    // Four npm runs of the built command: about a minute on a quiet machine, several on a loaded one.
  }, 300_000);

  it('README step: Prometheus reads /metrics with the token; log lines name the request and the user', async () => {
    const token = 'production-metrics-token-0123456789';
    const server = await startBuiltServer({ DATABASE_URL: database.url!, METRICS_TOKEN: token });
    servers.push(server);
    await server.waitUntilReady(150_000);
    expect((await http(server.port, 'GET', '/metrics')).status).toBe(401);
    const listed = await http(server.port, 'GET', '/api/organizations', { headers: { Authorization: `Bearer ${adminToken}`, 'X-Request-Id': 'prod-metrics-1' } });
    expect(listed.status).toBe(200);
    expect(listed.headers['x-request-id']).toBe('prod-metrics-1');
    const metrics = await http(server.port, 'GET', '/metrics', { headers: { Authorization: `Bearer ${token}` } });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/organizations",status="200"\} 1$/m);
    expect(metrics.text).toMatch(/^xkx_db_pool_connections\{state="max"\} 10$/m);
    expect(metrics.text).toMatch(/^xkx_mail_outbox\{status="PENDING"\} \d+$/m);
    expect(metrics.text).toMatch(/^xkx_metrics_database_ok 1$/m);
    expect(metrics.text).toContain('process_resident_memory_bytes');
    const completed = (): Record<string, unknown> | undefined =>
      server.output().split('\n').filter((l) => l.includes('"prod-metrics-1"')).map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['msg'] === 'request completed');
    await waitFor(async () => completed() !== undefined);
    expect(completed()).toMatchObject({ requestId: 'prod-metrics-1', userId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    server.kill('SIGTERM');
    expect(await server.exited).toBe(0);
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
    expect(res.body.total).toBeGreaterThan(0);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
    // The other instance is still serving.
    expect((await http(servers[1].port, 'GET', '/api/health/ready')).status).toBe(200);
  }, 60_000);
});

/** A valid 统一社会信用代码 (check character computed), fictional. */
const CENTER_CREDIT_CODE = `91320113MA1XKX019${creditCodeCheckChar('91320113MA1XKX019')}`;

const ORGS_ENTERPRISE_CREDIT_CODE = `91320113MA1XKX027${creditCodeCheckChar('91320113MA1XKX027')}`;

/**
 * `npm run <script> -- <args>` as the README says, run from this worker's build: the script is read from
 * package.json (so a changed script is what is tested) and its `dist/api/` swapped for BUILD_DIR. The browser
 * lane's `npm start` may rewrite dist/api at the same moment (nx restoring its build), and a CLI loading
 * half-written files printed nothing (once in CI).
 */
function runScript(args: string[], env: NodeJS.ProcessEnv, input?: string): SpawnSyncReturns<string> {
  const [name, ...rest] = args;
  const scripts = (JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const script = scripts[name!];
  if (!script?.startsWith('node dist/api/')) throw new Error(`package.json's ${name} is not "node dist/api/…": ${script}`);
  const [command, ...scriptArgs] = script.replace('dist/api/', `${BUILD_DIR}/`).split(' ');
  const passed = rest[0] === '--' ? rest.slice(1) : rest;
  return spawnSync(command === 'node' ? process.execPath : command!, [...scriptArgs, ...passed], { cwd: WORKSPACE_ROOT, env, input, encoding: 'utf8' });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
