// Run by the API tier's global setup (migrated-template.ts) in a child process: the app's own start-up
// path (migrations, synonyms, demo seed), stopped before it starts serving, on the database named by
// DATABASE_URL or XKX_DATA_DIR. Test files that ask for the demo seed then copy the result instead of
// seeding for themselves; the app they start finds data and seeds nothing, as it does on a restart.
import 'reflect-metadata';
import { createApp, loadConfig } from '@xkx/api/testing';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', XKX_WEB_DIR: '', XKX_DEMO_SEED: 'true', XKX_MIGRATE_ON_START: 'true' });
  // No init: no jobs, no matching index, no timers; only what createApp does to the database first.
  const app = await createApp(config, { init: false });
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
