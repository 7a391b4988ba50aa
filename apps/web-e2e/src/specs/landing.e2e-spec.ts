import { Browser } from 'playwright-core';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { emptyDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

describeBrowser('landing page, started exactly as npm start on an empty data directory', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = emptyDataDir();

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir, viaNpmStart: true, timeoutMs: 90_000 });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  it('renders the live figures from the API with no console errors', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const overview = (await (await fetch(`${server.baseUrl}/api/stats/overview`)).json()) as Record<string, number>;
    expect(overview['universities']).toBeGreaterThan(0);

    await page.goto(server.baseUrl);
    await page.getByTestId('overview').waitFor();
    expect(await page.title()).toContain('霞科行');
    for (const key of ['institutions', 'universities', 'institutes', 'enterprises']) {
      const text = await page.getByTestId(`stat-${key}`).locator('.value').textContent();
      expect(Number(text?.trim())).toBe(overview[key]);
    }
    await expect(page.getByText('让栖霞的科研成果走进企业').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await page.getByTestId('language-switch').click();
    await page.getByText("Bringing Qixia's research to industry").waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByText("Bringing Qixia's research to industry").waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByText('让栖霞的科研成果走进企业').waitFor();
    await context.close();
  });

  it('serves client routes from the app and unknown API paths as JSON 404', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.baseUrl}/some/deep/link`);
    expect(response?.status()).toBe(200);
    await page.getByTestId('overview').waitFor();
    const api = await fetch(`${server.baseUrl}/api/does-not-exist`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'NOT_FOUND' });
    await page.close();
  });

  it('keeps its data across a restart and does not seed twice', async () => {
    const before = await (await fetch(`${server.baseUrl}/api/organizations?limit=1`)).json();
    await server.stop();
    server = await startServer({ dataDir });
    const after = await (await fetch(`${server.baseUrl}/api/organizations?limit=1`)).json();
    expect(after.total).toBe(before.total);
    expect(after.total).toBeGreaterThan(0);
  });
});
