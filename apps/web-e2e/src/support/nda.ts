import { Page } from 'playwright-core';

/**
 * Signs the NDA on a deal page as a party does: opens the dialog, waits for the text, checks that signing
 * is refused until the box is ticked, ticks it and signs; resolves when the page says it is signed.
 * Returns the text shown.
 */
export async function signNdaInDialog(page: Page): Promise<string> {
  await page.getByTestId('accept-nda').click();
  const dialog = page.getByTestId('nda-dialog');
  const text = dialog.getByTestId('nda-text');
  await text.waitFor();
  const shown = (await text.textContent()) ?? '';
  // The text scrolls inside the dialog; the reader gets to its end before agreeing.
  await text.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const sign = page.getByTestId('nda-sign');
  if (!(await sign.isDisabled())) throw new Error('the sign button is enabled before the confirmation');
  await dialog.getByTestId('nda-confirm').getByRole('checkbox').check();
  await page.locator('[data-testid="nda-sign"]:not([disabled])').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('nda-accepted-by-me').waitFor();
  return shown;
}
