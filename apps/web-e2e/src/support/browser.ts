import { Browser, chromium, ConsoleMessage, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from './chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Describes the browser suite, or skips it loudly when Chromium is missing outside CI. */
export const describeBrowser: jest.Describe = chromiumAvailable() || process.env.CI === 'true' ? describe : describe.skip;

/** Collects console errors and page errors, including CSP violations. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
