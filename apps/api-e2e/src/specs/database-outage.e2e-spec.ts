import { createApp, loadConfig } from '@xkx/api/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createTestDatabase, serverUrl, TestDatabase } from '../support/test-database';
import { TcpProxy } from '../support/tcp-proxy';

// Needs a PostgreSQL server to cut off; the embedded database lives inside the process.
const describeWithServer = serverUrl() ? describe : describe.skip;

describeWithServer('health follows the database through an outage, without a restart', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let app: NestExpressApplication;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: true });
    const target = new URL(database.url!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    target.hostname = '127.0.0.1';
    target.port = String(proxy.port);
    app = await createApp(
      loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', XKX_WEB_DIR: '', XKX_DEMO_SEED: 'false', DATABASE_URL: target.toString() }),
    );
  });
  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await app.close();
    await proxy.stop();
    await database.drop();
  });

  const health = async (): Promise<{ status: number; body: unknown }> => {
    const res = await request(app.getHttpServer()).get('/api/health');
    return { status: res.status, body: res.body };
  };

  it('is 200, then 503 while the database is unreachable, then 200 again', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'up', feed: { head: expect.any(Number), position: expect.any(Number), behind: expect.any(Number) } } });
    await proxy.stop();
    expect(await health()).toEqual({ status: 503, body: { status: 'error', database: 'down' } });
    // Other routes fail cleanly too: 503 with the error body, not a hang or a stack trace.
    const res = await request(app.getHttpServer()).get('/api/stats/overview');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|at \//);
    await proxy.start();
    let recovered = await health();
    for (let i = 0; i < 20 && recovered.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      recovered = await health();
    }
    expect(recovered).toEqual({ status: 200, body: { status: 'ok', database: 'up', feed: { head: expect.any(Number), position: expect.any(Number), behind: expect.any(Number) } } });
  });
});
