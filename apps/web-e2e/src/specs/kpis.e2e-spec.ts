import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DEMO, openManagePage, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/** The colour of this year's bars (KPI_BAR_COLORS.current): the monthly chart's first series. */
const CURRENT_BAR = '#2f5fb3';

interface Figures {
  projects: number;
  contractAmountFen: number;
}

/** Fen as the page writes yuan, computed here on the digits (not with the app's own formatter). */
function yuanText(fen: number): string {
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${digits.slice(-2)}`;
}

const shanghaiYear = (): number => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** Picks an option of a Material select by its text. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describeBrowser('KPI ledger: the portal headline, the dashboard and the contracts behind a bar, my performance, subsidies', () => {
  let browser: Browser;
  let server: RunningServer;
  let brokerToken: string;
  /** The demo contracts were signed 4 to 11 weeks ago: this year, or last year early in January to March. */
  let year: number;
  const dataDir = freshDataDir();
  const downloads = mkdtempSync(join(tmpdir(), 'xkx-kpi-downloads-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
    brokerToken = await apiToken(server.baseUrl, DEMO.broker);
    year = shanghaiYear();
    const now = await apiGet<{ figures: Figures }>(server.baseUrl, brokerToken, `/api/kpis?year=${year}`);
    if (now.body.figures.projects === 0) year -= 1;
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
    rmSync(downloads, { recursive: true, force: true });
  });

  it('shows the year-to-date projects and contract amount against the targets on the portal, signed out', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const api = (await (await fetch(`${server.baseUrl}/api/kpis/public`)).json()) as Figures & { targetProjects: number; projectsProgressBp: number; contractAmountProgressBp: number };
    await page.goto(server.baseUrl);
    const headline = page.getByTestId('kpi-public-headline');
    await headline.waitFor();
    expect(await headline.getAttribute('data-projects')).toBe(String(api.projects));
    expect(await headline.getAttribute('data-contract-fen')).toBe(String(api.contractAmountFen));
    expect(await page.getByTestId('kpi-public-amount').textContent()).toContain(`¥${yuanText(api.contractAmountFen)}`);
    expect(await page.getByTestId('kpi-public-projects').textContent()).toContain(`${api.targetProjects} 项`);
    expect(await page.getByTestId('kpi-public-amount').getAttribute('data-bp')).toBe(String(api.contractAmountProgressBp));
    expect(await page.getByTestId('kpi-public-amount').textContent()).toContain('84亿元');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a broker clicks a bar of the monthly chart, sees the contracts behind it adding up to the bar, then his own performance and the subsidy report', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await openManagePage(page, 'nav-kpis');
    await page.waitForURL('**/manage/kpis');
    await page.getByTestId('kpi-figure-projects').waitFor();
    if (year !== shanghaiYear()) await choose(page, 'kpi-year', String(year));
    await page.locator(`[data-testid="kpi-dashboard"][data-year="${year}"]`).waitFor();

    // Every figure has its definition next to it; the targets are the district's defaults.
    expect(await page.getByTestId('kpi-figure-projects').getByTestId('kpi-definition').textContent()).toContain('高校或科研院所');
    expect(await page.getByTestId('kpi-view-definition').textContent()).toContain('已认定登记口径');
    expect(await page.getByTestId('kpi-progress-projects').textContent()).toContain('165 项');

    // A real click on an SVG bar of this year (months without contracts have flat bars: take one with height).
    const bars = page.getByTestId('kpi-chart-month').locator(`svg path[fill="${CURRENT_BAR}"]`);
    await bars.first().waitFor({ state: 'attached' });
    const heights = await bars.evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().height));
    const index = heights.slice(0, 12).findIndex((h) => h > 2);
    expect(index).toBeGreaterThanOrEqual(0);
    await bars.nth(index).click();

    const panel = page.getByTestId('kpi-records');
    const total = page.getByTestId('kpi-records-total');
    await total.waitFor();
    const month = String(index + 1).padStart(2, '0');
    expect(await panel.locator('h2').textContent()).toContain(`${index + 1}月`);
    const figure = Number(await panel.getAttribute('data-figure'));
    // The bar is the API's figure for that month …
    const breakdown = await apiGet<{ items: Array<{ key: string; contractAmountFen: number; projects: number }> }>(server.baseUrl, brokerToken, `/api/kpis/breakdown?year=${year}&dimension=MONTH`);
    const bar = breakdown.body.items.find((i) => i.key === month)!;
    expect(figure).toBe(bar.contractAmountFen);
    // … and the contracts listed under it add up to it, to the fen, as does the total row.
    const rows = await page.getByTestId('kpi-record').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-contract-fen'))));
    expect(rows).toHaveLength(bar.projects);
    expect(rows.reduce((s, v) => s + v, 0)).toBe(figure);
    expect(Number(await total.getAttribute('data-contract-fen'))).toBe(figure);
    expect(await total.textContent()).toContain(yuanText(figure));

    // My performance: the deals the broker takes part in (all demo deals are his), no target.
    await page.getByTestId('kpi-tab-mine').click();
    await page.waitForURL('**/manage/kpis/me');
    await page.locator('[data-testid="kpi-dashboard"][data-scope="broker"]').waitFor();
    await page.getByTestId('kpi-no-target').waitFor();
    if (year !== shanghaiYear()) await choose(page, 'kpi-year', String(year));
    const me = await apiGet<{ id: string }>(server.baseUrl, brokerToken, '/api/auth/me');
    const mine = await apiGet<{ figures: Figures }>(server.baseUrl, brokerToken, `/api/kpis?year=${year}&brokerId=${me.body.id}`);
    await page.locator(`[data-testid="kpi-figure-contractAmountFen"][data-value="${mine.body.figures.contractAmountFen}"]`).waitFor();
    expect(mine.body.figures.projects).toBeGreaterThan(0);

    // The subsidy report of the year, and its workbook.
    await page.getByTestId('kpi-tab-subsidies').click();
    await page.waitForURL('**/manage/kpis/subsidies');
    if (year !== shanghaiYear()) await choose(page, 'subsidy-year', String(year));
    const report = await apiGet<{ totalFen: number; claims: unknown[] }>(server.baseUrl, brokerToken, `/api/kpis/subsidies?year=${year}`);
    await page.locator(`[data-testid="subsidy-claims"][data-total-fen="${report.body.totalFen}"]`).waitFor();
    expect(await page.getByTestId('subsidy-claim').count()).toBe(report.body.claims.length);
    expect(await page.getByTestId('subsidy-total').textContent()).toContain(yuanText(report.body.totalFen));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('subsidy-export').click()]);
    expect(download.suggestedFilename()).toBe(`subsidies-${year}.xlsx`);
    const path = join(downloads, 'subsidies.xlsx');
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    let sheetTotal = 0;
    workbook.getWorksheet('奖补汇总')!.eachRow((row) => {
      if (row.getCell(1).value === '合计') sheetTotal = Number(row.getCell(7).value);
    });
    // The sheet speaks 元 (a number cell with two decimals), the API fen: the same amount.
    expect(Math.round(sheetTotal * 100)).toBe(report.body.totalFen);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('a university’s tech-transfer center gets its institution’s view', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.brokerNju.email, DEMO.brokerNju.password);
    await openManagePage(page, 'nav-kpis');
    await page.getByTestId('kpi-tab-institution').click();
    await page.waitForURL('**/manage/kpis/institution/*');
    await page.locator('[data-testid="kpi-dashboard"][data-scope="institution"]').waitFor();
    await page.getByRole('heading', { level: 1, name: /南京大学/ }).waitFor();
    // No target was set for the institution, and the institution filter is the page itself.
    await page.getByTestId('kpi-no-target').waitFor();
    expect(await page.getByTestId('kpi-institution').count()).toBe(0);
    await page.getByTestId('kpi-chart-month').waitFor();
    // The address names the institution by its 统一社会信用代码, not its uuid (issue 17)…
    const nju = ((await (await fetch(`${server.baseUrl}/api/organizations?kind=UNIVERSITY&limit=100`)).json()) as {
      items: Array<{ id: string; nameZh: string; creditCode: string | null }>;
    }).items.find((o) => o.nameZh === '南京大学')!;
    expect(nju.creditCode).toBeTruthy();
    expect(new URL(page.url()).pathname).toBe(`/manage/kpis/institution/${nju.creditCode}`);
    // …and an old address by uuid still opens it, then shows the code instead.
    await page.goto(`${server.baseUrl}/manage/kpis/institution/${nju.id}?measure=projects`);
    await page.waitForURL((url) => url.pathname === `/manage/kpis/institution/${nju.creditCode}`);
    expect(new URL(page.url()).searchParams.get('measure')).toBe('projects');
    await page.getByRole('heading', { level: 1, name: /南京大学/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the dashboard usable when one of its requests fails, and offers a retry for the headline', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    // The headline and the monthly bars fail (as a database outage would answer); the rest still loads.
    let failing = true;
    await page.route(/\/api\/kpis(\?|\/breakdown\?.*dimension=MONTH)/, (route) =>
      failing ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用' }) }) : route.fallback(),
    );
    const errors = watchErrors(page);
    await openManagePage(page, 'nav-kpis');
    await page.getByText('重试').first().waitFor();
    await page.getByTestId('kpi-chart-field').waitFor();
    failing = false;
    await page.getByText('重试').first().click();
    await page.getByTestId('kpi-figure-projects').waitFor();
    // The refused requests are logged by Chromium as failed resources; nothing else (no template error) may be.
    expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
    await context.close();
  });

  it('keeps the dashboard’s filters in the address, so a view can be bookmarked and shared', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    const last = shanghaiYear() - 1;
    await page.goto(`${server.baseUrl}/manage/kpis?year=${last}&view=signed&field=NE`);
    await page.locator(`[data-testid="kpi-dashboard"][data-year="${last}"]`).waitFor();
    expect(await page.getByTestId('kpi-view-signed').getAttribute('class')).toContain('checked');
    expect(await page.getByTestId('kpi-field').textContent()).toContain('新能源');
    // Back to the registered view: the address follows, defaults are left out.
    await page.getByTestId('kpi-view-registered').click();
    await page.waitForURL((url) => !url.search.includes('view=') && url.search.includes(`year=${last}`) && url.search.includes('field=NE'));
    expect(errors).toEqual([]);
    await context.close();
  });
});
