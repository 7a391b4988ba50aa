import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { Extension, PGlite, types } from '@electric-sql/pglite';
import { PGliteDriver } from 'typeorm-pglite';
// Not re-exported by the package index; it owns the single PGlite instance and its options.
import { PGliteInstance } from 'typeorm-pglite/dist/pglite-instance';

// The contrib entry's typings only describe its ESM build; the CJS build is the same extension.
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };

type QueryCallback = (error: Error | null, result?: unknown) => void;
type Release = (error?: unknown) => void;
type ConnectCallback = (error: Error | null, client: PGliteClient | null, release: Release) => void;

/** How long a caller waits for the single embedded connection before we call it a deadlock. */
const ACQUIRE_TIMEOUT_MS = 30_000;

/**
 * PGlite is one Postgres backend: it has exactly one session. typeorm-pglite hands that session
 * to every TypeORM "connection" at once, so two requests with open transactions would interleave
 * their statements. This pool hands it out to one holder at a time, like a pg pool of size 1.
 */
class LockedPGlitePool extends EventEmitter {
  private tail: Promise<void> = Promise.resolve();

  connect(callback?: ConnectCallback): Promise<PGliteClient> {
    let unlock!: () => void;
    const turn = new Promise<void>((resolve) => (unlock = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => turn);
    const acquired = waitWithTimeout(previous, ACQUIRE_TIMEOUT_MS).then(async () => {
      await PGliteInstance.getInstance();
      let released = false;
      const release: Release = () => {
        if (!released) {
          released = true;
          unlock();
        }
      };
      return { client: new PGliteClient(release), release };
    });
    return acquired.then(
      ({ client, release }) => {
        callback?.(null, client, release);
        return client;
      },
      (error: Error) => {
        unlock();
        callback?.(error, null, () => undefined);
        throw error;
      },
    );
  }

  end(callback?: (error: Error | null) => void): void {
    PGliteInstance.close().then(
      () => callback?.(null),
      (error: Error) => callback?.(error),
    );
  }
}

class PGliteClient extends EventEmitter {
  constructor(readonly release: Release) {
    super();
  }

  query(sql: string, params?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<unknown> {
    const cb = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : undefined;
    const run = PGliteInstance.getInstance().then(async (db: PGlite) => {
      if (values && values.length > 0) return db.query(sql, values);
      // Simple protocol for parameterless text: allows the multi-statement scripts migrations use.
      const results = await db.exec(sql);
      return results[results.length - 1] ?? { rows: [], fields: [], affectedRows: 0 };
    });
    return run.then(
      (result) => {
        const shaped = toPgResult(result, sql);
        cb?.(null, shaped);
        return shaped;
      },
      (error: Error) => {
        cb?.(error);
        throw error;
      },
    );
  }
}

/**
 * Shapes a PGlite result like node-postgres's: TypeORM reads `rowCount` for affected rows and `command`
 * to decide what `query()` returns (UPDATE/DELETE give [rows, count] on both drivers this way).
 */
function toPgResult(result: unknown, sql: string): unknown {
  const r = result as { rows: unknown[]; affectedRows?: number; fields: unknown[] };
  const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  return { ...r, rowCount: r.affectedRows ?? r.rows.length, command };
}

function waitWithTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `Embedded database busy for ${ms} ms: a connection is held too long (nested query outside its transaction?)`,
          ),
        ),
      ms,
    );
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface PGliteDriverOptions {
  /** Directory for the database files; undefined keeps everything in memory. */
  dataDir?: string;
  /** In memory only: start from this data-directory tarball (PGlite's dumpDataDir) instead of initdb. */
  snapshotFile?: string;
}

/**
 * The `driver` for TypeORM's postgres dialect, backed by embedded PGlite. Parsers mirror
 * node-postgres so the app sees the same values on both databases: int8 and numeric as
 * strings (exact money), date as 'YYYY-MM-DD'.
 */
export function createPGliteDriver(options: PGliteDriverOptions): object {
  if (options.snapshotFile && options.dataDir) throw new Error('a snapshot is only loaded into an in-memory database');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const identity = (value: string): string => value;
  // typeorm-pglite keeps the single PGlite instance and its options; we only replace its pool.
  new PGliteDriver({
    dataDir: options.dataDir,
    loadDataDir: options.snapshotFile ? readSnapshot(options.snapshotFile) : undefined,
    extensions: { pg_trgm },
    parsers: { [types.INT8]: identity, [types.NUMERIC]: identity, [types.DATE]: identity },
  });
  return { Pool: LockedPGlitePool };
}

function readSnapshot(file: string): Blob {
  const bytes = readFileSync(file);
  // PGlite gunzips a tarball whose type says gzip; a plain tar is read as it is.
  const blob = new Blob([], { type: file.endsWith('.gz') ? 'application/gzip' : 'application/x-tar' });
  // PGlite reads it once, whole, with arrayBuffer(). Node's Blob hands a large one over in small chunks
  // it then joins again: half a second of CPU for the API tests' 40–60 MB snapshot, in every test file.
  // The bytes already in memory are handed over as they are.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const buffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
  return Object.assign(blob, { arrayBuffer: async (): Promise<ArrayBuffer> => buffer });
}

export async function closePGlite(): Promise<void> {
  await PGliteInstance.close();
}
