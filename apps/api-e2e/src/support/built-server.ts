import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
/**
 * The same build as `npm run build`'s API half, into a folder of this test worker's own: the browser tier
 * runs servers from dist/api beside this tier, and two workers here may build at once.
 */
export const BUILD_DIR = `dist/api-e2e/worker-${process.env.JEST_WORKER_ID ?? '1'}`;
export const MAIN_JS = `${BUILD_DIR}/apps/api/src/main.js`;
export const JWT_SECRET = 'production-spec-secret-0123456789abcdef';

/** `npm run build`'s API half (SWC, into BUILD_DIR); the web app is not needed by these specs. */
export function buildApi(): number {
  const started = Date.now();
  execFileSync(process.execPath, ['tools/build/build-api.mjs', BUILD_DIR], { cwd: WORKSPACE_ROOT, stdio: 'pipe' });
  return Date.now() - started;
}

export async function freePort(): Promise<number> {
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

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** One request on a fresh connection (no keep-alive pool), so "no new connections" is observable. */
export function http(port: number, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
  return new Promise((ok, fail) => {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON
          }
          ok({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

export interface BuiltServer {
  port: number;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<number | null>;
  waitUntilReady(timeoutMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): void;
}

/** `node …/apps/api/src/main.js` with NODE_ENV=production, as the README's Production section runs it (dist/api there). */
export async function startBuiltServer(env: Record<string, string>): Promise<BuiltServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: WORKSPACE_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      NODE_ENV: 'production',
      JWT_SECRET,
      PORT: String(port),
      LOG_LEVEL: 'info',
      XKX_WEB_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return {
    port,
    child,
    output: () => log,
    exited,
    kill: (signal = 'SIGTERM') => child.kill(signal),
    async waitUntilReady(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
        const res = await http(port, 'GET', '/api/health/ready').catch(() => undefined);
        if (res?.status === 200) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`server not ready after ${timeoutMs} ms:\n${log}`);
    },
  };
}

export const WORKER_JS = `${BUILD_DIR}/apps/api/src/worker.js`;

export interface BuiltWorker {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Resolves once the worker says it runs the queue. */
  waitUntilRunning(timeoutMs?: number): Promise<void>;
  kill(signal?: NodeJS.Signals): void;
}

/** `node …/apps/api/src/worker.js` (`npm run start:worker`), NODE_ENV=production unless `env` says otherwise. */
export function startBuiltWorker(env: Record<string, string>): BuiltWorker {
  const child = spawn(process.execPath, [WORKER_JS], {
    cwd: WORKSPACE_ROOT,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NODE_ENV: 'production', JWT_SECRET, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return {
    child,
    output: () => log,
    exited,
    kill: (signal = 'SIGTERM') => child.kill(signal),
    async waitUntilRunning(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode}:\n${log}`);
        if (log.includes('worker is running')) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`worker not running after ${timeoutMs} ms:\n${log}`);
    },
  };
}
