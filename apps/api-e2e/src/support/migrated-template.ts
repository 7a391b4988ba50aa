// Jest globalSetup/globalTeardown of the API tier: migrate and seed once, copy per test file.
// Migrating (and, on PGlite, running initdb) and seeding the demo market for every test file cost
// more than most files' assertions. Instead the migration CLI (`npm run db:migrate`, the operators'
// path) migrates once here, the app's own start-up path seeds a copy of that once (seed-template.ts),
// and each test file's database is a copy of one of the two (test-database.ts):
// - PostgreSQL: template databases; files get `CREATE DATABASE … TEMPLATE` one.
// - PGlite: the migrated data directory on disk, dumped to a tarball; the seed runs on an in-memory
//   PGlite loaded from it and dumps its own; each file's in-memory PGlite loads one of the two.
// The app still runs its start-up migrations (and, asked to, its demo seed) on the copy, which then
// find nothing to do. Specs about migrations, backups and first start keep an empty database.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Extension, PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { dropTestDatabases, RUN_PREFIX_ENV, SEEDED_SNAPSHOT_ENV, SEEDED_TEMPLATE_ENV, SNAPSHOT_ENV, TEMPLATE_ENV } from './test-database';

// The contrib entry's typings only describe its ESM build; the CJS build is the same extension.
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };

const WORKSPACE = resolve(__dirname, '../../../..');

export async function setup(): Promise<void> {
  const started = Date.now();
  const server = process.env.DATABASE_URL;
  let migrated = 0;
  if (server) {
    const run = `${process.pid}_${randomBytes(4).toString('hex')}`;
    const name = `xkx_test_template_${run}`;
    // The test files' databases: dropped together at teardown (test-database.ts).
    process.env[RUN_PREFIX_ENV] = `xkx_test_${run}`;
    await admin(server, `CREATE DATABASE "${name}"`);
    migrate({ DATABASE_URL: databaseUrl(server, name) });
    // No connections may exist while it is copied; this also keeps a stray client from opening one.
    await admin(server, `ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    process.env[TEMPLATE_ENV] = name;
    migrated = Date.now();
    const seeded = `${name}_seeded`;
    await admin(server, `CREATE DATABASE "${seeded}" TEMPLATE "${name}"`);
    seed({ DATABASE_URL: databaseUrl(server, seeded) });
    await admin(server, `ALTER DATABASE "${seeded}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    process.env[SEEDED_TEMPLATE_ENV] = seeded;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'xkx-api-e2e-'));
    const data = join(dir, 'data');
    migrate({ XKX_DATA_DIR: data });
    const snapshot = await dumpDataDir(data, join(dir, 'migrated.tar'));
    process.env[SNAPSHOT_ENV] = snapshot;
    rmSync(data, { recursive: true, force: true });
    migrated = Date.now();
    // Seeded in memory from that snapshot, as the test files' databases start, and dumped by the child:
    // PGlite on a data directory on disk costs more than the seed (its file system emulation).
    const seeded = join(dir, 'seeded.tar');
    seed({ XKX_DATA_DIR: 'memory:', XKX_TEST_SEED_FROM: snapshot, XKX_TEST_SEED_TO: seeded });
    process.env[SEEDED_SNAPSHOT_ENV] = seeded;
  }
  const what = server ? 'template database' : 'PGlite snapshot';
  console.log(`\napi-e2e: migrated the ${what} in ${migrated - started} ms, seeded a copy of it in ${Date.now() - migrated} ms`);
}

export async function teardown(): Promise<void> {
  const server = process.env.DATABASE_URL;
  const prefix = process.env[RUN_PREFIX_ENV];
  if (server && prefix) await dropTestDatabases(server, prefix);
  for (const name of [process.env[SEEDED_TEMPLATE_ENV], process.env[TEMPLATE_ENV]]) {
    if (server && name) {
      await admin(server, `ALTER DATABASE "${name}" WITH IS_TEMPLATE false`);
      await admin(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
  const snapshot = process.env[SNAPSHOT_ENV];
  if (snapshot) rmSync(dirname(snapshot), { recursive: true, force: true });
}

/** The PGlite data directory's tarball, written to `file` (uncompressed: loading it costs less CPU than gunzipping a tenth of the size). */
async function dumpDataDir(dataDir: string, file: string): Promise<string> {
  const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: { pg_trgm } });
  const tarball = await db.dumpDataDir('none');
  await db.close();
  writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
  return file;
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `npm run db:migrate` with the given environment; throws with its output when it fails. */
function migrate(env: Record<string, string>): void {
  run('migrating', ['apps/api/src/database/cli.ts', 'run'], 'apps/api/tsconfig.app.json', env);
}

/** The app's start-up path with the demo seed, stopped before serving (seed-template.ts). */
function seed(env: Record<string, string>): void {
  run('seeding', ['apps/api-e2e/src/support/seed-template.ts'], 'apps/api-e2e/tsconfig.json', env);
}

function run(what: string, args: string[], project: string, env: Record<string, string>): void {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', ...args], {
    cwd: WORKSPACE,
    // TZ as in the test files (env.ts): the seed writes dates relative to today.
    env: { ...process.env, SWC_NODE_PROJECT: project, LOG_LEVEL: 'silent', TZ: 'UTC', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`${what} the API tests' database failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

async function admin(server: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
