// Run by the API tier's global setup (migrated-template.ts) in a child process: the app's own start-up
// path (migrations, synonyms, demo seed), stopped before it starts serving, on the database named by
// DATABASE_URL, or on PGlite in memory started from the migrated snapshot (XKX_TEST_SEED_FROM), which it
// then dumps to XKX_TEST_SEED_TO. Test files that ask for the demo seed then copy the result instead of
// seeding for themselves; the app they start finds data and seeds nothing, as it does on a restart.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApp, loadConfig } from '@xkx/api/testing';
import { getPGliteInstance } from 'typeorm-pglite';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', XKX_WEB_DIR: '', XKX_DEMO_SEED: 'true', XKX_MIGRATE_ON_START: 'true' });
  // No init: no jobs, no matching index, no timers; only what createApp does to the database first.
  const from = process.env['XKX_TEST_SEED_FROM'];
  const to = process.env['XKX_TEST_SEED_TO'];
  const app = await createApp(config, { init: false, ...(from ? { embeddedSnapshot: from } : {}) });
  if (to) {
    // The in-memory database as the test files will load it (uncompressed: cheaper to load than to gunzip).
    const tarball = await (await getPGliteInstance()).dumpDataDir('none');
    writeFileSync(to, Buffer.from(await tarball.arrayBuffer()));
  }
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
