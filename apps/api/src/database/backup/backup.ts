import { Extension, PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { AppConfig } from '../../config/app-config';
import { ObjectStorage } from '../../modules/storage/object-storage';
import { compareChecksums, RunQuery, TableChecksum, tableChecksums } from './table-checksums';

// The contrib entry's typings only describe its ESM build; the CJS build is the same extension.
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
const run = promisify(execFile);

export const BACKUP_FORMAT = 'xkx-backup/1';
const MANIFEST = 'manifest.json';
const PG_DUMP_FILE = 'database.pgdump';
const PGLITE_FILE = 'pglite-datadir.tar.gz';
const OBJECTS_DIR = 'objects';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  engine: 'postgresql' | 'pglite';
  databaseFile: string;
  lastMigration: string | null;
  tables: Record<string, TableChecksum>;
  objects: Array<{ key: string; bytes: number; sha256: string }>;
}

export interface RestoreReport {
  manifest: BackupManifest;
  /** Tables whose count or checksum differ from the backup's; empty when the restore is exact. */
  tableProblems: string[];
  /** Objects whose bytes differ or are missing after the restore. */
  objectProblems: string[];
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Backs up the configured database and every stored object into `outDir` (a new, empty directory):
 * PostgreSQL through pg_dump (custom format), the embedded database as a copy of its data directory.
 * The manifest keeps each table's row count and checksum and each object's hash, so a restore can
 * prove it is exact.
 */
export async function createBackup(
  config: AppConfig,
  storage: ObjectStorage,
  outDir: string,
): Promise<BackupManifest> {
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length > 0) throw new Error(`${outDir} is not empty`);
  const database = config.DATABASE_URL
    ? await dumpPostgres(config.DATABASE_URL, outDir)
    : await dumpPglite(pgliteDir(config), outDir);
  // Objects after the database: every row in the snapshot already has its object (objects are written
  // before their row commits and are never removed while a row refers to them).
  const objects: BackupManifest['objects'] = [];
  for await (const key of storage.list()) {
    const bytes = await storage.get(key);
    if (!bytes) continue;
    const path = join(outDir, OBJECTS_DIR, ...key.split('/'));
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, bytes);
    objects.push({ key, bytes: bytes.length, sha256: sha256(bytes) });
  }
  objects.sort((a, b) => a.key.localeCompare(b.key));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    ...database,
    objects,
  };
  await writeFile(join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Restores a backup into the configured database, which must be empty (a fresh PostgreSQL database, or
 * no embedded data directory yet), and its objects into the configured storage; then recomputes every
 * checksum and hash and reports each difference.
 */
export async function restoreBackup(
  config: AppConfig,
  storage: ObjectStorage,
  dir: string,
): Promise<RestoreReport> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new Error(`${dir} is not a 霞科行 backup (format ${String(manifest.format)})`);
  const engine = config.DATABASE_URL ? 'postgresql' : 'pglite';
  if (manifest.engine !== engine)
    throw new Error(`the backup is of ${manifest.engine}, the configured database is ${engine}`);
  const tables = config.DATABASE_URL
    ? await restorePostgres(config.DATABASE_URL, join(dir, manifest.databaseFile))
    : await restorePglite(pgliteDir(config), join(dir, manifest.databaseFile));
  const objectProblems: string[] = [];
  for (const object of manifest.objects) {
    const bytes = await readFile(join(dir, OBJECTS_DIR, ...object.key.split('/')));
    if (sha256(bytes) !== object.sha256) {
      objectProblems.push(`${object.key}: damaged in the backup`);
      continue;
    }
    await storage.put(object.key, bytes, 'application/octet-stream');
    const stored = await storage.get(object.key);
    if (!stored || sha256(stored) !== object.sha256)
      objectProblems.push(`${object.key}: differs after restore`);
  }
  return { manifest, tableProblems: compareChecksums(manifest.tables, tables), objectProblems };
}

function pgliteDir(config: AppConfig): string {
  const dataDir = config.embeddedDataDir;
  if (!dataDir) throw new Error('XKX_DATA_DIR=memory: keeps nothing to back up or restore into');
  return resolve(dataDir, 'pglite');
}

async function lastMigration(query: RunQuery): Promise<string | null> {
  // Checked first rather than caught: a failed statement would abort the snapshot's transaction.
  const [table] = await query<{ present: boolean }>(
    `SELECT to_regclass('public.migrations') IS NOT NULL AS present`,
  );
  if (!table?.present) return null;
  const rows = await query<{ name: string }>(`SELECT name FROM migrations ORDER BY "timestamp" DESC LIMIT 1`);
  return rows[0]?.name ?? null;
}

async function dumpPostgres(
  url: string,
  outDir: string,
): Promise<Omit<BackupManifest, 'format' | 'createdAt' | 'objects'>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // One snapshot for the checksums and pg_dump, so the manifest describes exactly what was dumped,
    // even while the app keeps writing.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot =
      (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]?.id ?? '';
    const query: RunQuery = async <T>(sql: string) => (await client.query(sql)).rows as T[];
    const tables = await tableChecksums(query);
    const migration = await lastMigration(query);
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${snapshot}`,
      `--file=${join(outDir, PG_DUMP_FILE)}`,
      `--dbname=${url}`,
    ]);
    await client.query('COMMIT');
    return { engine: 'postgresql', databaseFile: PG_DUMP_FILE, lastMigration: migration, tables };
  } finally {
    await client.end();
  }
}

async function restorePostgres(url: string, file: string): Promise<Record<string, TableChecksum>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    if (Number(rows[0]?.n ?? 0) > 0)
      throw new Error(
        'the target database is not empty: create a fresh database and point DATABASE_URL at it',
      );
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${url}`,
      file,
    ]);
    return await tableChecksums(async <T>(sql: string) => (await client.query(sql)).rows as T[]);
  } finally {
    await client.end();
  }
}

async function dumpPglite(
  dataDir: string,
  outDir: string,
): Promise<Omit<BackupManifest, 'format' | 'createdAt' | 'objects'>> {
  // The embedded database is one process's files: the app must be stopped while it is copied.
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  try {
    const query: RunQuery = async <T>(sql: string) => (await db.query<T>(sql)).rows;
    const tables = await tableChecksums(query);
    const migration = await lastMigration(query);
    const archive = await db.dumpDataDir('gzip');
    await writeFile(join(outDir, PGLITE_FILE), Buffer.from(await archive.arrayBuffer()));
    return { engine: 'pglite', databaseFile: PGLITE_FILE, lastMigration: migration, tables };
  } finally {
    await db.close();
  }
}

async function restorePglite(dataDir: string, file: string): Promise<Record<string, TableChecksum>> {
  const existing = await readdir(dataDir).catch(() => []);
  if (existing.length > 0)
    throw new Error(`${dataDir} already holds a database: point XKX_DATA_DIR at a fresh directory`);
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    loadDataDir: new Blob([await readFile(file)]),
  });
  try {
    return await tableChecksums(async <T>(sql: string) => (await db.query<T>(sql)).rows);
  } finally {
    await db.close();
  }
}
