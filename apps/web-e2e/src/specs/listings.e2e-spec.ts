import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { DEMO, openManagePage, signIn, signOut } from '../support/accounts';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/** The result journey (a) creates, and journey (b) finds again in traditional characters. */
const RESULT = {
  title: '高导热石墨烯散热膜连续制备技术',
  titleTraditional: '高導熱石墨烯散熱膜連續製備技術',
  patent: 'CN202410555777.8',
};

async function choose(page: Page, selectTestId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option }).first().click();
}

describeBrowser('listings: create, review, publish, search, import', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  const downloads = mkdtempSync(join(tmpdir(), 'xkx-e2e-downloads-'));

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

  it('(a) a researcher creates and submits a result, a broker approves it, and it is on the portal', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.researcher.email, DEMO.researcher.password);

    // The form, from the workspace's "my listings" section.
    await page.getByTestId('workspace-new-result').click();
    await page.waitForURL('**/workspace/results/new');
    await page.getByTestId('f-title').fill(RESULT.title);
    await page.getByTestId('f-value-proposition').fill('面内导热系数 1500 W/(m·K)，成本为进口产品的六成');
    await page
      .getByTestId('f-public-summary')
      .fill('以聚酰亚胺薄膜为前驱体，经连续碳化与石墨化制备高导热石墨烯散热膜，适用于手机、基站与动力电池的热管理。');
    await page.getByTestId('f-problem-solved').fill('国产散热膜导热系数偏低、厚度一致性差，高端产品依赖进口。');
    await page.getByTestId('f-advantages').fill('导热系数提高 30%，厚度偏差小于 ±2 μm，产线节拍提升一倍。');
    await page.getByTestId('f-applications').fill('消费电子、5G 基站、动力电池包');
    await page.getByTestId('f-fields').click();
    await page.locator('mat-option[data-code="NM.NANO"]').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('f-keywords').fill('石墨烯、散热膜、热管理');
    await choose(page, 'f-form', '新材料');
    await choose(page, 'f-trl', /^TRL 6/);
    await choose(page, 'f-stage', '中试');

    // The dynamic lists: one indicator, one patent; the owner is prefilled with the researcher's institution.
    await page.getByTestId('add-indicator').click();
    await page.getByTestId('indicator-name').fill('面内导热系数');
    await page.getByTestId('indicator-value').fill('≥ 1500');
    await page.getByTestId('indicator-unit').fill('W/(m·K)');
    await page.getByTestId('add-ip').click();
    // A wrong check digit is caught in the form.
    await page.getByTestId('ip-number-input').fill('CN202410555777.1');
    await page.getByTestId('ip-number-input').blur();
    await page.locator('mat-form-field', { has: page.getByTestId('ip-number-input') }).getByText('校验位不正确').waitFor();
    await page.getByTestId('ip-number-input').fill(RESULT.patent);
    expect(await page.getByTestId('owner-name').inputValue()).toBe('南京大学');
    await page.getByTestId('f-inventors').fill('张伟、李娜');
    await page.locator('[data-testid="f-modes"] mat-checkbox[data-mode="LICENSE_EXCLUSIVE"] label').click();

    // Price in 万元: 50 to 120.
    await page.getByTestId('f-negotiable').getByRole('switch').click();
    await page.getByTestId('f-min-wan').fill('50');
    await page.getByTestId('f-max-wan').fill('120');

    await page.getByTestId('save-submit').click();
    await page.getByTestId('submitted').waitFor();
    await signOut(page);

    // A broker approves it from the review queue.
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await openManagePage(page, 'nav-review');
    await page.waitForURL('**/manage/review');
    await page.getByTestId('review-queue').getByText(RESULT.title).click();
    await page.getByTestId('review-title').waitFor();
    // Brokers see the confidential layer and the history.
    await page.getByTestId('confidential').waitFor();
    // The history says what happened in words (提交审核), never the stored action code.
    await page.getByTestId('history').getByText('提交审核').first().waitFor();
    expect(await page.getByTestId('history').textContent()).not.toContain('SUBMIT');
    await page.getByTestId('approve').click();
    expect(await page.getByTestId('review-done').textContent()).toContain('已发布');
    await signOut(page);

    // On the portal, anonymous: found by its title, with its public layer.
    await page.getByTestId('nav-results').click();
    await page.getByTestId('search-q').fill(RESULT.title);
    await page.getByTestId('search-submit').click();
    await page.waitForURL(/\/results\?q=/);
    const hit = page.getByTestId('search-hit').filter({ hasText: RESULT.title });
    await hit.getByTestId('hit-title').click();
    await page.getByTestId('listing-detail').waitFor();
    expect(await page.getByTestId('detail-title').textContent()).toBe(RESULT.title);
    expect(await page.getByTestId('ip-number').first().textContent()).toBe(RESULT.patent);
    expect(await page.getByTestId('detail-money').textContent()).toContain('50万元 – 120万元');
    expect(await page.getByTestId('detail-trl').textContent()).toContain('TRL 6 · 中试');
    expect(await page.getByTestId('confidential').count()).toBe(0);
    await page.waitForFunction((title) => document.title.startsWith(title), RESULT.title);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('(b) an anonymous visitor finds the published result with a query in traditional characters', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await page.getByTestId('home-results').click();
    await page.waitForURL('**/results');
    await page.getByTestId('search-hit').first().waitFor();
    await page.getByTestId('search-q').fill(RESULT.titleTraditional);
    await page.getByTestId('search-q').press('Enter');
    await page.waitForURL(/\/results\?q=/);
    // The newest listings show before the search answers: wait for the hit with its highlighted match.
    const hit = page.getByTestId('search-hit').filter({ hasText: RESULT.title }).filter({ has: page.locator('mark') });
    await hit.waitFor();
    expect(decodeURIComponent(page.url())).toContain(`q=${RESULT.titleTraditional}`);
    expect(await page.getByTestId('search-total').textContent()).not.toBe('共 0 条');

    // The shared link gives the same page.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await shared.getByTestId('search-hit').filter({ hasText: RESULT.title }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('(b2) an empty search offers a correction, related fields and “post this as a need” with the words carried over (issue 15)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.enterprise.email, DEMO.enterprise.password);
    await page.goto(`${server.baseUrl}/results?q=${encodeURIComponent('锂电吃')}`);
    const empty = page.getByTestId('search-empty');
    await empty.waitFor();
    await empty.locator('[data-field="NE.BAT"]').waitFor();
    await empty.locator('[data-correction="锂电池"]').click();
    await page.waitForURL((url) => decodeURIComponent(url.href).includes('q=锂电池'));
    await page.getByTestId('search-hit').first().waitFor();

    const words = '量子点墨水喷印封装';
    await page.goto(`${server.baseUrl}/results?q=${encodeURIComponent(words)}`);
    await page.getByTestId('search-post-instead').click();
    await page.waitForURL('**/workspace/needs/new?**');
    expect(await page.getByTestId('f-title').inputValue()).toBe(words);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('(c) a broker imports 500 rows with 3 bad ones: errors by row and column, then the valid rows with progress', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await openManagePage(page, 'nav-import');
    await page.waitForURL('**/manage/import');

    // The template, downloaded through the page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-template').click()]);
    const templatePath = join(downloads, 'template.xlsx');
    await download.saveAs(templatePath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templatePath);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (header: string): number => {
      const index = headers.indexOf(header);
      if (index < 1) throw new Error(`no column ${header} in ${headers.join(',')}`);
      return index;
    };

    const bad = new Map<number, string>([
      [57, 'TRL*'],
      [214, '技术领域代码*'],
      [433, '有效期至*'],
    ]);
    for (let i = 1; i <= 500; i++) {
      const row = sheet.getRow(i + 1);
      const set = (header: string, value: string | number): void => {
        row.getCell(col(header)).value = value;
      };
      set('成果名称*', `批量导入测试成果第${i}号：柔性传感阵列制备工艺`);
      set('一句话价值*', `灵敏度提升 ${i % 50}%`);
      set('公开摘要*', `这是第 ${i} 条批量导入的测试成果，描述一种柔性压力传感阵列的低成本制备工艺与应用场景。`);
      set('解决的问题*', '现有柔性传感器成本高、一致性差');
      set('技术优势*', '成本降低 40%，一致性提高');
      set('应用领域*', '可穿戴设备');
      set('技术领域代码*', i === 214 ? 'XX.NOPE' : 'EIC');
      set('关键词', '柔性传感,压力传感');
      set('成果形式*', '新工艺');
      set('TRL*', i === 57 ? 12 : 5);
      set('成熟阶段*', '小试');
      set('权利人*', '南京大学');
      set('转化方式*', '普通许可');
      set('面议', '是');
      set('有效期至*', i === 433 ? '明年年底' : '2028-06-30');
      set('所属机构*', '南京大学');
      row.commit();
    }
    const filePath = join(downloads, 'results-500.xlsx');
    await workbook.xlsx.writeFile(filePath);

    await page.getByTestId('import-file').setInputFiles(filePath);
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-job').waitFor();
    expect(await page.getByTestId('import-total').textContent()).toBe('500');
    expect(await page.getByTestId('import-invalid').textContent()).toBe('3');
    expect(await page.getByTestId('import-valid').textContent()).toBe('497');
    // Each bad row is reported by its sheet row (header = row 1) and its column.
    for (const [dataRow, column] of bad) {
      await page.locator(`[data-testid="import-error-row"][data-row="${dataRow + 1}"][data-column="${column}"]`).first().waitFor();
    }
    const reportedRows = await page.getByTestId('import-error-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row'))));
    expect([...new Set(reportedRows)].sort((x, y) => x - y)).toEqual([...bad.keys()].map((r) => r + 1));

    await page.getByTestId('import-valid-rows').click();
    await page.getByTestId('import-done').waitFor({ timeout: 150_000 });
    expect(await page.getByTestId('import-done').textContent()).toContain('497');
    expect(await page.getByTestId('import-job').getAttribute('data-status')).toBe('DONE');
    expect(await page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');

    expect(errors).toEqual([]);
    await context.close();
  });
});
