import { Browser } from 'playwright-core';
import { DEMO, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

interface Instrument {
  id: string;
  nameZh: string;
  laboratoryId: string;
  organizationId: string;
}

describeBrowser('shared instruments: an enterprise asks to use one, the laboratory answers, the enterprise reads the answer (issue 16)', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  let instrument: Instrument;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
    // An instrument of the demo researcher's own organization: the one whose requests he answers.
    const token = await apiToken(server.baseUrl, DEMO.researcher);
    const me = (await apiGet<{ organization: { id: string } }>(server.baseUrl, token, '/api/auth/me')).body;
    const list = (await apiGet<{ items: Instrument[] }>(server.baseUrl, token, '/api/instruments?limit=200')).body;
    instrument = list.items.find((i) => i.organizationId === me.organization.id) as Instrument;
    expect(instrument).toBeDefined();
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  it('asks, answers with a fee to the fen, and shows the status in words, the fee and the 技术服务 deal', async () => {
    // 1. The enterprise asks from /instruments; its request waits, in words.
    const enterprise = await browser.newContext();
    const page = await enterprise.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.enterprise.email, DEMO.enterprise.password);
    await page.goto(`${server.baseUrl}/instruments`);
    const row = page.locator(`[data-testid="instrument-list"] li[data-id="${instrument.id}"]`);
    await row.getByTestId('instrument-request').click();
    await row.getByTestId('instrument-purpose').fill('锂电正极材料包覆层表征，共 3 个样品');
    await row.getByTestId('instrument-quantity').fill('3');
    await row.getByTestId('instrument-send').click();
    await page.getByTestId('instrument-message').waitFor();
    expect(await page.getByTestId('instrument-message').textContent()).toContain('待答复');
    const mine = page.getByTestId('my-instrument-requests').getByTestId('instrument-request-item').first();
    await mine.waitFor();
    expect(await mine.getByTestId('instrument-request-status').textContent()).toBe('待答复');
    expect(await page.locator('body').textContent()).not.toContain('REQUESTED');

    // 2. The laboratory's researcher answers on the laboratory's page: no reason, no decline; a fee in 元, exact.
    const lab = await browser.newContext();
    const labPage = await lab.newPage();
    const labErrors = watchErrors(labPage);
    await labPage.goto(server.baseUrl);
    await signIn(labPage, DEMO.researcher.email, DEMO.researcher.password);
    await labPage.goto(`${server.baseUrl}/laboratories/${instrument.laboratoryId}`);
    const item = labPage.getByTestId('lab-instrument-requests').locator('[data-testid="instrument-request-item"][data-status="REQUESTED"]').first();
    await item.waitFor();
    expect(await item.textContent()).toContain('锂电正极材料包覆层表征');
    await item.getByTestId('instrument-decline').click();
    await item.getByTestId('instrument-note-error').waitFor();
    expect(await item.getByTestId('instrument-note-error').textContent()).toContain('必填');
    await item.getByTestId('instrument-fee').fill('1234.567');
    await item.getByTestId('instrument-accept').click();
    await item.getByTestId('instrument-fee-error').waitFor();
    await item.getByTestId('instrument-fee').fill('1,234.56');
    await item.getByTestId('instrument-note').fill('下周二上午上机');
    await item.getByTestId('instrument-accept').click();
    await labPage.getByTestId('lab-request-message').waitFor();
    expect(await labPage.getByTestId('lab-request-message').textContent()).toContain('已同意');
    const accepted = labPage.getByTestId('lab-instrument-requests').locator('[data-testid="instrument-request-item"][data-status="ACCEPTED"]').first();
    expect(await accepted.getByTestId('instrument-request-fee').getAttribute('data-fen')).toBe('123456');

    // 3. The enterprise reads the answer: accepted, the fee to the fen, the note, and the 技术服务 deal it opened.
    await page.reload();
    const answered = page.getByTestId('my-instrument-requests').locator('[data-testid="instrument-request-item"][data-status="ACCEPTED"]').first();
    await answered.waitFor();
    expect(await answered.getByTestId('instrument-request-status').textContent()).toBe('已同意');
    expect(await answered.getByTestId('instrument-request-fee').textContent()).toBe('1,234.56 元');
    expect(await answered.getByTestId('instrument-request-note').textContent()).toBe('下周二上午上机');
    await answered.getByTestId('instrument-request-deal').click();
    await page.waitForURL(/\/deals\//);
    expect(await page.getByTestId('deal-contract-type').textContent()).toBe('技术服务');
    expect(await page.getByTestId('deal-agreed-price').textContent()).toBe('1,234.56 元');
    expect(errors).toEqual([]);
    expect(labErrors).toEqual([]);
    await enterprise.close();
    await lab.close();
  });
});
