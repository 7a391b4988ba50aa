import { Page } from 'playwright-core';

/** Demo accounts seeded into an empty database (README). */
export const DEMO = {
  admin: { email: 'admin@xkx.demo', password: 'Xiake-Admin-2026' },
  broker: { email: 'broker@xkx.demo', password: 'Xiake-Broker-2026' },
  /** A broker of 南京大学技术转移中心 */
  brokerNju: { email: 'broker.nju@xkx.demo', password: 'Xiake-Broker-2026' },
  researcher: { email: 'researcher@xkx.demo', password: 'Xiake-Research-2026' },
  /** 南京栖霞新能源科技有限公司 */
  enterprise: { email: 'enterprise@xkx.demo', password: 'Xiake-Enterprise-2026' },
} as const;

/** Signs in through the shell's button and the form; resolves on the workspace. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByTestId('nav-sign-in').click();
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL('**/workspace');
  await page.getByTestId('workspace-greeting').waitFor();
}

/** Signs out through the user menu; resolves when the shell offers sign-in again. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('nav-sign-in').waitFor();
}

/** Opens a back-office page through the shell's "manage" menu, as a user would. */
export async function openManagePage(page: Page, testId: string): Promise<void> {
  await page.getByTestId('nav-manage').click();
  await page.getByTestId(testId).click();
}
