import { resolve } from 'node:path';
import { types as pgTypes } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { createPGliteDriver } from './pglite/pglite-pool';

export interface DatabaseTarget {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; undefined = in memory (tests). */
  dataDir?: string;
  /**
   * In-memory PGlite only: start from this data-directory tarball (PGlite's dumpDataDir) instead of an
   * empty database. The API tests start every test file from one migrated snapshot this way.
   */
  embeddedSnapshot?: string;
}

// node-postgres would turn DATE into a local-time Date; keep the calendar date as written.
pgTypes.setTypeParser(pgTypes.builtins.DATE, (value) => value);

/** One definition for the app, the tests and the migration CLI. Never synchronize. */
export function buildDataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    // Extensions are created by migrations, the same way on both databases.
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
  };
  if (target.databaseUrl) {
    if (target.embeddedSnapshot) throw new Error('an embedded snapshot does not apply to a PostgreSQL server');
    return { ...common, url: target.databaseUrl, poolSize: 10, connectTimeoutMS: 5000, applicationName: 'xiakexing' };
  }
  return {
    ...common,
    driver: createPGliteDriver({
      dataDir: target.dataDir ? resolve(target.dataDir, 'pglite') : undefined,
      snapshotFile: target.embeddedSnapshot,
    }),
  };
}

export function createDataSource(target: DatabaseTarget): DataSource {
  return new DataSource(buildDataSourceOptions(target));
}
