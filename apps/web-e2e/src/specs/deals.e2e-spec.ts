import { Browser, Locator, Page } from 'playwright-core';
import { DEMO, openManagePage, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { printToPdf, squeeze } from '../support/pdf';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/** CDK drag-drop follows pointer moves, so the drag is done in small steps like a hand would. */
async function drag(page: Page, card: Locator, target: Locator): Promise<void> {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 22, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 20 });
  await page.mouse.up();
}

describeBrowser('deals: the broker board and a deal page', () => {
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

  it('a broker moves a deal on the board, an illegal move is refused with the reason, and a deal page shows its contract amounts', async () => {
    // A broker on a trip abroad: times on the page are still Beijing time, the market's clock.
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await openManagePage(page, 'nav-deal-board');
    await page.waitForURL('**/manage/deals');
    const column = (stage: string): Locator =>
      page.locator(`[data-testid="deal-column"][data-stage="${stage}"]`);
    const lead = column('LEAD').getByTestId('deal-card').first();
    await lead.waitFor();
    const code = (await lead.getAttribute('data-code'))!;

    // A lead cannot jump to "NDA signed": the API refuses, the card stays and the reason is shown.
    await drag(page, lead, column('NDA_SIGNED'));
    await page.getByTestId('move-refused').waitFor();
    expect(await page.getByTestId('move-refused').textContent()).toContain(
      '撮合项目不能从当前阶段移到该阶段',
    );
    await column('LEAD').locator(`[data-code="${code}"]`).waitFor();

    // Triage is the next step: the card moves.
    await drag(page, column('LEAD').locator(`[data-code="${code}"]`), column('TRIAGE'));
    await column('TRIAGE').locator(`[data-code="${code}"]`).waitFor();

    // Filters: a field shows exactly the deals the API has for it; "mine" keeps the moved card; back to all.
    const cards = page.getByTestId('deal-card');
    const total = await cards.count();
    const token = await apiToken(server.baseUrl, DEMO.broker);
    const energy = await apiGet<{ columns: Array<{ deals: unknown[] }> }>(
      server.baseUrl,
      token,
      '/api/deals/board?fieldCode=NE',
    );
    const expected = energy.body.columns.reduce((n, c) => n + c.deals.length, 0);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(total);
    await page.getByTestId('board-field').click();
    await page.locator('mat-option[data-code="NE"]').click();
    // Each select's panel must be gone before the next one opens (a click during its close is lost).
    await page.locator('mat-option').first().waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="deal-card"]').length === n,
      expected,
    );
    await page.getByTestId('board-field').click();
    await page.getByRole('option', { name: '全部' }).click();
    await page.locator('mat-option').first().waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="deal-card"]').length === n,
      total,
    );
    await page.getByTestId('board-broker').click();
    await page.getByTestId('board-broker-me').click();
    await column('TRIAGE').locator(`[data-code="${code}"]`).waitFor();

    // A paid deal: its page shows the contract amounts in 元, the timeline and the parties.
    const timeline = page.waitForResponse((r) => r.url().endsWith('/timeline') && r.request().method() === 'GET');
    await column('PAID').getByTestId('deal-title').first().click();
    await page.getByTestId('deal-detail').waitFor();
    expect(await page.getByTestId('contract-amount').first().textContent()).toMatch(/元/);
    await page.getByTestId('deal-timeline').locator('li').nth(3).waitFor();
    await page.getByTestId('deal-participants').waitFor();
    const events = (await (await timeline).json()) as Array<{ at: string }>;
    const first = new Date(new Date(events[0]!.at).getTime() + 8 * 3_600_000).toISOString();
    expect(await page.getByTestId('deal-timeline').locator('li').first().textContent()).toContain(
      `${first.slice(0, 10)} ${first.slice(11, 16)}`,
    );

    // The broker sets the next action; a due date in the past marks it overdue (the board lists those first).
    await page.getByTestId('next-action-edit').click();
    await page.getByTestId('next-action-text').fill('催收尾款并确认开票信息');
    await page.getByTestId('next-action-due').fill('2026-01-05');
    await page.getByTestId('next-action-save').click();
    await page
      .locator('[data-testid="deal-next-action"].overdue', { hasText: '催收尾款并确认开票信息' })
      .waitFor();

    // A second broker joins: found by e-mail, added, listed among the participants.
    await page.getByTestId('participant-q').fill('broker.nju');
    await page.getByTestId('participant-search').locator('button[type="submit"]').click();
    await page.getByTestId('participant-candidates').getByText('周经理').waitFor();
    await page.getByTestId('participant-add').first().click();
    await page.getByTestId('deal-participants').getByText('周经理').waitFor();

    // Messages go on the deal.
    await page.getByTestId('deal-message-input').fill('中期验收材料已收到，下周安排付款。');
    await page.getByTestId('deal-message-send').click();
    await page.getByTestId('deal-messages').getByText('中期验收材料已收到').waitFor();

    // The refused move is a 4xx answer, which Chromium logs as a failed resource; nothing else may be logged.
    expect(errors.filter((e) => !/the server responded with a status of 4\d\d/.test(e))).toEqual([]);
    await context.close();
  });

  it('a broker prints the contract summary, the registration sheet, the deal summary, the signed NDA and the 公示 notice to A4 PDFs', async () => {
    const token = await apiToken(server.baseUrl, DEMO.broker);
    type Amounts = { contractAmountFen: number; nonTechnicalCostFen: number; technicalAmountFen: number };
    type ContractRow = {
      id: string;
      code: string;
      dealId: string | null;
      projectName: string;
      amounts: Amounts;
      schedule: Array<{ amountFen: number }>;
      seller: { name: string };
      buyer: { name: string };
      registration: { registrationNumber: string | null };
    };
    const registered = await apiGet<{ items: ContractRow[] }>(
      server.baseUrl,
      token,
      '/api/contracts?registrationStatus=REGISTERED&limit=50',
    );
    const k = registered.body.items.find(
      (c) => c.schedule.length > 1 && c.dealId && c.registration.registrationNumber,
    );
    expect(k).toBeDefined();
    const contract = k!;
    const notices = await apiGet<{
      items: Array<{ id: string; title: string; startsOn: string; endsOn: string }>;
    }>(server.baseUrl, token, '/api/public-notices');
    expect(notices.body.items.length).toBeGreaterThan(0);
    const notice = notices.body.items[0];
    /** The exact 元 amount as the documents print it ("1,234,567.89"). */
    const yuan = (fen: number): string =>
      (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);

    // From the deal page, as a broker finds them: the print links open the documents.
    await page.goto(`${server.baseUrl}/deals/${contract.dealId}`);
    await page.getByTestId('deal-detail').waitFor();
    // Linked by its code (issue 17).
    const dealCode = (await page.getByTestId('deal-detail').getAttribute('data-code'))!;
    expect(await page.getByTestId('print-deal').getAttribute('href')).toBe(`/print/deals/${dealCode}`);

    const open = async (path: string, kind: string): Promise<{ pages: number; text: string }> => {
      await page.goto(`${server.baseUrl}${path}`);
      await page.locator(`[data-testid="print-document"][data-kind="${kind}"]`).waitFor();
      return printToPdf(page);
    };

    const summary = await open(`/print/contracts/${contract.id}`, 'contract');
    const scheduleTotal = contract.schedule.reduce((n, s) => n + s.amountFen, 0);
    for (const expected of [
      '技术合同摘要',
      contract.code,
      contract.projectName,
      contract.seller.name,
      contract.buyer.name,
      `合同成交额${yuan(contract.amounts.contractAmountFen)}元`,
      `非技术性费用${yuan(contract.amounts.nonTechnicalCostFen)}元`,
      `技术交易额${yuan(contract.amounts.technicalAmountFen)}元`,
      `合计${yuan(scheduleTotal)}元`,
      '卖方（签章）',
    ]) {
      expect(summary.text).toContain(squeeze(expected));
    }

    const sheet = await open(`/print/contracts/${contract.id}/registration`, 'registration');
    expect(sheet.text).toContain('技术合同认定登记表');
    expect(sheet.text).toContain(squeeze(contract.registration.registrationNumber!));
    expect(sheet.text).toContain(squeeze(`${yuan(contract.amounts.technicalAmountFen)}元`));

    const deal = await open(`/print/deals/${contract.dealId}`, 'deal');
    expect(deal.text).toContain('撮合项目摘要');
    expect(deal.text).toContain(squeeze(contract.code));
    expect(deal.text).toContain('进展记录');

    // The signed NDA: its text and each signature record with the hash of the text signed. Setup: the
    // demo enterprise signs the current NDA on one of its deals that is at the NDA step.
    const enterpriseToken = await apiToken(server.baseUrl, DEMO.enterprise);
    const current = await apiGet<{ version: number }>(server.baseUrl, enterpriseToken, '/api/nda/current');
    const mine = await apiGet<{ items: Array<{ id: string }> }>(
      server.baseUrl,
      enterpriseToken,
      '/api/deals',
    );
    let ndaDealId: string | undefined;
    for (const d of mine.body.items) {
      const res = await fetch(`${server.baseUrl}/api/deals/${d.id}/nda/accept`, {
        method: 'POST',
        headers: { authorization: `Bearer ${enterpriseToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version: current.body.version }),
      });
      if (res.status === 200) {
        ndaDealId = d.id;
        break;
      }
    }
    expect(ndaDealId).toBeDefined();
    const detail = await apiGet<{ nda: { signatures: Array<{ name: string; textHash: string | null }> } }>(
      server.baseUrl,
      token,
      `/api/deals/${ndaDealId}`,
    );
    const signatures = detail.body.nda.signatures;
    expect(signatures.length).toBeGreaterThan(0);
    const nda = await open(`/print/deals/${ndaDealId}/nda`, 'nda');
    expect(nda.text).toContain('保密协议及签署记录');
    expect(nda.text).toContain('签署记录');
    for (const s of signatures) {
      expect(nda.text).toContain(squeeze(s.name));
      if (s.textHash) expect(nda.text).toContain(s.textHash);
    }

    const printedNotice = await open(`/print/notices/${notice.id}`, 'notice');
    expect(printedNotice.text).toContain('科技成果转化公示');
    expect(printedNotice.text).toContain(squeeze(notice.title));
    expect(printedNotice.text).toContain(squeeze(`${notice.startsOn}–${notice.endsOn}`));
    expect(printedNotice.text).toContain('协议定价');

    // On paper the shell's toolbar and the print button are gone; the document fits A4 pages.
    for (const printed of [summary, sheet, deal, nda, printedNotice]) {
      expect(printed.text).not.toContain('打印/存为PDF');
      expect(printed.text).not.toContain('栖霞区科技成果转化对接平台');
      expect(printed.pages).toBeGreaterThanOrEqual(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
