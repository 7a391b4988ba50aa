import { Browser } from 'playwright-core';
import { DEMO, openManagePage, signIn, signOut } from '../support/accounts';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

describeBrowser('accounts: register, verification by a broker, administration pages', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  const researcher = { name: '周明远', email: `zhou.mingyuan.${Date.now()}@nju.edu.cn`, password: 'Qixia-Lab-Photonics-7' };

  beforeAll(async () => {
    browser = await launchBrowser();
    // The built server on a fresh data directory, so the demo seed runs.
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  it('a researcher registers at 南京大学, waits for verification, a broker verifies them, and they see it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);

    // Register through the UI, choosing the institution by its pinyin initials.
    await page.getByTestId('nav-register').click();
    await page.getByTestId('role-researcher').waitFor();
    await page.getByTestId('institution').fill('njdx');
    await page.getByRole('option', { name: '南京大学 高校', exact: true }).click();
    expect(await page.getByTestId('institution').inputValue()).toBe('南京大学');
    await page.getByTestId('name').fill(researcher.name);
    await page.getByTestId('email').fill(researcher.email);
    // The strength meter judges as the API will: a common pattern is weak, a passphrase strong.
    await page.getByTestId('password').fill('Password1!');
    await page.locator('[data-testid="password-strength"][data-score="1"]').waitFor();
    await page.getByTestId('password').fill(researcher.password);
    await page.locator('[data-testid="password-strength"][data-score="4"]').waitFor();
    expect(await page.getByTestId('password-strength').textContent()).toContain('很强');
    await page.getByTestId('register-submit').click();

    // The workspace says who they are and that publishing waits for verification.
    await page.waitForURL('**/workspace');
    await page.getByTestId('pending-notice').waitFor();
    expect(await page.getByTestId('workspace-greeting').textContent()).toContain(researcher.name);
    expect(await page.getByTestId('workspace-role').textContent()).toContain('科研人员');
    expect(await page.getByTestId('workspace-organization').textContent()).toContain('南京大学');
    expect((await page.getByTestId('workspace-status').textContent())?.trim()).toBe('待审核');
    await signOut(page);

    // A broker finds them in the queue and verifies them.
    await signIn(page, DEMO.broker.email, DEMO.broker.password);
    await openManagePage(page, 'nav-verification');
    const item = page.locator(`[data-testid="queue-item"][data-email="${researcher.email}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('南京大学');
    await item.getByTestId('verify').click();
    await item.waitFor({ state: 'detached' });
    await signOut(page);

    // Signing in again, the researcher is verified and the notice is gone.
    await signIn(page, researcher.email, researcher.password);
    expect((await page.getByTestId('workspace-status').textContent())?.trim()).toBe('已认证');
    expect(await page.getByTestId('pending-notice').count()).toBe(0);
    // A researcher's menu has no back-office pages.
    expect(await page.getByTestId('nav-manage').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the API field errors next to the register fields', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/register`);
    await page.getByTestId('role-enterprise').click();
    // A wrong check character is caught before the round trip …
    await page.getByTestId('credit-code').fill('91320113MA1XK0001X');
    await page.getByTestId('name').fill('王经理');
    await page.getByTestId('email').fill(`wang.${Date.now()}@example.cn`);
    await page.getByTestId('password').fill('password123');
    await page.getByTestId('register-submit').click();
    await page.getByText('不是有效的统一社会信用代码').first().waitFor();
    // … a common password only by the API, whose message lands under the password field.
    await page.getByTestId('credit-code').fill('91320113MA1XK00080');
    await page.getByTestId('register-submit').click();
    await page.locator('mat-form-field', { has: page.getByTestId('password') }).getByText('密码过于常见').waitFor();
    await context.close();
  });

  it('lets an administrator open the users, organizations and audit-log pages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.admin.email, DEMO.admin.password);

    await openManagePage(page, 'nav-users');
    await page.waitForURL('**/manage/users');
    await page.locator(`[data-testid="user-table"] tr[data-email="${DEMO.researcher.email}"]`).waitFor();

    await openManagePage(page, 'nav-organizations');
    await page.waitForURL('**/manage/organizations');
    await page.getByTestId('org-q').fill('njdx');
    await page.getByTestId('organization-table').getByText('南京大学', { exact: true }).waitFor();

    await openManagePage(page, 'nav-audit-log');
    await page.waitForURL('**/manage/audit-log');
    await page.getByTestId('audit-table').getByText('登录成功').first().waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
