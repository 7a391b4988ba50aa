// Jest globalSetup/globalTeardown of the API tier: migrate once, copy per test file.
// Migrating (and, on PGlite, running initdb) for every test file cost more than most files'
// assertions. Instead the migration CLI (`npm run db:migrate`, the operators' path) migrates once
// here, and each test file's database is a copy (test-database.ts):
// - PostgreSQL: a template database; files get `CREATE DATABASE … TEMPLATE` it.
// - PGlite: a data directory on disk, dumped to a tarball; each file's in-memory PGlite loads it.
// The app still runs its start-up migrations on the copy, which then find nothing to do. Specs
// about migrations, backups and first start keep an empty database.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Extension, PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { SNAPSHOT_ENV, TEMPLATE_ENV } from './test-database';

// The contrib entry's typings only describe its ESM build; the CJS build is the same extension.
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };

const WORKSPACE = resolve(__dirname, '../../../..');

export async function setup(): Promise<void> {
  const started = Date.now();
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `xkx_test_template_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(server, `CREATE DATABASE "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    migrate({ DATABASE_URL: url.toString() });
    // No connections may exist while it is copied; this also keeps a stray client from opening one.
    await admin(server, `ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    process.env[TEMPLATE_ENV] = name;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'xkx-api-e2e-'));
    migrate({ XKX_DATA_DIR: join(dir, 'data') });
    const db = await PGlite.create(join(dir, 'data', 'pglite'), { extensions: { pg_trgm } });
    // Uncompressed: loading it costs less CPU than gunzipping a tenth of the size.
    const tarball = await db.dumpDataDir('none');
    await db.close();
    const file = join(dir, 'migrated.tar');
    writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    process.env[SNAPSHOT_ENV] = file;
  }
  console.log(`\napi-e2e: migrated the ${server ? 'template database' : 'PGlite snapshot'} in ${Date.now() - started} ms`);
}

export async function teardown(): Promise<void> {
  const server = process.env.DATABASE_URL;
  const name = process.env[TEMPLATE_ENV];
  if (server && name) {
    await admin(server, `ALTER DATABASE "${name}" WITH IS_TEMPLATE false`);
    await admin(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const snapshot = process.env[SNAPSHOT_ENV];
  if (snapshot) rmSync(dirname(snapshot), { recursive: true, force: true });
}

/** `npm run db:migrate` with the given environment; throws with its output when it fails. */
function migrate(env: Record<string, string>): void {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/database/cli.ts', 'run'], {
    cwd: WORKSPACE,
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`migrating the API tests' database failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
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
