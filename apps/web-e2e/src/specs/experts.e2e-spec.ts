import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { DEMO, signIn } from '../support/accounts';
import { apiGetWhenReady, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

interface Hit {
  id: string;
  title: string;
}

/** The demo enterprise's need that demo expert 张教授 (高镍正极) fits. */
const NEED_TITLE = '高镍三元正极材料循环寿命提升技术需求';

describeBrowser('experts: an enterprise finds an expert from its need and asks for an introduction (issue 16)', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  const downloads = mkdtempSync(join(tmpdir(), 'xkx-e2e-experts-'));
  let need: Hit;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
    const token = await apiToken(server.baseUrl, DEMO.enterprise);
    const needs = await apiGetWhenReady<{ items: Hit[] }>(server.baseUrl, token, `/api/needs?q=${encodeURIComponent('高镍三元正极材料循环寿命')}&limit=5`);
    need = needs.items.find((n) => n.title === NEED_TITLE) as Hit;
    expect(need).toBeDefined();
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
    rmSync(downloads, { recursive: true, force: true });
  });

  it('opens the experts tab of its need, reads why, asks 张教授 for 技术开发 and lands on the deal', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.enterprise.email, DEMO.enterprise.password);
    await page.goto(`${server.baseUrl}/needs/${need.id}`);

    const tabs = page.getByTestId('match-tabs');
    await tabs.getByRole('tab', { name: '专家' }).click();
    const card = page.getByTestId('expert-match').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('张教授');
    expect(await card.textContent()).toContain('共同关键词');

    // Too short a message: the API's field message, in Chinese, and nothing is sent.
    await card.getByTestId('ask-introduction').click();
    await card.getByTestId('introduction-message').fill('太短');
    await card.getByTestId('send-introduction').click();
    await card.getByRole('alert').waitFor();
    expect(await card.getByRole('alert').textContent()).toContain('对接说明');

    await card.getByTestId('introduction-message').fill('我们希望委托张教授开发高镍正极包覆工艺，提升循环寿命。');
    await card.getByTestId('send-introduction').click();
    await card.getByRole('status').waitFor();
    await card.getByRole('link', { name: '查看撮合项目' }).click();
    await page.waitForURL(/\/deals\//);
    // The deal names the expert it started from (a link to the profile) and the contract type asked for.
    const person = page.getByTestId('deal-person');
    await person.waitFor();
    expect(await person.getAttribute('data-kind')).toBe('EXPERT');
    expect(await person.getByRole('link').textContent()).toBe('张教授');
    expect(await page.getByTestId('deal-contract-type').textContent()).toBe('技术开发');
    // In English, the contract type is in English.
    await page.getByTestId('language-switch').click();
    await page.getByTestId('deal-contract-type').getByText('Technology development').waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByTestId('deal-contract-type').getByText('技术开发').waitFor();

    // The expert's page from the directory: public layer, no contact details for an enterprise.
    await page.goto(`${server.baseUrl}/experts`);
    await page.getByTestId('expert-search').fill('正极材料');
    await page.getByTestId('expert-search').press('Enter');
    await page.getByTestId('expert-list').getByRole('link', { name: '张教授' }).click();
    await page.getByTestId('expert-name').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('仅技术经理人与本人可见');
    // The refused short message is the only failed request (a 400 the browser logs).
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await context.close();
  });
  it('lets the researcher keep their own profile: a patent by its number, the laboratory, fields from the tree', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.researcher.email, DEMO.researcher.password);
    await page.goto(`${server.baseUrl}/experts/me`);
    await page.getByTestId('expert-profile-state').waitFor();
    expect(await page.getByTestId('p-name').inputValue()).toBe('张教授');
    const before = await page.getByTestId('p-output').count();

    // A patent whose number is not a CNIPA application number: the API's words under the number, in Chinese.
    await page.getByTestId('p-output-add').click();
    const added = page.getByTestId('p-output').nth(before);
    await added.getByTestId('p-output-kind').click();
    await page.locator('mat-option[data-kind="PATENT"]').click();
    await added.getByTestId('p-output-title').fill('一种高镍正极材料的原子层沉积包覆方法');
    await added.getByTestId('p-output-ref').fill('CN123');
    await page.getByTestId('p-save').click();
    await added.getByTestId('p-output-ref-error').waitFor();
    expect(await added.getByTestId('p-output-ref-error').textContent()).toContain('专利');

    // The number fixed, a laboratory of the researcher's organization and one more field from the tree.
    await added.getByTestId('p-output-ref').fill('CN202310123456.6');
    await page.getByTestId('p-laboratory').click();
    const lab = page.locator('mat-option[data-id]').first();
    const labName = ((await lab.textContent()) ?? '').trim();
    await lab.click();
    await page.getByTestId('p-fields').click();
    const field = page.locator('mat-option[data-code]:not([aria-selected="true"])').first();
    const fieldCode = await field.getAttribute('data-code');
    await field.click();
    await page.keyboard.press('Escape');
    await page.getByTestId('p-save').click();
    await page.getByTestId('expert-profile-saved').waitFor();
    expect(await page.getByTestId('expert-profile-state').getAttribute('data-verified')).toBe('false');

    // Its own page shows the new output and the laboratory (waiting for a broker before the public sees it).
    await page.getByTestId('expert-profile-state').getByRole('link').click();
    await page.getByTestId('expert-name').waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain('一种高镍正极材料的原子层沉积包覆方法');
    expect(body).toContain('CN202310123456.6');
    expect(body).toContain(labName);
    expect(fieldCode).toBeTruthy();
    // The refused patent number is the only failed request (a 400 the browser logs).
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await context.close();
  });

  it('lets a broker import experts from the downloaded Excel template: a bad row refuses the file, the fixed one lands in the directory', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await page.goto(`${server.baseUrl}/experts`);
    await page.getByTestId('expert-list').waitFor();

    // The template, downloaded through the page, filled in as a broker would.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('expert-import-template').click()]);
    const templatePath = join(downloads, 'experts-template.xlsx');
    await download.saveAs(templatePath);
    const fill = async (title: string, name: string): Promise<string> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(templatePath);
      const sheet = workbook.worksheets[0]!;
      const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      const row = sheet.getRow(2);
      const set = (header: string, value: string): void => {
        const index = headers.indexOf(header);
        if (index < 1) throw new Error(`no column ${header} in ${headers.join(',')}`);
        row.getCell(index).value = value;
      };
      set('姓名*', '浏览器导入专家');
      set('职称*', title);
      set('所属机构*', '南京大学');
      set('研究领域代码*', 'NE.BAT');
      set('研究方向*', '钠离子电池正极材料与储能系统集成');
      set('合作方式*', '技术开发，技术咨询');
      set('合作意向*', '可承接新合作');
      row.commit();
      const path = join(downloads, name);
      await workbook.xlsx.writeFile(path);
      return path;
    };

    // A title that is not one of the list: the file is refused, the row and column named, nothing stored.
    await page.getByTestId('expert-import-file').setInputFiles(await fill('首席科学家', 'bad.xlsx'));
    await page.getByTestId('expert-import-errors').waitFor();
    const refused = (await page.getByTestId('expert-import-errors').textContent()) ?? '';
    expect(refused).toContain('2');
    expect(refused).toContain('职称');
    await page.getByTestId('expert-search').fill('浏览器导入专家');
    await page.getByTestId('expert-search').press('Enter');
    await page.locator('xkx-experts-page .empty').waitFor();

    // Fixed: stored, and the directory (reloaded) finds the new expert.
    await page.getByTestId('expert-import-file').setInputFiles(await fill('教授', 'good.xlsx'));
    await page.getByTestId('expert-import-result').waitFor();
    expect(await page.getByTestId('expert-import-result').textContent()).toContain('新增 1 位');
    await page.getByTestId('expert-list').getByText('浏览器导入专家').waitFor();
    // The refused file is the only failed request (a 400 the browser logs).
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await context.close();
  });
});
