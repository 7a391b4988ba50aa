import { ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../../..');
/** The bench's own build of the API (tools/build/build-api.mjs), so it never replaces the dist/api another lane runs. */
export const BUILD_DIR = 'dist/bench-load/api';
export const JWT_SECRET = 'bench-load-secret-0123456789abcdef0123';

/** Every child the bench starts, so Ctrl-C and failures stop all of them. */
const children = new Set<ChildProcess>();

export function stopAllChildren(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
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

/** `npm run build`'s API half, into the bench's folder (about a second with SWC). */
export function buildApi(): void {
  execFileSync(process.execPath, ['tools/build/build-api.mjs', BUILD_DIR], { cwd: ROOT, stdio: 'pipe' });
}

export interface Child {
  name: string;
  port: number;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not gone after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  log(): string;
}

function track(name: string, port: number, child: ChildProcess, logFile: string): Child {
  children.add(child);
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  void exited.then(() => children.delete(child));
  return {
    name,
    port,
    process: child,
    exited,
    log: () => readFileSync(logFile, 'utf8'),
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The built app (`node dist/…/main.js`, as `npm start` runs it). Its log lines go to a file, not to a
 * pipe this process would have to drain while it drives load: production writes them to a file too.
 */
export async function startBuiltApp(env: Record<string, string>, logFile: string): Promise<Child> {
  const port = await freePort();
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [join(BUILD_DIR, 'apps/api/src/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NODE_ENV: 'production', JWT_SECRET, PORT: String(port), XKX_WEB_DIR: '', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  return track('app', port, child, logFile);
}

/** A TypeScript module of the bench in its own Node process (SWC register, as the npm scripts run the benches). */
export function forkBench(name: string, module: string, args: string[], logFile: string, port = 0): Child {
  const fd = openSync(logFile, 'a');
  const child = fork(join(ROOT, 'tools/bench/src/load', module), args, {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: 'tools/bench/tsconfig.json' },
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', fd, fd, 'ipc'],
  });
  closeSync(fd);
  return track(name, port, child, logFile);
}

/** Polls a URL until it answers 200 (the app's readiness includes the matching index). */
export async function waitFor(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited with ${child.process.exitCode}:\n${child.log().slice(-4000)}`);
    const status = await fetch(url)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${child.name} not ready after ${timeoutMs} ms:\n${child.log().slice(-4000)}`);
}

/** Waits until the child's log has a line matching `pattern` (what a route cannot tell from outside). */
export async function waitForLog(child: Child, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited with ${child.process.exitCode}:\n${child.log().slice(-4000)}`);
    if (pattern.test(child.log())) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${child.name}: no log line ${String(pattern)} after ${timeoutMs} ms:\n${child.log().slice(-4000)}`);
}
