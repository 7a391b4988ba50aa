import { Browser, chromium, ConsoleMessage, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from './chromium';

/**
 * The built app registers a service worker. Journeys run without it unless they ask (`serviceWorkers:
 * 'allow'` on their context): `page.route` does not see requests a service worker makes, and installing
 * it would fetch the app shell in every spec. The offline spec turns it on.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
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
