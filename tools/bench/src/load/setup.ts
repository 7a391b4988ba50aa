import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Child, startBuiltApp, waitFor } from './children';

/** Search is limited per address (300/min by default); 50 connections from one address would be refused. */
export const RATE_LIMIT_SEARCH = '999999999/1m';

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'xkx-bench-load-'));
}

/**
 * Migrates and demo-seeds the fresh database by starting the built app once outside production (the
 * seed is refused in production): organizations, the demo accounts the bench signs in with, ~120
 * listings, the demo year's deals. It is stopped before the market is written, so the production start
 * that follows loads its matching index from the whole market, as after a deployment.
 */
export async function migrateAndSeed(databaseUrl: string, dir: string): Promise<void> {
  const app = await startBuiltApp({ NODE_ENV: 'development', XKX_DEMO_SEED: 'true', DATABASE_URL: databaseUrl, XKX_DATA_DIR: join(dir, 'seed-data'), LOG_LEVEL: 'warn' }, join(dir, 'seed.log'));
  try {
    await waitFor(`http://127.0.0.1:${app.port}/api/health/ready`, app, 300_000);
  } finally {
    await app.stop();
  }
}

/** The app as deployed: NODE_ENV=production, info logging (to a file), one process. */
export async function startProductionApp(databaseUrl: string, dir: string, extraEnv: Record<string, string> = {}): Promise<Child> {
  const app = await startBuiltApp(
    { DATABASE_URL: databaseUrl, XKX_DATA_DIR: join(dir, 'app-data'), LOG_LEVEL: 'info', RATE_LIMIT_SEARCH, ...extraEnv },
    join(dir, 'app.log'),
  );
  return app;
}
