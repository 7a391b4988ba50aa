import { chromiumAvailable, CHROMIUM_MISSING_MESSAGE } from './chromium';

/** Missing Chromium is loud everywhere, and a failure under CI=true. */
export default function globalSetup(): void {
  if (chromiumAvailable()) return;
  console.error(CHROMIUM_MISSING_MESSAGE);
  if (process.env.CI === 'true') throw new Error('Chromium is required for the browser tests under CI=true');
}
