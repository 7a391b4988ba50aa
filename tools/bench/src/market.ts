import { NestExpressApplication } from '@nestjs/platform-express';
import { createApp, loadConfig, SearchTextService } from '@xkx/api/testing';
import type { TextAnalyzer } from '@xkx/text-zh';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** Deterministic pseudo-random numbers, so every run builds the same market. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchRow {
  title: string;
  summary: string;
  keywords: string[];
}

export function readRows(dir = 'data/match-bench/csl'): { results: BenchRow[]; needs: BenchRow[] } {
  const read = (file: string): Array<Record<string, unknown>> =>
    readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const rows = (items: Array<Record<string, unknown>>, text: string): BenchRow[] =>
    items.map((r) => ({ title: String(r['title'] ?? ''), summary: String(r[text] ?? ''), keywords: (r['keywords'] as string[] | undefined) ?? [] }));
  return { results: rows(read('results.jsonl'), 'summary'), needs: rows(read('needs.jsonl'), 'description') };
}

/** A fresh scratch database on the PostgreSQL server (DATABASE_URL, default the local one). */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startBenchApp(databaseUrl: string): Promise<{ app: NestExpressApplication; baseUrl: string }> {
  // One client asks hundreds of searches a minute: the search rate limit (300/min per address) would refuse them.
  const app = await createApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', XKX_WEB_DIR: '', XKX_DEMO_SEED: 'true', DATABASE_URL: databaseUrl, RATE_LIMIT_SEARCH: '999999999/1m' }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

const FIELDS = ['NE.PV', 'NE.BAT', 'NE.H2', 'BIO.DRUG', 'BIO.TCM', 'AI.CV', 'AI.NLP', 'IME.ROBOT', 'ICV.AD', 'EIC.IC', 'NM.FIBER', 'PC.CAT', 'EP.WATER'];
const MODES = ['TRANSFER', 'LICENSE_EXCLUSIVE', 'LICENSE_GENERAL', 'CO_DEVELOPMENT', 'SERVICE', 'EQUITY'];

/** What the bulk writer needs of a database: the app's DataSource and a pg Client both fit. */
export type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface BulkOptions {
  /** The listing's code; the default (RB-0000042) is not one the detail routes accept, `detailCode` is. */
  code?: (kind: 'result' | 'need', i: number) => string;
  onProgress?: (n: number) => void;
  /** The weight-D document (field names, title pinyin); the app's `SearchTextService.sideDocument` when there is an app. */
  sideDocument?: (title: string, fieldCodes: readonly string[]) => string;
}

/** Codes the detail routes accept (R1999-000042): a year no real listing has. */
export const detailCode = (kind: 'result' | 'need', i: number): string => `${kind === 'result' ? 'R' : 'N'}1999-${String(i + 1).padStart(6, '0')}`;

/**
 * Writes `count` published listings of one kind in bulk, recombining benchmark text so that every
 * listing differs. Search documents come from the app's own analyzer, as the listing service writes them.
 */
export async function bulkInsert(app: NestExpressApplication, kind: 'result' | 'need', rows: BenchRow[], count: number, seed: number, onProgress?: (n: number) => void): Promise<string[]> {
  const dataSource = app.get(DataSource);
  const query: Query = (sql, params) => dataSource.query(sql, params);
  const text = app.get(SearchTextService);
  return bulkInsertListings(query, text.textAnalyzer, kind, rows, count, seed, { onProgress, sideDocument: (title, fieldCodes) => text.sideDocument(title, fieldCodes) });
}

/** `bulkInsert` on any connection, with the analyzer the caller built (bench:load has no app in its process). */
export async function bulkInsertListings(query: Query, analyzer: TextAnalyzer, kind: 'result' | 'need', rows: BenchRow[], count: number, seed: number, options: BulkOptions = {}): Promise<string[]> {
  const orgKind = kind === 'result' ? 'UNIVERSITY' : 'ENTERPRISE';
  const orgs = (await query<{ id: string }>('SELECT id FROM organization WHERE kind = $1 ORDER BY id', [orgKind])).map((o) => o.id);
  const fieldCodesExisting = new Set((await query<{ code: string }>('SELECT code FROM technology_field')).map((r) => r.code));
  const fields = FIELDS.filter((f) => fieldCodesExisting.has(f));
  const code = options.code ?? ((k: 'result' | 'need', i: number) => `${k === 'result' ? 'R' : 'N'}B-${String(i).padStart(7, '0')}`);
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const ids: string[] = [];
  // Listings are recombined from a few thousand texts: segment each text once (jieba dominates otherwise).
  const docCache = new Map<string, string>();
  const segmented = (text: string): string => {
    let doc = docCache.get(text);
    if (doc === undefined) {
      doc = analyzer.searchDocument(text);
      docCache.set(text, doc);
    }
    return doc;
  };
  // Weight D: field names and title pinyin, as SearchTextService.sideDocument writes them (pinyin only without an app).
  const sideCache = new Map<string, string>();
  const side = (title: string, field: string): string => {
    const key = `${field}|${title}`;
    let doc = sideCache.get(key);
    if (doc === undefined) {
      doc = options.sideDocument ? options.sideDocument(title, [field]) : analyzer.pinyinKeys(title).join(' ');
      sideCache.set(key, doc);
    }
    return doc;
  };
  const today = new Date();
  const validUntil = new Date(today.getTime() + 300 * 86_400_000).toISOString().slice(0, 10);
  const BATCH = 500;
  for (let start = 0; start < count; start += BATCH) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const a = pick(rows);
      const b = pick(rows);
      const sentences = b.summary.split(/[。；;]/).filter(Boolean);
      const title = i < rows.length ? a.title : `${a.title}（${i}）`;
      const summary = `${a.summary}${sentences[0] ?? ''}`.slice(0, 1500);
      const field = pick(fields);
      const modes = [pick(MODES), pick(MODES)].filter((m, k, all) => all.indexOf(m) === k);
      const min = Math.floor(rand() * 200) * 1_000_000;
      const max = min + Math.floor(rand() * 300 + 10) * 1_000_000;
      const negotiable = rand() < 0.25;
      const doc = [segmented(a.title), segmented(a.keywords.join(' ')), `${segmented(a.summary)} ${segmented(sentences[0] ?? '')}`, side(a.title, field)];
      const p = (v: unknown): string => {
        values.push(v);
        return `$${values.length}`;
      };
      const common = `${p(code(kind, i))}, ${p(title.slice(0, 200))}, ${p(summary)}, '[]'::jsonb, ${p([field])}, ${p([field.split('.')[0], field])}, ${p(a.keywords.slice(0, 10))}, 'PUBLISHED', ${p(pick(orgs))}, ${p(validUntil)}, now() - (${p(Math.floor(rand() * 300))} || ' days')::interval,
        setweight(to_tsvector('simple', ${p(doc[0])}), 'A') || setweight(to_tsvector('simple', ${p(doc[1])}), 'B') || setweight(to_tsvector('simple', ${p(doc[2])}), 'C') || setweight(to_tsvector('simple', ${p(doc[3])}), 'D')`;
      tuples.push(
        kind === 'result'
          ? `(${common}, '', '', '', '', 'NEW_TECHNOLOGY', ${p(1 + Math.floor(rand() * 9))}, 'PILOT', '[]'::jsonb, '{}', true, ${p(modes)}, ${p(negotiable)}, ${p(negotiable ? null : min)}, ${p(negotiable ? null : max)}, ${negotiable ? 'NULL' : "'INDICATIVE'"})`
          : `(${common}, '', '{}', '{}', 'TECH_BREAKTHROUGH', ${p(modes)}, ${p(negotiable)}, ${p(negotiable ? null : min)}, ${p(negotiable ? null : max)}, ${p(rand() < 0.5 ? null : 1 + Math.floor(rand() * 7))}, false)`,
      );
    }
    const columns =
      kind === 'result'
        ? 'value_proposition, problem_solved, advantages, applications, form, trl, stage, owners, inventors, service_invention, transfer_modes, price_negotiable, price_min_fen, price_max_fen, price_type'
        : 'problem, must_haves, nice_to_haves, need_type, cooperation_modes, budget_negotiable, budget_min_fen, budget_max_fen, min_trl, anonymous';
    const inserted = await query<{ id: string }>(
      `INSERT INTO "${kind}" (code, title, public_summary, indicators, field_codes, field_paths, keywords, status, organization_id, valid_until, published_at, search_doc, ${columns})
       VALUES ${tuples.join(', ')} RETURNING id`,
      values,
    );
    ids.push(...inserted.map((r) => r.id));
    options.onProgress?.(ids.length);
  }
  await query(`ANALYZE "${kind}"`);
  return ids;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export function summary(ms: number[]): { n: number; p50: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 10) / 10;
  return { n: ms.length, p50: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), max: r(sorted[sorted.length - 1] ?? NaN) };
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const body = (await res.json()) as { tokens: { accessToken: string } };
  return body.tokens.accessToken;
}
