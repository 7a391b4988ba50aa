import { AppConfig, HealthService, MatchingService, runMigrationsLocked } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

/** Liveness and readiness on a database the app was told not to migrate (XKX_MIGRATE_ON_START=false). */
describe('operations: liveness and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ XKX_MIGRATE_ON_START: 'false' });
  }, 120_000);
  afterAll(() => t.close());

  // First, so ioredis's connect-timeout timer has run out by the time the app closes.
  it('checks the queue when one is configured', async () => {
    const config = t.app.get(AppConfig);
    config.REDIS_URL = 'redis://127.0.0.1:1';
    try {
      const res = await t.http.get('/api/health/ready').expect(503);
      expect(res.body).toMatchObject({ status: 'not-ready', queue: 'down', database: 'up' });
    } finally {
      config.REDIS_URL = undefined;
    }
  });

  it('is live at once, but not ready while migrations are pending', async () => {
    expect((await t.http.get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const res = await t.http.get('/api/health/ready').expect(503);
    expect(res.body).toEqual({ status: 'not-ready', database: 'up', migrations: 'pending', matching: 'loading', draining: false });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is ready once the release step migrated and the matching index loaded', async () => {
    await runMigrationsLocked(t.app.get(DataSource));
    const notYet = await t.http.get('/api/health/ready').expect(503);
    expect(notYet.body).toMatchObject({ migrations: 'applied', matching: 'loading' });
    await t.app.get(MatchingService).reload();
    const res = await t.http.get('/api/health/ready').expect(200);
    expect(res.body).toEqual({ status: 'ready', database: 'up', migrations: 'applied', matching: 'loaded', draining: false });
  });

  it('stops being ready once draining for a shutdown, while staying live', async () => {
    t.app.get(HealthService).startDraining();
    expect((await t.http.get('/api/health/ready').expect(503)).body).toMatchObject({ status: 'not-ready', draining: true });
    await t.http.get('/api/health/live').expect(200);
  });
});
