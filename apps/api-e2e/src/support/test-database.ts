import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  /** postgres URL of a fresh database, or undefined for embedded PGlite in memory. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** The PostgreSQL server under test, if any (CI sets DATABASE_URL). */
export function serverUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** A fresh database on the server for one test file, or PGlite in memory when there is no server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = serverUrl();
  if (!base) return { url: undefined, drop: async () => undefined };
  const name = `xkx_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
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
