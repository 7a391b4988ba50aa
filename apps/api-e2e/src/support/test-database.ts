import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where the global setup (migrated-template.ts) leaves what test files copy; jest workers inherit it. */
export const TEMPLATE_ENV = 'XKX_TEST_TEMPLATE_DATABASE';
export const SNAPSHOT_ENV = 'XKX_TEST_PGLITE_SNAPSHOT';
/** The same after the app's demo seed ran on it once (seed-template.ts). */
export const SEEDED_TEMPLATE_ENV = 'XKX_TEST_SEEDED_TEMPLATE_DATABASE';
export const SEEDED_SNAPSHOT_ENV = 'XKX_TEST_PGLITE_SEEDED_SNAPSHOT';
/**
 * PostgreSQL: the prefix of every database this run creates for its test files. Set by the global setup,
 * whose teardown drops them all at once (dropTestDatabases); without it each database is dropped when
 * its file is done with it.
 */
export const RUN_PREFIX_ENV = 'XKX_TEST_DATABASE_PREFIX';

export interface TestDatabase {
  /** postgres URL of a fresh database, or undefined for embedded PGlite in memory. */
  url: string | undefined;
  /** PGlite only: the migrated tarball the in-memory database starts from (createApp's embeddedSnapshot). */
  embeddedSnapshot?: string;
  drop(): Promise<void>;
}

/** One statement on a PostgreSQL database through a connection of its own (what a spec checks behind the app's back). */
export async function queryDatabase<T>(
  url: string | undefined,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
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
    const embeddedSnapshot = options.migrated
      ? process.env[options.seeded ? SEEDED_SNAPSHOT_ENV : SNAPSHOT_ENV]
      : undefined;
    return { url: undefined, embeddedSnapshot, drop: async () => undefined };
  }
  const prefix = process.env[RUN_PREFIX_ENV];
  const name = `${prefix ?? 'xkx_test'}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = options.migrated
    ? process.env[options.seeded ? SEEDED_TEMPLATE_ENV : TEMPLATE_ENV]
    : undefined;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(
      template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // Each DROP DATABASE waits for a checkpoint (about a second on a busy server); drops that run at
    // the same time share one. So within a run the global teardown drops them all together.
    drop: prefix ? async () => undefined : () => dropDatabases(base, [name]),
  };
}

/** The global teardown's half: every database the run created, dropped at once. */
export async function dropTestDatabases(server: string, prefix: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  let names: string[];
  try {
    const rows = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [`${prefix}_`],
    );
    names = rows.rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
  await dropDatabases(server, names);
}

/** Drops the databases, a few at a time on connections of their own (so their checkpoints coincide). */
async function dropDatabases(server: string, names: string[]): Promise<void> {
  const queue = [...names];
  const dropper = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const client = new Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, dropper));
}
