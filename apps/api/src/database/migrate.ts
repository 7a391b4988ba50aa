import { DataSource, Migration } from 'typeorm';

/** Any fixed 64-bit number; it only has to be the same for every instance of this app. */
export const MIGRATION_LOCK_KEY = '7305281966117001';

/**
 * Applies pending migrations holding a PostgreSQL advisory lock, so instances started together take
 * turns: the first migrates, the others wait for it and then find nothing to do.
 */
export function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  return withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
}

/** Undoes the last migration under the same lock. */
export function undoLastMigrationLocked(dataSource: DataSource): Promise<void> {
  return withMigrationLock(dataSource, () => dataSource.undoLastMigration({ transaction: 'each' }));
}

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  // The embedded PGlite is one process with one connection: nobody to race, and no spare connection.
  const usesServer = 'url' in dataSource.options && Boolean(dataSource.options.url);
  if (!usesServer) return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
