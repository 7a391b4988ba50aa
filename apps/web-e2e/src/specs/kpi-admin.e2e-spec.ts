import { Browser, Page } from 'playwright-core';
import { DEMO, openManagePage, signIn, signOut } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/** The demo enterprise account's organization: a key monitored enterprise (demo seed). */
const DEMO_ENTERPRISE = '南京栖霞新能源科技有限公司';

interface Claim {
  kind: string;
  claimantKey: string;
  baseFen: number;
  rateBp: number;
  capFen: number;
  amountFen: number;
  lines: Array<{ contractId: string; receivedFen: number }>;
}

const shanghaiYear = (): number => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** Fen as the page writes yuan, computed here on the digits (not with the app's own formatter). */
function yuanText(fen: number): string {
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${digits.slice(-2)}`;
}

/** The rule as docs/KPI.md states it, by hand in BigInt: min(floor(base × rate / 10000), cap). */
const subsidy = (baseFen: number, rateBp: number, capFen: number): number => Math.min(Number((BigInt(baseFen) * BigInt(rateBp)) / 10_000n), capFen);

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describeBrowser('KPI ledger, the admin and entry side: yearly targets, R&D spending, related-party marks', () => {
  let browser: Browser;
  let server: RunningServer;
  let adminToken: string;
  const year = shanghaiYear();
  const dataDir = freshDataDir();

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
    adminToken = await apiToken(server.baseUrl, DEMO.admin);
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  it('an admin sets the year’s targets, with one institution’s, and the dashboard measures progress against them', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.admin.email, DEMO.admin.password);
    await openManagePage(page, 'nav-kpis');
    await page.getByTestId('kpi-tab-targets').click();
    await page.waitForURL('**/manage/kpis/targets');
    const current = page.getByTestId('targets-current');
    await page.locator(`[data-testid="targets-current"][data-year="${year}"]`).waitFor();
    expect(await current.getAttribute('data-default')).toBe('true');
    expect(await page.getByTestId('targets-projects').inputValue()).toBe('165');
    expect(await page.getByTestId('targets-amount').inputValue()).toBe('8400000000');

    // Typed in 元 with a unit; a row with only one of its figures is refused before the round trip.
    await page.getByTestId('targets-projects').fill('7');
    await page.getByTestId('targets-amount').fill('12.5亿');
    const nju = page.locator('[data-testid="targets-institution-row"]', { has: page.getByRole('rowheader', { name: '南京大学', exact: true }) });
    await nju.getByTestId('target-row-projects').fill('3');
    await page.getByTestId('targets-save').click();
    await nju.getByTestId('target-row-pair').waitFor();
    expect(await page.getByTestId('targets-error').textContent()).toContain('标红');
    await nju.getByTestId('target-row-amount').fill('1,000,000.01');
    await page.getByTestId('targets-save').click();
    await page.getByTestId('targets-saved').waitFor();
    await page.locator(`[data-testid="targets-current"][data-default="false"][data-projects="7"][data-contract-fen="125000000000"]`).waitFor();

    // What the API now says is exactly what was typed.
    const targets = await apiGet<{ projects: number; contractAmountFen: number; isDefault: boolean; institutions: Array<{ name: string; projects: number; contractAmountFen: number }> }>(
      server.baseUrl,
      adminToken,
      `/api/kpis/targets?year=${year}`,
    );
    expect(targets.body).toMatchObject({ projects: 7, contractAmountFen: 125_000_000_000, isDefault: false, institutions: [{ name: '南京大学', projects: 3, contractAmountFen: 100_000_001 }] });

    // The dashboard: progress against 7 projects and 12.5 亿元, no longer the defaults.
    await page.getByTestId('kpi-tab-district').click();
    await page.waitForURL(/\/manage\/kpis$/);
    const headline = await apiGet<{ figures: { projects: number }; progress: { projectsBp: number; contractAmountBp: number } }>(server.baseUrl, adminToken, `/api/kpis?year=${year}`);
    const projects = page.getByTestId('kpi-progress-projects');
    await page.locator(`[data-testid="kpi-progress-projects"][data-bp="${headline.body.progress.projectsBp}"]`).waitFor();
    expect(headline.body.progress.projectsBp).toBe(Math.floor((headline.body.figures.projects * 10_000) / 7));
    expect(await projects.textContent()).toContain('7 项');
    expect(await page.getByTestId('kpi-progress-amount').textContent()).toContain('12.5亿元');
    expect(await page.getByTestId('kpi-progress-amount').getAttribute('data-bp')).toBe(String(headline.body.progress.contractAmountBp));
    expect(await page.getByTestId('kpi-targets').textContent()).toContain('目标由管理员为本年度设定');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('the enterprise enters its R&D spending in its workspace, a broker corrects last year’s in the report, and the growth follows', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.enterprise.email, DEMO.enterprise.password);
    const card = page.getByTestId('rnd-card');
    await card.waitFor();
    expect(await card.textContent()).toContain(DEMO_ENTERPRISE);
    expect(await card.getAttribute('data-year')).toBe(String(year));

    // Not an amount to the fen: refused next to the field, nothing sent.
    await card.getByTestId('rnd-amount').fill('1234.567');
    await card.getByTestId('rnd-save').click();
    expect(await card.locator('mat-error').first().textContent()).toContain('精确到分');
    // This year 11,000,000.01 yuan, last year 10,000,000 yuan: 10.00 % growth, rounded down, meets 10 %.
    await card.getByTestId('rnd-amount').fill('11,000,000.01');
    await card.getByTestId('rnd-previous').fill('1000万');
    await card.getByTestId('rnd-note').fill('依据年度财务报表');
    await card.getByTestId('rnd-save').click();
    await card.getByTestId('rnd-card-saved').waitFor();
    await page.locator('[data-testid="rnd-card"][data-amount-fen="1100000001"][data-previous-fen="1000000000"]').waitFor();
    expect(await card.getAttribute('data-growth-bp')).toBe('1000');
    expect(await card.getAttribute('data-meets')).toBe('true');
    expect(await card.getByTestId('rnd-card-growth').textContent()).toContain('10.00%');
    expect(await card.getByTestId('rnd-card-amount').textContent()).toContain(yuanText(1_100_000_001));
    await signOut(page);

    // A broker sees it in the report and corrects last year's figure: growth drops below the target.
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await openManagePage(page, 'nav-kpis');
    await page.getByTestId('kpi-tab-rnd').click();
    await page.waitForURL('**/manage/kpis/rnd-spending');
    const row = page.locator('[data-testid="rnd-row"]', { has: page.getByRole('rowheader', { name: DEMO_ENTERPRISE }) });
    await row.and(page.locator('[data-amount-fen="1100000001"]')).waitFor();
    expect(await row.getAttribute('data-growth-bp')).toBe('1000');
    expect(await row.getByTestId('rnd-growth').textContent()).toBe('10.00%');
    expect(await row.getByTestId('rnd-meets').textContent()).toContain('达标');
    expect(await page.getByTestId('kpi-tab-targets').count()).toBe(0); // targets are for admins

    await row.getByTestId('rnd-edit').click();
    const entry = page.getByTestId('rnd-entry');
    expect(await entry.getByTestId('rnd-amount').inputValue()).toBe('11000000.01');
    expect(await entry.getByTestId('rnd-previous').inputValue()).toBe('10000000');
    await entry.getByTestId('rnd-previous').fill('10000000.02');
    await entry.getByTestId('rnd-save').click();
    await page.getByTestId('rnd-saved').waitFor();
    // (1,100,000,001 − 1,000,000,002) × 10000 / 1,000,000,002 = 999.99998 → 999 bp: just short of 10 %.
    await row.and(page.locator('[data-previous-fen="1000000002"]')).waitFor();
    expect(await row.getAttribute('data-growth-bp')).toBe('999');
    expect(await row.getByTestId('rnd-growth').textContent()).toBe('9.99%');
    expect(await row.getAttribute('data-meets')).toBe('false');
    expect(await row.getByTestId('rnd-meets').textContent()).toContain('未达标');
    // The only enterprise with both years: the overall growth is its growth.
    const report = page.getByTestId('rnd-report');
    expect(await report.getAttribute('data-total-fen')).toBe('1100000001');
    expect(await report.getAttribute('data-growth-bp')).toBe('999');
    expect(await page.getByTestId('rnd-total-growth').textContent()).toBe('9.99%');

    // The broker's correction of last year's amount kept what the enterprise noted on this year's.
    const enterpriseToken = await apiToken(server.baseUrl, DEMO.enterprise);
    const mine = await apiGet<{ note: string | null; previousAmountFen: number }>(server.baseUrl, enterpriseToken, `/api/kpis/rnd-spending/mine?year=${year}`);
    expect(mine.body).toMatchObject({ note: '依据年度财务报表', previousAmountFen: 1_000_000_002 });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin marks a subsidy line as a related-party deal: it moves to the excluded list and the total drops by exactly its subsidies; then unmarks it', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.admin.email, DEMO.admin.password);
    await openManagePage(page, 'nav-kpis');
    await page.getByTestId('kpi-tab-subsidies').click();
    await page.waitForURL('**/manage/kpis/subsidies');

    // The demo contracts were paid 4 to 11 weeks ago: this year, or last year early in the year.
    let reportYear = year;
    let report = await apiGet<{ totalFen: number; claims: Claim[] }>(server.baseUrl, adminToken, `/api/kpis/subsidies?year=${reportYear}`);
    if (!report.body.claims.length) {
      reportYear -= 1;
      await choose(page, 'subsidy-year', String(reportYear));
      report = await apiGet(server.baseUrl, adminToken, `/api/kpis/subsidies?year=${reportYear}`);
    }
    const table = page.getByTestId('subsidy-claims');
    await page.locator(`[data-testid="subsidy-claims"][data-total-fen="${report.body.totalFen}"]`).waitFor();
    const totalBefore = Number(await table.getAttribute('data-total-fen'));

    // Read the claims off the page.
    const claimRows = page.getByTestId('subsidy-claim');
    const claims = await claimRows.evaluateAll((els) =>
      els.map((e) => ({ key: `${e.getAttribute('data-kind')}:${e.getAttribute('data-claimant')}`, base: Number(e.getAttribute('data-base-fen')), rate: Number(e.getAttribute('data-rate-bp')), cap: Number(e.getAttribute('data-cap-fen')), amount: Number(e.getAttribute('data-amount-fen')) })),
    );
    expect(claims.length).toBeGreaterThan(0);
    const toggles = page.getByTestId('subsidy-toggle');
    for (let i = 0; i < claims.length; i++) await toggles.nth(i).click(); // open every claim's lines
    // Mark a line whose removal lowers the total: the demo year has claimants at their cap, where a line
    // more or less changes nothing, so the first line on the page is not always one that counts.
    const lines = await page.getByTestId('subsidy-line').evaluateAll((els) =>
      els.map((e) => ({ contractId: e.getAttribute('data-contract-id')!, receivedFen: Number(e.getAttribute('data-received-fen')) })),
    );
    let chosen: { contractId: string; receivedFen: number; drop: number } | undefined;
    for (const candidate of lines) {
      // Every claim the contract is a line of (its agency or broker, and its absorbing enterprise) loses it.
      const holders = await page.locator(`tbody:has([data-testid="subsidy-line"][data-contract-id="${candidate.contractId}"]) [data-testid="subsidy-claim"]`).evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-claimant')}`),
      );
      expect(holders.length).toBeGreaterThan(0);
      const drop = claims.filter((c) => holders.includes(c.key)).reduce((s, c) => s + c.amount - subsidy(c.base - candidate.receivedFen, c.rate, c.cap), 0);
      if (drop > 0) {
        chosen = { ...candidate, drop };
        break;
      }
    }
    expect(chosen).toBeDefined();
    const { contractId, receivedFen, drop } = chosen!;
    const line = page.locator(`[data-testid="subsidy-line"][data-contract-id="${contractId}"]`).first();

    // A reason the API refuses (one character once trimmed) is worded next to the field.
    await line.getByTestId('subsidy-mark').click();
    const form = page.getByTestId('subsidy-mark-form');
    await form.getByTestId('subsidy-mark-reason').fill(' 关');
    await form.getByTestId('subsidy-mark-confirm').click();
    await form.locator('mat-error').filter({ hasText: /\S/ }).waitFor();
    await form.getByTestId('subsidy-mark-reason').fill('买方为卖方全资子公司');
    await form.getByTestId('subsidy-mark-confirm').click();

    const excluded = page.locator(`[data-testid="subsidy-excluded-item"][data-contract-id="${contractId}"]`);
    await excluded.waitFor();
    expect(await excluded.getAttribute('data-marked')).toBe('true');
    expect(Number(await excluded.getAttribute('data-received-fen'))).toBe(receivedFen);
    expect(await excluded.textContent()).toContain('买方为卖方全资子公司');
    await page.locator(`[data-testid="subsidy-claims"][data-total-fen="${totalBefore - drop}"]`).waitFor();
    expect(await page.getByTestId('subsidy-total').textContent()).toContain(yuanText(totalBefore - drop));
    expect(await page.locator(`[data-testid="subsidy-line"][data-contract-id="${contractId}"]`).count()).toBe(0);

    // Unmarked from the excluded list, it earns its subsidies again.
    await excluded.getByTestId('subsidy-unmark').click();
    await page.locator(`[data-testid="subsidy-claims"][data-total-fen="${totalBefore}"]`).waitFor();
    expect(await excluded.count()).toBe(0);

    expect(errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
    await context.close();
  });
});
