import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DEMO, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer, WORKSPACE_ROOT } from '../support/server';

const CODE = /^[RNDC]\d{4}-\d{6}$/;

/** Issue 17, daily use: pages people share by their codes, and the portal on a poor connection. */
describeBrowser('human URLs and the installable, offline-capable portal', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  const pathOf = (page: Page): string => new URL(page.url()).pathname;

  it('links to results, needs and deals by their codes, and an old uuid address lands on the code address', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const hits = (await (await fetch(`${server.baseUrl}/api/results?limit=1`)).json()) as { items: Array<{ id: string; code: string; title: string }> };
    const result = hits.items[0]!;
    expect(result.code).toMatch(CODE);

    // The portal's links carry the code.
    await page.goto(`${server.baseUrl}/results`);
    const firstHit = page.getByTestId('hit-title').first();
    await firstHit.waitFor();
    expect(await firstHit.getAttribute('href')).toMatch(/^\/results\/R\d{4}-\d{6}$/);

    // An old link by uuid shows the same page, then the code in the address bar (replacing the entry).
    await page.goto(`${server.baseUrl}/results/${result.id}`);
    await page.waitForURL(`**/results/${result.code}`);
    expect(await page.getByTestId('detail-title').textContent()).toBe(result.title);
    expect(await page.evaluate(() => history.length)).toBe(3);
    // Typed in lower case, the code is read and shown as it is printed.
    await page.goto(`${server.baseUrl}/results/${result.code.toLowerCase()}`);
    await page.waitForURL(`**/results/${result.code}`);
    await page.getByTestId('detail-title').waitFor();

    // A deal and its contract's printable summary, for a broker.
    const token = await apiToken(server.baseUrl, DEMO.broker);
    const deals = (await apiGet<{ items: Array<{ id: string; code: string }> }>(server.baseUrl, token, '/api/deals?limit=50')).body.items;
    let contract: { id: string; code: string } | undefined;
    let deal = deals[0]!;
    for (const d of deals) {
      const detail = (await apiGet<{ contracts: Array<{ id: string; code: string }> }>(server.baseUrl, token, `/api/deals/${d.id}`)).body;
      if (detail.contracts.length) {
        deal = d;
        contract = detail.contracts[0];
        break;
      }
    }
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await page.goto(`${server.baseUrl}/deals/${deal.id}`);
    await page.waitForURL(`**/deals/${deal.code}`);
    expect(await page.getByTestId('deal-detail').getAttribute('data-code')).toBe(deal.code);
    if (!contract) throw new Error('the demo data has a deal with a contract');
    expect(await page.getByTestId('print-contract').first().getAttribute('href')).toBe(`/print/contracts/${contract.code}`);
    await page.goto(`${server.baseUrl}/print/contracts/${contract.id}`);
    await page.waitForURL(`**/print/contracts/${contract.code}`);
    await page.getByTestId('print-project').waitFor();
    expect(pathOf(page)).toBe(`/print/contracts/${contract.code}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the service worker files, the manifest of the version and the HTML without a long cache', async () => {
    for (const path of ['/ngsw.json', '/ngsw-worker.js', '/index.html', '/manifest.webmanifest']) {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.headers.get('cache-control')]).toEqual([path, 'no-cache']);
    }
    const manifest = (await (await fetch(`${server.baseUrl}/ngsw.json`)).json()) as { dataGroups: Array<{ name: string; strategy: string }>; navigationUrls: Array<{ positive: boolean; regex: string }> };
    expect(manifest.dataGroups).toEqual([expect.objectContaining({ name: 'api-reads', strategy: 'freshness' })]);
    // API addresses opened as pages (downloads) go to the server, never to the app's index.html.
    expect(manifest.navigationUrls.some((u) => !u.positive && u.regex.includes('api'))).toBe(true);
  });

  it('serves the app precompressed (Brotli, else gzip) with a year-long cache for hashed files, plain to clients that accept neither', async () => {
    const html = await (await fetch(`${server.baseUrl}/index.html`)).text();
    const main = /src="(main-[A-Z0-9]{8}\.js)"/.exec(html)?.[1];
    if (!main) throw new Error(`index.html names its main script: ${html.slice(0, 300)}`);
    const plain = readFileSync(join(WORKSPACE_ROOT, 'dist/apps/web/browser', main), 'utf8');
    const variants: Array<[string, string | null]> = [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ];
    for (const [accept, encoding] of variants) {
      const res = await fetch(`${server.baseUrl}/${main}`, { headers: { 'accept-encoding': accept } });
      expect([accept, res.status, res.headers.get('content-encoding'), res.headers.get('content-type')?.toLowerCase()]).toEqual([accept, 200, encoding, 'text/javascript; charset=utf-8']);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('vary')).toContain('Accept-Encoding');
      // fetch decodes the body: every variant is the built file, byte for byte.
      expect((await res.text()) === plain).toBe(true);
    }
  });

  // Last: it stops the server.
  it('once visited, a public page reloads with its content when the connection is gone', async () => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const hits = (await (await fetch(`${server.baseUrl}/api/results?limit=1`)).json()) as { items: Array<{ code: string; title: string }> };
    const result = hits.items[0]!;
    await page.goto(`${server.baseUrl}/results/${result.code}`);
    await page.getByTestId('detail-title').waitFor();
    // The app registers its worker once stable; the worker takes control of the open page when active.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    // A second visit goes through the worker, which keeps the page's chunks and its API reads.
    await page.reload();
    expect(await page.getByTestId('detail-title').textContent()).toBe(result.title);
    await page.waitForLoadState('networkidle');

    await context.setOffline(true);
    await server.stop();
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await page.getByTestId('detail-title').textContent()).toBe(result.title);
    await page.getByTestId('listing-detail').waitFor();
    await context.close();
  });
});
