import { Browser, Page } from 'playwright-core';
import { DEMO, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

interface Preferences { digestMail: boolean; digestHour: number; weeklyMatches: boolean }
interface TodoList { total: number; sections: Array<{ key: string; count: number; items: Array<{ id: string; dealId: string | null; code: string | null }> }> }

/**
 * Issue 17: the broker's workspace opens on the to-do list, its counts are on the menu, and an overdue next
 * action leads to its deal; the daily digest's settings are the person's own, on the profile page.
 */
describeBrowser('the broker’s to-do list', () => {
  let browser: Browser;
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  const dataDir = freshDataDir();

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir, timeoutMs: 300_000 });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    errors = watchErrors(page);
  }, 360_000);
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  it('shows the counts on the menu and follows an overdue next action to its deal', async () => {
    // What the API says the broker has to do (the demo deals carry overdue next actions).
    const expected = (await apiGet<TodoList>(server.baseUrl, await apiToken(server.baseUrl, DEMO.broker), '/api/me/todo')).body;
    const overdue = expected.sections.find((s) => s.key === 'OVERDUE_ACTIONS');
    const review = expected.sections.find((s) => s.key === 'LISTINGS_TO_REVIEW');
    expect(overdue?.count).toBeGreaterThan(0);

    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await page.getByTestId('todo-section').first().waitFor();
    expect((await page.getByTestId('nav-workspace-count').textContent())?.trim()).toBe(String(expected.total));
    expect(await page.getByTestId('todo').getAttribute('data-total')).toBe(String(expected.total));
    const section = page.locator('[data-testid="todo-section"][data-key="OVERDUE_ACTIONS"]');
    expect(await section.getAttribute('data-count')).toBe(String(overdue?.count));
    // The review queue's count on its link in the manage menu.
    await page.getByTestId('nav-manage').click();
    expect((await page.getByTestId('nav-review-count').textContent())?.trim()).toBe(String(review?.count));
    await page.keyboard.press('Escape');

    const first = overdue!.items[0]!;
    await section.locator(`[data-testid="todo-item"][data-id="${first.id}"]`).click();
    await page.waitForURL(`**/deals/${first.code}`);
    expect(await page.getByTestId('deal-detail').getAttribute('data-code')).toBe(first.code);
    expect(errors).toEqual([]);
  });

  it('keeps the broker’s reminder settings: digest mail off, sent at 18:00', async () => {
    await page.goto(`${server.baseUrl}/profile`);
    const card = page.getByTestId('reminder-preferences');
    await card.waitFor();
    const mail = page.getByTestId('prefs-digest-mail').locator('input[type="checkbox"]');
    await expect(mail.isChecked()).resolves.toBe(true);
    // Brokers get no weekly match mail: that is for researchers and enterprises.
    expect(await page.getByTestId('prefs-weekly-matches').count()).toBe(0);
    await mail.uncheck();
    await page.getByTestId('prefs-digest-hour').click();
    await page.getByRole('option', { name: '18:00', exact: true }).click();
    await page.getByTestId('prefs-save').click();
    await card.getByRole('status').getByText('提醒设置已保存。').waitFor();

    const token = await apiToken(server.baseUrl, DEMO.broker);
    const stored = (await apiGet<Preferences>(server.baseUrl, token, '/api/me/notification-preferences')).body;
    expect(stored).toEqual({ digestMail: false, digestHour: 18, weeklyMatches: false });

    // After a reload the page shows what was stored, not the defaults.
    await page.reload();
    await card.waitFor();
    await page.getByTestId('prefs-save').and(page.locator(':enabled')).waitFor();
    await expect(page.getByTestId('prefs-digest-mail').locator('input[type="checkbox"]').isChecked()).resolves.toBe(false);
    expect((await page.getByTestId('prefs-digest-hour').textContent())?.trim()).toBe('18:00');
    expect(errors).toEqual([]);
  });
});
