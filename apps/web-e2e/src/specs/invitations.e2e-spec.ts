import { Browser } from 'playwright-core';
import { DEMO, openManagePage, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/** A valid 统一社会信用代码 (check character computed), fictional. */
const CENTER_CREDIT_CODE = '12320113MB0XKX2018';

describeBrowser('invitations: an administrator invites a broker, who sets a password from the mail and signs in', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  const broker = { name: '钱思远', email: `qian.siyuan.${Date.now()}@xianlin-ttc.cn`, password: 'Xianlin-Transfer-Orchid-26' };
  const center = '仙林科技成果转化服务中心';

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  it('creates the tech-transfer center from the invitation panel, invites its broker, and the broker gets in', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.admin.email, DEMO.admin.password);
    await openManagePage(page, 'nav-users');
    await page.waitForURL('**/manage/users');

    // The center does not exist yet: the panel links to a new organization of kind 技术转移机构.
    await page.getByTestId('user-invite-open').click();
    await page.getByTestId('invite-create-center').click();
    await page.waitForURL('**/manage/organizations?create=AGENCY');
    expect(await page.getByTestId('org-kind').textContent()).toContain('技术转移机构');
    await page.getByTestId('org-nameZh').fill(center);
    await page.getByTestId('org-creditCode').fill(CENTER_CREDIT_CODE);
    await page.getByTestId('org-save').click();
    await page.getByTestId('org-save').waitFor({ state: 'detached' });
    // The same page hands out the template of npm run orgs:import.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('org-import-template').click()]);
    expect(download.suggestedFilename()).toBe('机构导入模板.xlsx');

    // Back on the users page, the invitation: no password field, the center found by name.
    await openManagePage(page, 'nav-users');
    await page.waitForURL('**/manage/users');
    await page.getByTestId('user-invite-open').click();
    const panel = page.getByTestId('user-invite-panel');
    expect(await panel.getByTestId('create-password').count()).toBe(0);
    expect(await panel.getByTestId('create-role').textContent()).toContain('技术经理人');
    await panel.getByTestId('create-name').fill(broker.name);
    await panel.getByTestId('create-email').fill(broker.email);
    await panel.getByTestId('create-organization').fill('仙林科技');
    await page.getByTestId('create-organization-option').filter({ hasText: center }).click();
    await panel.getByTestId('create-submit').click();
    await panel.waitFor({ state: 'detached' });
    await page.getByText(`已邀请 ${broker.email}`).waitFor();
    await page.locator(`[data-testid="user-table"] tr[data-email="${broker.email}"]`).waitFor();
    expect(errors).toEqual([]);
    await context.close();

    // The mail waits in the outbox (no SMTP here); its link is the set-password page.
    const token = await apiToken(server.baseUrl, DEMO.admin);
    const outbox = await apiGet<{ items: Array<{ to: string; body: string }> }>(server.baseUrl, token, '/api/outbox?limit=100');
    const mail = outbox.body.items.find((m) => m.to === broker.email);
    const link = /\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail?.body ?? '')?.[0];
    expect(link).toBeDefined();

    const brokerContext = await browser.newContext();
    const brokerPage = await brokerContext.newPage();
    const brokerErrors = watchErrors(brokerPage);
    await brokerPage.goto(`${server.baseUrl}${link}`);
    await brokerPage.getByTestId('new-password').fill(broker.password);
    await brokerPage.getByTestId('confirm-password').fill(broker.password);
    await brokerPage.getByTestId('reset-submit').click();
    await brokerPage.getByTestId('reset-done').waitFor();

    await brokerPage.goto(server.baseUrl);
    await signIn(brokerPage, broker.email, broker.password);
    expect(await brokerPage.getByTestId('workspace-role').textContent()).toContain('技术经理人');
    expect(await brokerPage.getByTestId('workspace-organization').textContent()).toContain(center);
    expect((await brokerPage.getByTestId('workspace-status').textContent())?.trim()).toBe('已认证');
    expect(brokerErrors).toEqual([]);
    await brokerContext.close();
  });
});
