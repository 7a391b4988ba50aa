import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Set by the global setup: a data directory the built server has migrated and seeded with the demo market. */
export const SEEDED_DATA_DIR_ENV = 'XKX_E2E_SEEDED_DATA_DIR';

/**
 * A data directory of the demo market for one spec file: a copy of the one the global setup seeded, so
 * each file skips PGlite's initdb, the migrations and the demo seed (the server then starts as it would
 * on its second day). Without the global setup it is empty and the server seeds it itself.
 */
export function freshDataDir(): string {
  const dir = emptyDataDir();
  const seeded = process.env[SEEDED_DATA_DIR_ENV];
  if (seeded && existsSync(seeded)) cpSync(seeded, dir, { recursive: true });
  return dir;
}

/** An empty data directory: the first start of a new installation (initdb, migrations, demo seed). */
export function emptyDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'xkx-e2e-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

/** Journeys sign in and search far more often than a person; the API tests cover the limits. */
const HIGH_RATE_LIMITS = Object.fromEntries(
  ['SIGN_IN_ACCOUNT', 'SIGN_IN_ADDRESS', 'REGISTER', 'FORGOT_PASSWORD_ADDRESS', 'FORGOT_PASSWORD_EMAIL', 'OBJECTIONS', 'INTRODUCTIONS', 'MESSAGES', 'SEARCH', 'IMPORTS'].map((name) => [`RATE_LIMIT_${name}`, '1000000/1m']),
);

/**
 * Starts the platform the way a user does: `npm start` (which builds what is stale, then serves
 * API and web on one port), or the built server directly when `viaNpmStart` is false.
 * The database is embedded PGlite in `dataDir` unless the caller passes DATABASE_URL.
 */
export async function startServer(options: {
  dataDir: string;
  viaNpmStart?: boolean;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    XKX_DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    ...HIGH_RATE_LIMITS,
    ...options.env,
  };
  // The tests of the embedded database must not talk to CI's PostgreSQL by accident.
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child: ChildProcess = options.viaNpmStart
    ? spawn('npm', ['start'], { cwd: WORKSPACE_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['dist/api/apps/api/src/main.js'], {
        cwd: WORKSPACE_ROOT,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return { baseUrl, dataDir: options.dataDir, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`server did not become healthy in time:\n${log}`);
}
