/** What one timed run of one route against one server gave. */
export interface RunResult {
  requests: number;
  errors: number;
  seconds: number;
  /** Latencies in ms, sorted ascending. */
  latencies: number[];
  /** Statuses that were not 2xx, and transport errors, by name: what the errors were. */
  failures: Record<string, number>;
}

/** Nearest-rank percentile of an ascending list (p in 0..100); NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface SideSummary {
  /** Median over the runs of each run's requests/s. */
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  runs: number[];
}

/** Several runs of one route on one server: requests/s is the median of the runs, p50/p99 over all requests. */
export function summarize(runs: readonly RunResult[]): SideSummary {
  const rates = runs.map((r) => (r.seconds > 0 ? r.requests / r.seconds : 0));
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    rps: median(rates),
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    runs: rates,
  };
}

/** app/bare throughput; NaN when the bare side did nothing (a broken run, not a ratio). */
export function ratio(app: number, bare: number): number {
  return bare > 0 ? app / bare : NaN;
}

export const round = (x: number, digits = 1): number => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
