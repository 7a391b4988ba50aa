/*
 * The load generator, in a process of its own (forked by bench-load.ts) so that it never shares an event
 * loop with a server it measures. undici keep-alive pools, one request in flight per connection
 * (pipelining 1), each connection issuing its next request as soon as the previous answer is read.
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import type { RunResult } from './stats';

export interface Target {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Fixed routes: every connection takes the next target from the list, round robin. */
export interface FixedJob {
  kind: 'fixed';
  origin: string;
  targets: Target[];
  connections: number;
  seconds: number;
}

/** The mixed workload: reader connections drawing from weighted targets, and writers, one loop per signed-in user. */
export interface MixedJob {
  kind: 'mixed';
  origin: string;
  connections: number;
  seconds: number;
  reads: Array<{ weight: number; targets: Target[] }>;
  writers: Writer[];
}

export type Writer =
  | { kind: 'create-result'; token: string; body: Record<string, unknown> }
  | { kind: 'edit-need'; token: string; needId: string; version: number; body: Record<string, unknown> };

export interface MixedResult {
  reads: RunResult;
  writes: RunResult;
  byLabel: Record<string, { requests: number; errors: number }>;
}

type Answer = { status: number; ms: number; text: string; error?: string };

async function call(pool: Pool, t: Target): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await pool.request({ method: t.method, path: t.path, headers: t.headers, body: t.body });
    const text = await res.body.text();
    return { status: res.statusCode, ms: performance.now() - started, text };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, text: '', error: error instanceof Error ? error.message : String(error) };
  }
}

/** An error body's code (bodies carry a request id, which would make every failure its own kind). */
function errorCode(text: string): string {
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    return String(body.code ?? body.message ?? text.slice(0, 120));
  } catch {
    return text.slice(0, 120);
  }
}

class Recorder {
  latencies: number[] = [];
  requests = 0;
  errors = 0;
  failures: Record<string, number> = {};
  record(a: Answer, label?: string): void {
    this.requests++;
    this.latencies.push(a.ms);
    if (a.status < 200 || a.status >= 300) {
      this.errors++;
      const key = `${label ? `${label} ` : ''}${a.error ?? a.status}${a.status >= 400 ? ` ${errorCode(a.text)}` : ''}`;
      this.failures[key] = (this.failures[key] ?? 0) + 1;
    }
  }
  result(seconds: number): RunResult {
    return { requests: this.requests, errors: this.errors, seconds, latencies: this.latencies.sort((a, b) => a - b), failures: this.failures };
  }
}

async function fixed(job: FixedJob): Promise<RunResult> {
  const pool = new Pool(job.origin, { connections: job.connections, pipelining: 1 });
  const recorder = new Recorder();
  let next = 0;
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < deadline) recorder.record(await call(pool, job.targets[next++ % job.targets.length] as Target));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return recorder.result(seconds);
}

async function mixed(job: MixedJob): Promise<MixedResult> {
  const pool = new Pool(job.origin, { connections: job.connections + job.writers.length, pipelining: 1 });
  const reads = new Recorder();
  const writes = new Recorder();
  const byLabel: MixedResult['byLabel'] = {};
  const count = (label: string, a: Answer): void => {
    const entry = (byLabel[label] ??= { requests: 0, errors: 0 });
    entry.requests++;
    if (a.status < 200 || a.status >= 300) entry.errors++;
  };
  const totalWeight = job.reads.reduce((n, r) => n + r.weight, 0);
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  const reader = async (): Promise<void> => {
    while (performance.now() < deadline) {
      let w = random() * totalWeight;
      const group = job.reads.find((r) => (w -= r.weight) < 0) ?? (job.reads[0] as MixedJob['reads'][number]);
      const target = group.targets[Math.floor(random() * group.targets.length)] as Target;
      const label = `GET ${target.path.replace(/\?.*$/, '').replace(/[0-9a-f-]{36}|R\d{4}-\d{6}|N\d{4}-\d{6}/g, ':id')}`;
      const a = await call(pool, target);
      reads.record(a, label);
      count(label, a);
    }
  };
  const writer = async (w: Writer, n: number): Promise<void> => {
    const headers = { authorization: `Bearer ${w.token}`, 'content-type': 'application/json' };
    let i = 0;
    while (performance.now() < deadline) {
      i++;
      if (w.kind === 'create-result') {
        const body = JSON.stringify({ ...w.body, title: `${String(w.body['title'])} 第${n}-${i}稿` });
        const a = await call(pool, { method: 'POST', path: '/api/results', headers, body });
        writes.record(a, 'POST /api/results');
        count('POST /api/results', a);
      } else {
        const body = JSON.stringify({ ...w.body, problem: `${String(w.body['problem'])}（第${i}次修改）`, version: w.version });
        const a = await call(pool, { method: 'PATCH', path: `/api/needs/${w.needId}`, headers, body });
        writes.record(a, 'PATCH /api/needs/:id');
        count('PATCH /api/needs/:id', a);
        if (a.status === 200) w.version = (JSON.parse(a.text) as { version: number }).version;
      }
    }
  };
  await Promise.all([...Array.from({ length: job.connections }, reader), ...job.writers.map((w, n) => writer(w, n))]);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { reads: reads.result(seconds), writes: writes.result(seconds), byLabel };
}

process.on('message', (job: FixedJob | MixedJob) => {
  const run = job.kind === 'fixed' ? fixed(job) : mixed(job);
  run.then(
    (result) => process.send?.({ result }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
