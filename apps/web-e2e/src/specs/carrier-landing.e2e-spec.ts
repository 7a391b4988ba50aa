import { Browser } from 'playwright-core';
import { DEMO, openManagePage, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

const shanghaiDate = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface LandingKpi {
  figures: { landings: number; areaM2: number; jobsPlanned: number };
  byCarrier: Array<{ key: string; landings: number }>;
}

describeBrowser('issue 16: a broker records a landing on a signed deal and it appears on the dashboard', () => {
  let browser: Browser;
  let server: RunningServer;
  let token: string;
  const dataDir = freshDataDir();

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
    token = await apiToken(server.baseUrl, DEMO.broker);
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  it('records the landing from the deal page, then counts it in the landed projects and lists it behind its carrier', async () => {
    const year = Number(shanghaiDate().slice(0, 4));
    // A registered deal of the demo without a landing yet (the demo lands four of them).
    const deals = (await apiGet<{ items: Array<{ id: string; code: string }> }>(server.baseUrl, token, '/api/deals?stage=REGISTERED&limit=100')).body.items;
    let deal: { id: string; code: string } | undefined;
    for (const d of deals) {
      const l = (await apiGet<{ landing: unknown; canRecord: boolean }>(server.baseUrl, token, `/api/deals/${d.id}/landing`)).body;
      if (!l.landing && l.canRecord) {
        deal = d;
        break;
      }
    }
    if (!deal) throw new Error('no registered demo deal without a landing');
    const before = (await apiGet<LandingKpi>(server.baseUrl, token, `/api/kpis/landings?year=${year}&view=signed`)).body;

    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await page.goto(`${server.baseUrl}/deals/${deal.code}`);
    await page.getByTestId('deal-landing').waitFor();
    await page.getByTestId('landing-open').click();
    await page.getByTestId('landing-carrier').click();
    await page.getByRole('option', { name: '仙林智谷', exact: true }).click();
    await page.getByTestId('landing-company').fill('南京仙林浏览器测试科技有限公司');
    await page.getByTestId('landing-area').fill('860');
    await page.getByTestId('landing-jobs').fill('37');
    // A date in the future is refused per field, in Chinese.
    await page.getByTestId('landing-date').fill(`${year + 1}-01-15`);
    await page.getByTestId('landing-save').click();
    await page.getByTestId('landing-date-error').waitFor();
    expect(await page.getByTestId('landing-date-error').textContent()).toContain('不能晚于今天');
    await page.getByTestId('landing-date').fill(shanghaiDate());
    await page.getByTestId('landing-save').click();
    await page.getByTestId('landing-summary').waitFor();
    expect(await page.getByTestId('landing-summary').textContent()).toContain('南京仙林浏览器测试科技有限公司');
    expect(await page.getByTestId('landing-summary').textContent()).toContain('860 平方米');

    const after = (await apiGet<LandingKpi>(server.baseUrl, token, `/api/kpis/landings?year=${year}&view=signed`)).body;
    expect(after.figures).toEqual({ landings: before.figures.landings + 1, areaM2: before.figures.areaM2 + 860, jobsPlanned: before.figures.jobsPlanned + 37 });

    await openManagePage(page, 'nav-kpis');
    await page.getByTestId('kpi-landings').waitFor();
    // The dashboard opens on the registered view; the deal's contract is registered, so it counts there too.
    const registered = (await apiGet<LandingKpi>(server.baseUrl, token, `/api/kpis/landings?year=${year}&view=registered`)).body;
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="kpi-landings-count"]')?.textContent?.trim() === String(n),
      registered.figures.landings,
    );
    const carriers = (await apiGet<{ items: Array<{ id: string; nameZh: string }> }>(server.baseUrl, token, '/api/carriers?limit=200')).body.items;
    const zhigu = carriers.find((c) => c.nameZh === '仙林智谷')!;
    expect(registered.byCarrier.some((b) => b.key === zhigu.id)).toBe(true);
    await page.getByTestId(`kpi-landing-bar-${zhigu.id}`).click();
    await page.getByTestId('kpi-landing-records').waitFor();
    expect(await page.getByTestId('kpi-landing-records').textContent()).toContain(deal.code);
    // The one refused save (the future date) is the only error the browser logged.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
