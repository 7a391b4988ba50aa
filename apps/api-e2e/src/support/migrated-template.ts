// Jest globalSetup/globalTeardown of the API tier: migrate once, copy per test file.
// Migrating on every test file's fresh database cost more than most files' assertions; instead the
// migration CLI (`npm run db:migrate`, the operators' path) migrates one template database here, and
// each file's database is a copy of it (test-database.ts). The app still runs its start-up migration
// check on that copy, which then finds nothing to do. Specs about migrations themselves keep using
// an empty database.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';

/** How workers learn the template's name: set here, inherited by the jest workers. */
export const TEMPLATE_ENV = 'XKX_TEST_TEMPLATE_DATABASE';

const WORKSPACE = resolve(__dirname, '../../../..');

export async function setup(): Promise<void> {
  const server = process.env.DATABASE_URL;
  if (!server) return;
  const name = `xkx_test_template_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(server, `CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  migrate({ DATABASE_URL: url.toString() });
  // No connections may exist while it is copied; this also keeps a stray client from opening one.
  await admin(server, `ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  process.env[TEMPLATE_ENV] = name;
}

export async function teardown(): Promise<void> {
  const server = process.env.DATABASE_URL;
  const name = process.env[TEMPLATE_ENV];
  if (!server || !name) return;
  await admin(server, `ALTER DATABASE "${name}" WITH IS_TEMPLATE false`);
  await admin(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** `npm run db:migrate` with the given environment; throws with its output when it fails. */
function migrate(env: Record<string, string>): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/database/cli.ts', 'run'], {
    cwd: WORKSPACE,
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`migrating the test template failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`\napi-e2e: migrated the template database in ${Date.now() - started} ms`);
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
