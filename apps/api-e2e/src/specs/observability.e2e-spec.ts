import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { freePort, http } from '../support/built-server';
import { expectStandardError } from '../support/error-body';
import { startTestApp, TestApp } from '../support/test-app';

const TOKEN = 'metrics-token-for-the-observability-spec';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Log lines the app wrote, parsed (pino writes one JSON object per line). */
class LogCapture {
  readonly lines: Array<Record<string, unknown>> = [];
  write(chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
  of(requestId: string): Array<Record<string, unknown>> {
    return this.lines.filter((l) => l['requestId'] === requestId);
  }
}

// First in the file: nestjs-pino writes lines logged outside a request (start-up, jobs) with the logger of
// the first app built in the process, so the app whose lines are captured must be that one.
describe('observability: metrics, request ids and logs on the main port', () => {
  let t: TestApp;
  const logs = new LogCapture();
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp(
      { METRICS_TOKEN: TOKEN, XKX_DEMO_SEED: 'true', LOG_LEVEL: 'info', XKX_SLOW_REQUEST_MS: '1', XKX_SLOW_QUERY_MS: '1' },
      { logStream: logs },
    );
    admin = await loginDemo(t.http, 'admin');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('asks for the token: 401 without it or with a wrong one', async () => {
    expectStandardError(await t.http.get('/metrics'), 401);
    expectStandardError(await t.http.get('/metrics').set('Authorization', 'Bearer not-the-token-at-all'), 401);
    expectStandardError(await t.http.get('/metrics').set('Authorization', TOKEN), 401);
  });

  it('with the token: the request histogram by route template (never a raw id), pool, queues, index and business numbers', async () => {
    const id = randomUUID();
    await t.http.get(`/api/organizations/${id}`).set(...bearer(admin)).expect(404);
    await t.http.get('/api/organizations').set(...bearer(admin)).expect(200);
    const res = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/organizations\/:id",status="404"\} 1$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/organizations",status="200"\} \d+$/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/api\/auth\/login",status="200"\} 1$/m);
    expect(text).not.toContain(id);
    expect(text).toMatch(/^xkx_db_pool_connections\{state="total"\} [1-9]\d*$/m);
    expect(text).toMatch(/^xkx_db_query_duration_seconds_count [1-9]\d*$/m);
    expect(text).toMatch(/^xkx_metrics_database_ok 1$/m);
    expect(text).toMatch(/^xkx_mail_outbox\{status="PENDING"\} \d+$/m);
    expect(text).toMatch(/^xkx_import_jobs\{status="IMPORTING"\} 0$/m);
    expect(text).toMatch(/^xkx_matching_index_documents\{kind="result"\} \d+$/m);
    expect(text).toMatch(/^xkx_matching_index_pending_updates \d+$/m);
    expect(text).toMatch(/^xkx_listings_published\{kind="RESULT"\} [1-9]\d*$/m);
    expect(text).toMatch(/^xkx_introductions\{status="PENDING"\} \d+$/m);
    expect(text).toMatch(/^xkx_contracts_signed \d+$/m);
    expect(text).toMatch(/^xkx_contracts_signed_amount_fen \d+$/m);
    if (t.databaseUrl) expect(text).toMatch(/^xkx_db_pool_connections\{state="max"\} 10$/m);
  });

  it('reuses a sane incoming X-Request-Id, replaces anything else, and mints one when there is none', async () => {
    const kept = await t.http.get('/api/health/live').set('X-Request-Id', 'edge-7f3a.42:1');
    expect(kept.headers['x-request-id']).toBe('edge-7f3a.42:1');
    for (const bad of ['has spaces in it', 'x'.repeat(101), '<script>', '']) {
      const res = await t.http.get('/api/health/live').set('X-Request-Id', bad);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
    const minted = await t.http.get('/api/health/live');
    expect(minted.headers['x-request-id']).toMatch(UUID);
    // Even a request refused by the body parser, before any route, carries one.
    const tooDeep = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"a":');
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.headers['x-request-id']).toMatch(UUID);
  });

  it('logs every line of a request with its request id and, once signed in, the user id; slow requests at warn', async () => {
    const res = await t.http.get('/api/organizations').set(...bearer(admin)).set('X-Request-Id', 'log-check-1').set('User-Agent', 'log-check-agent').expect(200);
    expect(res.headers['x-request-id']).toBe('log-check-1');
    await waitFor(() => logs.of('log-check-1').some((l) => l['msg'] === 'request completed'));
    const lines = logs.of('log-check-1');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect({ line, ids: { requestId: line['requestId'], userId: line['userId'] } }).toMatchObject({ ids: { requestId: 'log-check-1', userId: admin.userId } });
    const completed = lines.find((l) => l['msg'] === 'request completed')!;
    expect(completed['req']).toMatchObject({ method: 'GET', url: '/api/organizations', userAgent: 'log-check-agent', remoteAddress: expect.any(String) });
    expect(completed).toMatchObject({ res: { statusCode: 200 }, responseTime: expect.any(Number) });
    // Lean lines (issue 14): no request or response headers, so no token, cookie or CSP in every line.
    expect(completed['req']).not.toHaveProperty('headers');
    expect(completed['res']).not.toHaveProperty('headers');
    expect(JSON.stringify(completed)).not.toContain(admin.accessToken);
    // XKX_SLOW_REQUEST_MS=1 here: a request that took longer says so, with route template and duration.
    const slow = logs.lines.filter((l) => l['msg'] === 'slow request' && l['level'] === 40);
    expect(slow.length).toBeGreaterThan(0);
    expect(slow.find((l) => l['requestId'] === 'log-check-1') ?? slow[0]).toMatchObject({ route: expect.stringMatching(/^[A-Z]+ /), durationMs: expect.any(Number) });
    const login = slow.find((l) => l['route'] === 'POST /api/auth/login');
    expect(login).toMatchObject({ requestId: expect.any(String), statusCode: 200 });
    // XKX_SLOW_QUERY_MS=1: slow queries are logged at warn with their duration (and the route when a request ran them).
    await t.app.get(DataSource).query('SELECT pg_sleep(0.02)');
    const slowQueries = logs.lines.filter((l) => typeof l['msg'] === 'string' && (l['msg'] as string).startsWith('slow query') && l['level'] === 40);
    expect(slowQueries.length).toBeGreaterThan(0);
    expect(slowQueries[0]).toMatchObject({ durationMs: expect.any(Number), query: expect.any(String) });
    for (const q of slowQueries.filter((l) => l['route'])) expect(q['route']).toMatch(/^[A-Z]+ \/api\//);
  });

  it('a 500: the body keeps its shape and adds requestId; the log has the stack under that id and the user', async () => {
    // An honest failure: the table the route reads is gone (renamed away, then back).
    const dataSource = t.app.get(DataSource);
    await dataSource.query('ALTER TABLE organization RENAME TO organization_away');
    let res;
    try {
      res = await t.http.get('/api/organizations').set(...bearer(admin)).set('Accept-Language', 'en');
    } finally {
      await dataSource.query('ALTER TABLE organization_away RENAME TO organization');
    }
    expect(res.status).toBe(500);
    const requestId = res.headers['x-request-id'] as string;
    expect(requestId).toMatch(UUID);
    expect(res.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: expect.any(String), requestId });
    expect(res.text).not.toMatch(/organization_away|relation|stack/i);
    await waitFor(() => logs.of(requestId).some((l) => l['msg'] === 'Unhandled error'));
    const logged = logs.of(requestId).find((l) => l['msg'] === 'Unhandled error')!;
    expect(logged).toMatchObject({ level: 50, requestId, userId: admin.userId, context: 'Exceptions' });
    expect((logged['err'] as { stack?: string }).stack).toMatch(/organization/);
    await t.http.get('/api/organizations').set(...bearer(admin)).expect(200);
    // Counted under its route template.
    const metrics = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(metrics.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/organizations",status="500"\} 1$/m);
  });
});

describe('observability: /metrics is not public', () => {
  it('answers 404 on the main port when neither METRICS_PORT nor METRICS_TOKEN is set', async () => {
    const t = await startTestApp();
    try {
      const res = await t.http.get('/metrics');
      expectStandardError(res, 404);
      expect(res.text).not.toContain('http_request_duration_seconds');
      const withToken = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
      expect(withToken.status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('with METRICS_PORT: served on that port only (404 on the main port), token required there too when set', async () => {
    const port = await freePort();
    const t = await startTestApp({ METRICS_PORT: String(port), METRICS_TOKEN: TOKEN });
    try {
      expect((await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(404);
      await t.http.get('/api/health/live').expect(200);
      expect((await http(port, 'GET', '/metrics')).status).toBe(401);
      expect((await http(port, 'GET', '/elsewhere', { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
      const res = await http(port, 'GET', '/metrics', { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.text).toContain('http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/health/live",status="200"}');
      expect(res.text).toContain('process_resident_memory_bytes');
    } finally {
      await t.close();
    }
    // The metrics server closed with the app.
    await expect(http(port, 'GET', '/metrics')).rejects.toThrow();
  });
});

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
