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
  it('lets a broker add a carrier (the API refuses a bad phone on its field; rent in 元, exact to the fen) and edit it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await page.goto(`${server.baseUrl}/carriers`);
    await page.getByTestId('carrier-new').click();
    await page.getByTestId('carrier-form').waitFor();
    await page.getByTestId('c-name').fill('仙林智谷测试孵化器');
    await page.getByTestId('c-kind').click();
    await page.locator('mat-option[data-kind="ACCELERATOR"]').click();
    await page.getByTestId('c-address').fill('南京市栖霞区仙林大道 10 号');
    await page.getByTestId('c-total').fill('12000');
    await page.getByTestId('c-available').fill('3500');
    await page.getByTestId('c-price-min').fill('45.5');
    await page.getByTestId('c-price-max').fill('80');
    await page.getByTestId('c-fields').click();
    await page.locator('mat-option[data-code]').first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('c-contact').fill('周老师');
    await page.getByTestId('c-phone').fill('电话待定');
    await page.getByTestId('c-save').click();
    await page.getByTestId('c-phone-error').waitFor();
    expect(await page.getByTestId('c-phone-error').textContent()).toContain('格式不正确');

    await page.getByTestId('c-phone').fill('025-85550001');
    await page.getByTestId('c-save').click();
    await page.getByTestId('carrier-detail').waitFor();
    const id = page.url().split('/').pop() ?? '';
    const created = (await apiGet<{ nameZh: string; kind: string; availableAreaM2: number; priceMinFenPerM2Month: number; priceMaxFenPerM2Month: number }>(server.baseUrl, token, `/api/carriers/${id}`)).body;
    expect(created).toMatchObject({ nameZh: '仙林智谷测试孵化器', kind: 'ACCELERATOR', availableAreaM2: 3500, priceMinFenPerM2Month: 4550, priceMaxFenPerM2Month: 8000 });

    // Edit: less area available; the directory shows it.
    await page.getByTestId('carrier-edit').click();
    await page.getByTestId('carrier-form').waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="c-name"]') as HTMLInputElement | null)?.value === '仙林智谷测试孵化器');
    expect(await page.getByTestId('c-price-min').inputValue()).toBe('45.50');
    await page.getByTestId('c-available').fill('2800');
    await page.getByTestId('c-save').click();
    await page.getByTestId('carrier-detail').waitFor();
    await page.getByText('可租面积 2800 平方米').waitFor();
    // The refused phone is the only failed request (a 400 the browser logs).
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await context.close();
  });
  it('lets an administrator record an enterprise’s 高企 and 专精特新 certificates (the API’s words on a bad number)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.admin.email, DEMO.admin.password);
    await openManagePage(page, 'nav-organizations');
    await page.waitForURL('**/manage/organizations');
    await page.getByTestId('org-q').fill('南京栖霞新能源');
    const row = page.getByTestId('organization-table').locator('tr', { hasText: '南京栖霞新能源科技有限公司' }).first();
    await row.getByTestId('org-edit').click();
    const certs = page.getByTestId('org-certificates');
    await certs.waitFor();
    await certs.getByTestId('org-highTechCertNo').fill('GR202532009999');
    await certs.getByTestId('org-highTechIssuedOn').fill('2025-11-20');
    await certs.getByTestId('org-highTechExpiresOn').fill('2028-11-19');
    await certs.getByTestId('org-specializedCertNo').fill('ZJ');
    await page.getByTestId('org-save').click();
    await certs.getByTestId('org-specializedCertNo-error').waitFor();
    expect(await certs.getByTestId('org-specializedCertNo-error').textContent()).toContain('4');
    await certs.getByTestId('org-specializedCertNo').fill('ZJTX-2025-0909');
    await certs.getByTestId('org-specializedIssuedOn').fill('2025-06-01');
    await certs.getByTestId('org-specializedExpiresOn').fill('2028-05-31');
    await page.getByTestId('org-save').click();
    await page.getByTestId('org-certificates').waitFor({ state: 'detached' });

    const adminToken = await apiToken(server.baseUrl, DEMO.admin);
    const orgs = (await apiGet<{ items: Array<{ id: string; nameZh: string }> }>(server.baseUrl, adminToken, `/api/organizations?q=${encodeURIComponent('南京栖霞新能源')}`)).body.items;
    const org = orgs.find((o) => o.nameZh === '南京栖霞新能源科技有限公司');
    const saved = (await apiGet<Record<string, unknown>>(server.baseUrl, adminToken, `/api/organizations/${org?.id}`)).body;
    expect(saved).toMatchObject({ highTechCertNo: 'GR202532009999', highTechIssuedOn: '2025-11-20', highTechExpiresOn: '2028-11-19', specializedCertNo: 'ZJTX-2025-0909', specializedIssuedOn: '2025-06-01', specializedExpiresOn: '2028-05-31' });
    // The refused number is the only failed request (a 400 the browser logs).
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await context.close();
  });
});
