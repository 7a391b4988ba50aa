import { shanghaiDate } from '@xkx/util';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How many answers are kept; the dashboard asks for about ten per filter set. */
const MAX_ENTRIES = 300;

/**
 * Answers of the KPI routes, kept per data version (kpi_data_version: bumped at the commit of every
 * transaction that changes a table a figure reads, see migration KpiDataVersion) and per day (`asOf`).
 * Reading the version costs one primary-key lookup; a stale answer cannot be served, because the version
 * becomes visible in the same commit as the data. An answer computed while a write commits may be newer
 * than its version: it is only ever replaced, never wrong. Concurrent identical requests share one query.
 */
@Injectable()
export class KpiCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private version = '';
  private day = '';

  constructor(private readonly dataSource: DataSource) {}

  async get<T>(route: string, params: object, compute: () => Promise<T>): Promise<T> {
    const [row] = await this.dataSource.query<Array<{ version: string }>>(`SELECT version::text AS version FROM kpi_data_version WHERE id = 1`);
    const day = shanghaiDate();
    if (row?.version !== this.version || day !== this.day) {
      this.entries.clear();
      this.version = row?.version ?? '';
      this.day = day;
    }
    const key = `${route}?${stableJson(params)}`;
    const hit = this.entries.get(key) as Promise<T> | undefined;
    if (hit) {
      // Map order is the eviction order: a hit moves to the back.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const answer = compute();
    this.entries.set(key, answer);
    answer.catch(() => this.entries.get(key) === answer && this.entries.delete(key));
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return answer;
  }
}

/** JSON with sorted keys and no undefined values, so equal queries give equal keys. */
function stableJson(value: object): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}
