import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DEMO, openManagePage, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/** Bulk work in the queues and the deal list, and the administrators' taxonomy pages (issue 17). */
describeBrowser('bulk work and the taxonomy pages', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  const downloads = mkdtempSync(join(tmpdir(), 'xkx-bulk-dl-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
    rmSync(downloads, { recursive: true, force: true });
  });

  async function open(account: { email: string; password: string }): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, account.email, account.password);
    return { page, errors, close: () => context.close() };
  }

  it('a broker approves the whole results queue at once, then hands two deals to another broker from the list view and exports it', async () => {
    const { page, errors, close } = await open(DEMO.broker);
    const token = await apiToken(server.baseUrl, DEMO.broker);
    const queue = await apiGet<Array<{ id: string }>>(server.baseUrl, token, '/api/results/review-queue');
    expect(queue.body.length).toBeGreaterThan(0);

    await openManagePage(page, 'nav-review');
    await page.getByTestId('review-item').first().waitFor();
    // Sending back needs the one note; without it the bar says so and nothing is sent.
    await page.getByTestId('review-select').first().click();
    await page.getByTestId('bulk-request-changes').click();
    await page.getByTestId('bulk-note-error').waitFor();
    await page.getByTestId('bulk-select-all').click();
    await page.getByTestId('bulk-count').getByText(`已选 ${queue.body.length} 项`).waitFor();
    await page.getByTestId('bulk-approve').click();
    await page.getByTestId('bulk-summary').getByText(`${queue.body.length} 项已完成，0 项未完成`).waitFor();
    await page.getByTestId('review-item').first().waitFor({ state: 'detached' });
    const after = await apiGet<unknown[]>(server.baseUrl, token, '/api/results/review-queue');
    expect(after.body).toEqual([]);

    // The deal board as a list: search, pick two, hand them to 周经理.
    await openManagePage(page, 'nav-deal-board');
    await page.getByTestId('deal-view-list').click();
    await page.getByTestId('deal-row').first().waitFor();
    const list = await apiGet<{ items: Array<{ code: string; title: string; stage: string }>; total: number }>(server.baseUrl, token, '/api/deals?limit=200');
    const openDeals = list.body.items.filter((d) => !['CLOSED', 'LOST'].includes(d.stage));
    const [a, b] = [openDeals[0]!, openDeals[1]!];
    await page.getByTestId('deal-list-search').fill(a.code);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="deal-row"]').length === 1);
    await page.getByTestId('deal-list-search').fill('');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="deal-row"]').length === n, Math.min(list.body.total, 200));
    const row = (code: string) => page.locator(`[data-testid="deal-row"][data-code="${code}"]`);
    await row(a.code).getByTestId('deal-select').click();
    await row(b.code).getByTestId('deal-select').click();
    await page.getByTestId('deal-reassign-to').click();
    await page.getByRole('option', { name: '周经理' }).click();
    await page.locator('mat-option').first().waitFor({ state: 'detached' });
    await page.getByTestId('deal-reassign').click();
    await page.getByTestId('bulk-summary').getByText('2 项已完成，0 项未完成').waitFor();
    await row(a.code).getByTestId('deal-row-brokers').getByText('周经理', { exact: true }).waitFor();
    await row(b.code).getByTestId('deal-row-brokers').getByText('周经理', { exact: true }).waitFor();

    // Sorted by next-action date, soonest first; the export holds the listed deals, in words.
    await page.getByTestId('deal-list-sort').click();
    await page.waitForFunction(() => {
      const dues = Array.from(document.querySelectorAll('[data-testid="deal-row-due"]')).map((c) => c.textContent!.trim().slice(0, 10)).filter((d) => /^\d{4}-/.test(d));
      return dues.length > 1 && dues.every((d, i) => i === 0 || dues[i - 1]! <= d);
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deal-list-export').click()]);
    expect(download.suggestedFilename()).toBe('撮合项目.xlsx');
    const path = join(downloads, 'deals.xlsx');
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('撮合项目')!;
    expect(sheet.rowCount - 1).toBe(list.body.total);
    const codes: unknown[] = [];
    sheet.eachRow((r, n) => n > 1 && codes.push(r.getCell(1).value));
    expect(codes).toEqual(expect.arrayContaining([a.code, b.code]));
    expect(String(sheet.getRow(2).getCell(3).value)).toMatch(/\p{Script=Han}/u);

    expect(errors).toEqual([]);
    await close();
  });

  it('an administrator adds a child field and a synonym group; a term taken by another group is refused on its input', async () => {
    const { page, errors, close } = await open(DEMO.admin);
    await openManagePage(page, 'nav-fields');
    await page.waitForURL('**/manage/fields');
    const ne = page.locator('[data-testid="field-node"][data-code="NE"]');
    await ne.getByTestId('field-add-child').click();
    await page.getByTestId('field-code').fill('NE.TIDE');
    await page.getByTestId('field-name-zh').fill('潮汐能');
    await page.getByTestId('field-name-en').fill('Tidal energy');
    await page.getByTestId('field-save').click();
    const tide = page.locator('[data-testid="field-node"][data-code="NE.TIDE"]');
    await tide.getByText('潮汐能').waitFor();
    // Renamed, then deactivated: it leaves the tree unless inactive fields are shown.
    await tide.getByTestId('field-edit').click();
    await page.getByTestId('field-name-zh').fill('潮汐发电');
    await page.getByTestId('field-save').click();
    await tide.getByText('潮汐发电').waitFor();
    await tide.getByTestId('field-deactivate').click();
    await tide.waitFor({ state: 'detached' });
    await page.getByTestId('fields-show-inactive').click();
    await tide.getByTestId('field-activate').waitFor();

    await openManagePage(page, 'nav-synonyms');
    await page.waitForURL('**/manage/synonyms');
    await page.getByTestId('synonym-group').first().waitFor();
    const taken = (await page.getByTestId('synonym-group').first().getAttribute('data-canonical'))!;
    await page.getByTestId('synonym-add').click();
    await page.getByTestId('synonym-term').nth(0).fill('潮汐发电');
    await page.getByTestId('synonym-term').nth(1).fill(taken);
    await page.getByTestId('synonym-save').click();
    // The API names the second term; the message sits under that input.
    await page.getByTestId('synonym-term-error').getByText(taken).waitFor();
    await page.getByTestId('synonym-term').nth(1).fill('潮汐能发电');
    await page.getByTestId('synonym-save').click();
    await page.getByTestId('synonym-editor').waitFor({ state: 'detached' });
    await page.getByTestId('synonym-search').fill('潮汐');
    await page.locator('[data-testid="synonym-group"][data-canonical="潮汐发电"]').waitFor();
    expect(await page.getByTestId('synonym-group').count()).toBe(1);
    // A broader → narrower group (issue 15) may name a term of an equivalence group.
    await page.getByTestId('synonym-add').click();
    await page.getByTestId('synonym-relation').click();
    await page.getByRole('option', { name: /上下位/ }).click();
    await page.getByTestId('synonym-term').nth(0).fill('海洋能');
    await page.getByTestId('synonym-term').nth(1).fill('潮汐发电');
    await page.getByTestId('synonym-save').click();
    await page.getByTestId('synonym-editor').waitFor({ state: 'detached' });
    await page.getByTestId('synonym-search').fill('海洋能');
    const narrower = page.locator('[data-testid="synonym-group"][data-canonical="海洋能"][data-relation="NARROWER"]');
    await narrower.waitFor();
    await narrower.getByTestId('synonym-delete').click();
    await narrower.getByTestId('synonym-delete-confirm').click();
    await narrower.waitFor({ state: 'detached' });
    await page.getByTestId('synonym-search').fill('潮汐');
    await page.locator('[data-testid="synonym-group"][data-canonical="潮汐发电"]').waitFor();
    await page.getByTestId('synonym-delete').click();
    await page.getByTestId('synonym-delete-confirm').click();
    await page.locator('[data-testid="synonym-group"][data-canonical="潮汐发电"]').waitFor({ state: 'detached' });

    // The 409 of the refused term is logged by Chromium as a failed resource; nothing else may be.
    expect(errors.filter((e) => !/the server responded with a status of 409/.test(e))).toEqual([]);
    await close();
  });
});
