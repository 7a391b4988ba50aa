import { DEAL_STAGE_LABELS } from '@xkx/contracts';
import { addCalendarDays, shanghaiDate } from '@xkx/util';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO, signIn } from '../support/accounts';
import { apiToken } from '../support/api';
import { backdateNotice } from '../support/notices';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/**
 * Issue 12: a visitor files an objection on the portal's 公示 page; the broker sees it (with the contact)
 * on the deal and answers it (rejected); only then may the contract be recorded. The demo data has one
 * deal on notice (opened five days ago); the test cannot wait out 15 days, so between the objection and the
 * broker's visit it stops the server and moves that notice's period into the past in the stored database.
 */

interface NoticeRow {
  id: string;
  dealId: string;
  title: string;
}

async function recordContract(baseUrl: string, token: string, dealId: string): Promise<{ status: number; body: { code?: string } }> {
  const today = shanghaiDate();
  const res = await fetch(`${baseUrl}/api/contracts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      dealId,
      typeCode: 'LICENSE.PATENT',
      projectName: '公示异议后签订的专利实施许可',
      signedOn: today,
      termStart: today,
      termEnd: addCalendarDays(today, 3 * 365),
      contractAmountFen: 128_650_000,
      nonTechnicalCostFen: 0,
      expectedInvestmentFen: 0,
      expectedOutputFen: 0,
      schedule: [{ dueOn: addCalendarDays(today, 30), amountFen: 128_650_000, description: '一次性支付许可费' }],
    }),
  });
  return { status: res.status, body: (await res.json()) as { code?: string } };
}

describeBrowser('public notices: a visitor objects on the portal, the broker answers on the deal', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: watchErrors(page) };
  }

  it('takes an objection from the portal to the broker’s answer, and only then lets the contract through', async () => {
    // Setup: the demo deal on notice.
    const list = (await (await fetch(`${server.baseUrl}/api/public-notices`)).json()) as { items: NoticeRow[] };
    const notice = list.items[0];
    expect(notice).toBeDefined();
    const { id: noticeId, dealId, title } = notice!;

    // 1. A visitor (not signed in) finds the notice through the header link and opens it.
    const visitor = await newPage();
    const v = visitor.page;
    await v.goto(server.baseUrl);
    await v.getByTestId('nav-notices').click();
    await v.waitForURL('**/notices');
    const item = v.locator(`[data-testid="notice-item"][data-id="${noticeId}"]`);
    await item.waitFor();
    expect(await item.getByTestId('notice-price').textContent()).toContain('1,286,500.00 元');
    expect(await item.getByTestId('notice-pricing').textContent()).toContain('协议定价');
    await v.getByTestId('notices-all').click();
    await v.locator('[data-testid="notice-item"][data-ended="true"]').first().waitFor();
    await v.getByTestId('notices-current').click();
    await item.getByTestId('notice-link').click();
    await v.getByTestId('notice-detail').waitFor();
    expect(await v.locator('h1').first().textContent()).toContain(title);

    // 2. An empty objection is refused next to the fields, in Chinese and in English; a complete one
    // gets a receipt.
    await v.getByTestId('objection-send').click();
    await v.getByTestId('objection-name-error').getByText('必填').waitFor();
    await v.getByTestId('language-switch').click();
    await v.getByTestId('objection-name-error').getByText('Required').waitFor();
    await v.getByTestId('language-switch').click();
    await v.getByTestId('objection-name').fill('李某');
    await v.getByTestId('objection-contact').fill('13912345678');
    await v.getByTestId('objection-body').fill('短');
    await v.getByTestId('objection-body').blur();
    await v.getByTestId('objection-body-error').getByText('至少 10 个字符').waitFor();
    await v.getByTestId('objection-body').fill('本单位与该成果的完成团队另有在先合作协议，相关专利的许可范围存在冲突，请核实。');
    await v.getByTestId('objection-send').click();
    await v.getByTestId('objection-receipt').waitFor();
    expect(await v.getByTestId('objection-receipt').textContent()).toMatch(/回执编号：[0-9a-f-]{36}/);
    expect(visitor.errors).toEqual([]);

    // The test cannot wait out the period: stop, move the notice into the past, start again.
    await server.stop();
    backdateNotice(dataDir, dealId);
    server = await startServer({ dataDir });
    const brokerToken = await apiToken(server.baseUrl, DEMO.broker);
    // Period over, objection unanswered: the contract is refused.
    const held = await recordContract(server.baseUrl, brokerToken, dealId);
    expect([held.status, held.body.code]).toEqual([409, 'DEAL_OBJECTIONS_UNANSWERED']);

    // 3. The broker sees the objection, with the contact, on the deal and answers it: rejected.
    const broker = await newPage();
    const b = broker.page;
    await b.goto(server.baseUrl);
    await signIn(b, DEMO.broker.email, DEMO.broker.password);
    await b.goto(`${server.baseUrl}/deals/${dealId}`);
    await b.getByTestId('deal-detail').waitFor();
    const objection = b.locator('[data-testid="objection"][data-decision="OPEN"]', { hasText: '李某' });
    await objection.waitFor();
    expect(await objection.getByTestId('objection-contact-shown').textContent()).toBe('13912345678');
    await b.getByTestId('objections-open').waitFor();
    await objection.getByTestId('objection-answer-send').click();
    await objection.getByTestId('objection-decision-error').waitFor();
    await objection.locator('mat-radio-button[data-decision="REJECTED"] label').click();
    await objection.getByTestId('objection-answer-text').fill('经核实，在先合作协议不涉及本次许可的专利，异议不成立。');
    await objection.getByTestId('objection-answer-send').click();
    await b.locator('[data-testid="objection"][data-decision="REJECTED"]', { hasText: '异议不成立' }).waitFor();
    await b.getByTestId('objections-answered').waitFor();

    // 4. Every objection answered and the period over: the contract is recorded and the deal moves on.
    const recorded = await recordContract(server.baseUrl, brokerToken, dealId);
    expect(recorded.status).toBe(201);
    await b.reload();
    await b.locator('[data-testid="deal-stage"]', { hasText: DEAL_STAGE_LABELS.CONTRACT_SIGNED['zh-CN'] }).waitFor();
    expect(broker.errors).toEqual([]);
  });
});
