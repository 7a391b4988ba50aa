import { Browser, Page } from 'playwright-core';
import { DEMO, signIn } from '../support/accounts';
import { apiGet, apiPost, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { resultPayload } from '../support/deal-steps';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/**
 * Issue 17's form frictions: one amount input everywhere (300万 accepted by every money field, the parsed
 * amount shown back before saving), the offer form emptied without red 必填, the listing's confirmation
 * brought into view, the min/max error said by label, 万元 kept on one line, two queues with two titles.
 */

async function choose(page: Page, selectTestId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option }).first().click();
}

const field = (page: Page, testId: string) => page.locator('mat-form-field', { has: page.getByTestId(testId) });

describeBrowser('daily forms: amounts, resets, confirmations, titles', () => {
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

  it('an offer of 300万 is shown back as 3,000,000.00 元, sent, and the emptied form shows no 必填', async () => {
    // Setup through the API, as the ledger journey does: a fresh result, an introduction, both NDAs, negotiation.
    const base = server.baseUrl;
    const [researcherToken, enterpriseToken, brokerToken] = await Promise.all([apiToken(base, DEMO.researcher), apiToken(base, DEMO.enterprise), apiToken(base, DEMO.broker)]);
    const result = await apiPost<{ id: string }>(base, researcherToken, '/api/results', resultPayload('硫化物固态电解质界面包覆技术', '包覆层前驱体配比见工艺卡'));
    await apiPost(base, researcherToken, `/api/results/${result.id}/submit`, {});
    await apiPost(base, brokerToken, `/api/results/${result.id}/approve`, {});
    const intro = await apiPost<{ id: string; dealId: string }>(base, enterpriseToken, '/api/introductions', { resultId: result.id, message: '我司希望了解该技术的许可方式与报价。' });
    const dealId = intro.dealId;
    const move = async (to: string): Promise<void> => {
      const deal = await apiGet<{ version: number }>(base, brokerToken, `/api/deals/${dealId}`);
      await apiPost(base, brokerToken, `/api/deals/${dealId}/transitions`, { to, version: deal.body.version, note: `移到 ${to}` });
    };
    await move('TRIAGE');
    await move('INTRODUCED');
    await apiPost(base, researcherToken, `/api/introductions/${intro.id}/answer`, { answer: 'INTERESTED' });
    const nda = await apiGet<{ version: number }>(base, researcherToken, '/api/nda/current');
    for (const token of [researcherToken, enterpriseToken]) await apiPost(base, token, `/api/deals/${dealId}/nda/accept`, { version: nda.body.version });
    await move('NDA_SIGNED');
    await move('NEGOTIATING');

    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.enterprise.email, DEMO.enterprise.password);
    await page.goto(`${server.baseUrl}/deals/${dealId}`);
    await page.getByTestId('deal-detail').waitFor();

    const offers = page.locator('[data-testid="offer"]');
    const before = await offers.count();
    // Refused before today's change: the offer form knew no 万.
    await page.getByTestId('offer-price').fill('300万');
    expect(await field(page, 'offer-price').getByTestId('amount-echo').textContent()).toBe('= 3,000,000.00 元');
    await page.getByTestId('offer-terms').fill('独占许可 5 年，首付 40%');
    await page.getByTestId('offer-send').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="offer"]').length > n, before);
    expect(await offers.filter({ hasText: '3,000,000.00' }).count()).toBeGreaterThan(0);

    // Emptied, and not in error: no red 必填 under the fields it just cleared.
    expect(await page.getByTestId('offer-price').inputValue()).toBe('');
    expect(await page.getByTestId('offer-terms').inputValue()).toBe('');
    expect(await page.locator('[data-testid="offer-form"] mat-error').count()).toBe(0);
    expect(await page.locator('[data-testid="offer-form"] .mat-form-field-invalid').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('a result priced 300万 to 1.5亿: amounts shown back, min/max said by label, the confirmation in view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.researcher.email, DEMO.researcher.password);
    await page.getByTestId('workspace-new-result').click();
    await page.waitForURL('**/workspace/results/new');
    await page.getByTestId('f-title').fill('低温等离子体废气处理装置');
    await page.getByTestId('f-value-proposition').fill('VOCs 去除率 95%，能耗为催化燃烧的一半');
    await page.getByTestId('f-public-summary').fill('采用介质阻挡放电产生低温等离子体，协同催化剂分解工业废气中的挥发性有机物，适用于喷涂、印刷与化工企业。');
    await page.getByTestId('f-problem-solved').fill('中小企业 VOCs 治理设备投资高、运行能耗大。');
    await page.getByTestId('f-advantages').fill('去除率提高 15 个百分点，运行能耗降低 50%。');
    await page.getByTestId('f-applications').fill('喷涂、印刷、化工');
    await page.getByTestId('f-fields').click();
    await page.locator('mat-option[data-code="NM.NANO"]').click();
    await page.keyboard.press('Escape');
    await choose(page, 'f-form', '新材料');
    await choose(page, 'f-trl', /^TRL 6/);
    await choose(page, 'f-stage', '中试');
    // The placeholder of the patent field passes the field's own check.
    await page.getByTestId('add-ip').click();
    const example = await page.getByTestId('ip-number-input').getAttribute('placeholder');
    expect(example).toBe('CN202310123456.6');
    await page.getByTestId('ip-number-input').fill(example ?? '');
    await page.getByTestId('ip-number-input').blur();
    expect(await field(page, 'ip-number-input').locator('mat-error').count()).toBe(0);
    await page.locator('[data-testid="f-modes"] mat-checkbox[data-mode="LICENSE_EXCLUSIVE"] label').click();

    // 万元 fields: a bare number is 万元, 300万 and 1.5亿 are what they say; each shown back in 元.
    await page.getByTestId('f-negotiable').getByRole('switch').click();
    await page.getByTestId('f-min-wan').fill('300万');
    expect(await field(page, 'f-min-wan').getByTestId('amount-echo').textContent()).toBe('= 3,000,000.00 元');
    await page.getByTestId('f-max-wan').fill('100');
    await page.getByTestId('f-max-wan').blur();
    const maxError = (await field(page, 'f-max-wan').locator('mat-error').textContent())?.trim();
    expect(maxError).toBe('最高值不能低于最低值');
    await page.getByTestId('f-max-wan').fill('1.5亿');
    expect(await field(page, 'f-max-wan').getByTestId('amount-echo').textContent()).toBe('= 150,000,000.00 元');

    await page.getByTestId('save-submit').click();
    const done = page.getByTestId('submitted');
    await done.waitFor();
    // The confirmation sits above the form: it is brought into the viewport, not left off-screen.
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="submitted"]')?.getBoundingClientRect();
      return !!box && box.top >= 0 && box.bottom <= window.innerHeight;
    });

    expect(errors).toEqual([]);
    await context.close();
  });

  it('揭榜挂帅奖金 keeps 万元 on one line and shows the amount back', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.enterprise.email, DEMO.enterprise.password);
    await page.goto(`${server.baseUrl}/workspace/needs/new`);
    await page.getByTestId('f-bounty').fill('５０');
    expect(await field(page, 'f-bounty').getByTestId('amount-echo').textContent()).toBe('= 500,000.00 元');
    const suffix = field(page, 'f-bounty').locator('[matTextSuffix], .mat-mdc-form-field-text-suffix span').first();
    expect(await suffix.textContent()).toBe('万元');
    expect(await suffix.evaluate((el) => el.getClientRects().length)).toBe(1);
    await context.close();
  });

  it('the two queues have two titles', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    const titles: string[] = [];
    for (const path of ['manage/verification', 'manage/review']) {
      await page.goto(`${server.baseUrl}/${path}`);
      const h1 = page.locator('h1').first();
      await h1.waitFor();
      titles.push(`${(await h1.textContent())?.trim()} | ${await page.title()}`);
    }
    expect(titles[0]).toContain('账号认证队列');
    expect(titles[1]).toContain('发布审核队列');
    await context.close();
  });
});
