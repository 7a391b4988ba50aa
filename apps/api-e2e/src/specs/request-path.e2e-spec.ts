import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

/** The per-request path (issue 14): what every request does, and what it no longer does. */
describe('request path: the built web app and the API share a port, API paths never touch the disk', () => {
  let t: TestApp;
  let web: string;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'xkx-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(join(web, 'main-abc.js'), 'console.log(1)');
    // A file where an API route lives: the API must answer, not the disk.
    mkdirSync(join(web, 'api', 'health'), { recursive: true });
    writeFileSync(join(web, 'api', 'health', 'index.html'), 'from disk');
    writeFileSync(join(web, 'api', 'stray.txt'), 'from disk');
    t = await startTestApp({ XKX_WEB_DIR: web });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('serves the web app’s files and its client routes', async () => {
    const file = await t.http.get('/main-abc.js').expect(200);
    expect(file.text).toBe('console.log(1)');
    const route = await t.http.get('/results/R2026-000001').set('Accept', 'text/html').expect(200);
    expect(route.text).toContain('<title>shell</title>');
    expect(route.headers['cache-control']).toBe('no-cache');
  });

  it('answers /api paths from the API only, never from files under the web root', async () => {
    const health = await t.http.get('/api/health/').expect(200);
    expect(health.body).toEqual({ status: 'ok', database: 'up', feed: { head: expect.any(Number), position: expect.any(Number), behind: expect.any(Number) } });
    const stray = await t.http.get('/api/stray.txt').expect(404);
    expect(stray.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});
