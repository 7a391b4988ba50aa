import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where the global setup (migrated-template.ts) leaves what test files copy; jest workers inherit it. */
export const TEMPLATE_ENV = 'XKX_TEST_TEMPLATE_DATABASE';
export const SNAPSHOT_ENV = 'XKX_TEST_PGLITE_SNAPSHOT';
/** The same after the app's demo seed ran on it once (seed-template.ts). */
export const SEEDED_TEMPLATE_ENV = 'XKX_TEST_SEEDED_TEMPLATE_DATABASE';
export const SEEDED_SNAPSHOT_ENV = 'XKX_TEST_PGLITE_SEEDED_SNAPSHOT';

export interface TestDatabase {
  /** postgres URL of a fresh database, or undefined for embedded PGlite in memory. */
  url: string | undefined;
  /** PGlite only: the migrated tarball the in-memory database starts from (createApp's embeddedSnapshot). */
  embeddedSnapshot?: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server under test, if any (CI sets DATABASE_URL). */
export function serverUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export interface TestDatabaseOptions {
  /**
   * Start from a copy of the database the API tier migrated once (global-setup.ts), instead of an
   * empty one: a copy of a template database on PostgreSQL, a data-directory snapshot on PGlite.
   * The app's start-up migration run then finds nothing to do. Specs about migrations, backups and
   * first start keep the default, an empty database.
   */
  migrated?: boolean;
  /**
   * With `migrated`: start from the copy the demo seed already ran on (for apps started with
   * XKX_DEMO_SEED=true, whose own seed then finds data and does nothing, as on a restart).
   */
  seeded?: boolean;
}

/** A fresh database on the server for one test file, or PGlite in memory when there is no server. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const base = serverUrl();
  if (!base) {
    const embeddedSnapshot = options.migrated ? process.env[options.seeded ? SEEDED_SNAPSHOT_ENV : SNAPSHOT_ENV] : undefined;
    return { url: undefined, embeddedSnapshot, drop: async () => undefined };
  }
  const name = `xkx_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = options.migrated ? process.env[options.seeded ? SEEDED_TEMPLATE_ENV : TEMPLATE_ENV] : undefined;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
