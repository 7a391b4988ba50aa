import { NestExpressApplication } from '@nestjs/platform-express';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import {
  BackupManifest,
  createApp,
  createBackup,
  createObjectStorage,
  loadConfig,
  OBJECT_STORAGE,
  ObjectStorage,
  restoreBackup,
  tableChecksums,
} from '@xkx/api/testing';
import { DEMO } from '../support/auth';
import { createTestDatabase, serverUrl, TestDatabase } from '../support/test-database';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

// On PostgreSQL (DATABASE_URL set) this exercises pg_dump/pg_restore; otherwise the embedded database's files.
describe(`backup and restore (${serverUrl() ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const dirs: string[] = [];
  const databases: TestDatabase[] = [];
  let app: NestExpressApplication | undefined;
  const tempDir = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'xkx-backup-'));
    dirs.push(dir);
    return dir;
  };
  const configFor = async (): Promise<ReturnType<typeof loadConfig>> => {
    const database = await createTestDatabase();
    databases.push(database);
    return loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      XKX_WEB_DIR: '',
      XKX_DEMO_SEED: 'true',
      XKX_DATA_DIR: await tempDir(),
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    });
  };
  const checksumsOf = async (
    config: ReturnType<typeof loadConfig>,
  ): Promise<Awaited<ReturnType<typeof tableChecksums>>> => {
    if (!config.DATABASE_URL) throw new Error('embedded databases are checked by the restore itself');
    const client = new Client({ connectionString: config.DATABASE_URL });
    await client.connect();
    try {
      return await tableChecksums(async <T>(sql: string) => (await client.query(sql)).rows as T[]);
    } finally {
      await client.end();
    }
  };

  afterAll(async () => {
    await app?.close();
    for (const database of databases) await database.drop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('restores every row of every table and every stored file into a fresh database, which then serves', async () => {
    // A source with demo data in most tables and two files, one of them binary.
    const source = await configFor();
    app = await createApp(source);
    const storage = app.get<ObjectStorage>(OBJECT_STORAGE);
    const files = new Map([
      ['contract/scan-1.pdf', Buffer.from('%PDF-1.4 签署页扫描件\n')],
      ['payment/receipt-1.png', randomBytes(4096)],
    ]);
    for (const [key, bytes] of files) await storage.put(key, bytes, 'application/octet-stream');
    // The database at rest: a running app's background jobs (the matching snapshot) may still write.
    await app.close();
    app = undefined;
    const before = source.DATABASE_URL ? await checksumsOf(source) : undefined;

    const out = join(await tempDir(), 'backup');
    const manifest: BackupManifest = await createBackup(source, createObjectStorage(source), out);
    expect(manifest.engine).toBe(source.DATABASE_URL ? 'postgresql' : 'pglite');
    expect(Object.keys(manifest.tables).length).toBeGreaterThan(30);
    expect(manifest.tables['organization']!.rows).toBeGreaterThan(5);
    expect(manifest.tables['result']!.rows + manifest.tables['need']!.rows).toBeGreaterThan(50);
    expect(manifest.lastMigration).toMatch(/^[A-Z]\w+\d{13}$/);
    expect(manifest.objects).toEqual(
      [...files].map(([key, bytes]) => ({ key, bytes: bytes.length, sha256: sha(bytes) })),
    );
    if (before) expect(manifest.tables).toEqual(before);

    // A fresh database and an empty storage: everything comes back, proven by counts, checksums and hashes.
    const target = await configFor();
    const targetStorage = createObjectStorage(target);
    const report = await restoreBackup(target, targetStorage, out);
    expect(report.tableProblems).toEqual([]);
    expect(report.objectProblems).toEqual([]);
    for (const [key, bytes] of files) expect(sha((await targetStorage.get(key))!)).toBe(sha(bytes));
    if (target.DATABASE_URL) expect(await checksumsOf(target)).toEqual(manifest.tables);

    // Restoring over a database that holds data is refused rather than merged.
    await expect(restoreBackup(target, targetStorage, out)).rejects.toThrow(/not empty|already holds/);

    // The restored database is a working one: the app starts on it (no seed: it is not empty) and signs in.
    app = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        XKX_WEB_DIR: '',
        XKX_DEMO_SEED: 'false',
        XKX_DATA_DIR: target.XKX_DATA_DIR,
        ...(target.DATABASE_URL ? { DATABASE_URL: target.DATABASE_URL } : {}),
      }),
    );
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', '10.9.40.1')
      .send(DEMO.admin)
      .expect(200);
  }, 240_000);
});
