import { chromiumAvailable, CHROMIUM_MISSING_MESSAGE } from './chromium';
import { emptyDataDir, SEEDED_DATA_DIR_ENV, startServer } from './server';

/**
 * Missing Chromium is loud everywhere, and a failure under CI=true. Then the built server is started
 * once on an empty data directory (initdb, migrations, demo seed) and stopped cleanly; every spec file
 * starts from a copy of that directory (`freshDataDir`). The landing spec keeps an empty one to test the
 * first start itself.
 */
export default async function globalSetup(): Promise<void> {
  if (!chromiumAvailable()) {
    console.error(CHROMIUM_MISSING_MESSAGE);
    if (process.env.CI === 'true') throw new Error('Chromium is required for the browser tests under CI=true');
    return;
  }
  const dataDir = emptyDataDir();
  const server = await startServer({ dataDir, timeoutMs: 300_000 });
  await server.stop();
  // Workers are started after the global setup and inherit its environment.
  process.env[SEEDED_DATA_DIR_ENV] = dataDir;
}
