/* npm run bench:search — 100,000 published results in PostgreSQL; every search class of issue 14 and a result's detail, through the HTTP API. */
import { performance } from 'node:perf_hooks';
import { bulkInsert, prng, readRows, scratchDatabase, startBenchApp, summary } from './market';

const TOTAL = Number(process.env.BENCH_LISTINGS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 480);

async function main(): Promise<void> {
  const db = await scratchDatabase('xkx_bench_search');
  const { app, baseUrl } = await startBenchApp(db.url);
  try {
    const rows = readRows();
    const t0 = performance.now();
    await bulkInsert(app, 'result', rows.results, TOTAL, 42, (n) => n % 10_000 === 0 && process.stderr.write(`  loaded ${n}\n`));
    const loadMs = performance.now() - t0;
    const rand = prng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const keywordOf = (): string => pick(pick(rows.needs).keywords.length ? pick(rows.needs).keywords : ['材料']);
    const kinds = {
      keyword: (): string => `q=${encodeURIComponent(keywordOf())}`,
      twoWords: (): string => `q=${encodeURIComponent(`${keywordOf()} ${keywordOf()}`)}`,
      keywordAndField: (): string => `q=${encodeURIComponent(keywordOf())}&field=${pick(['NE', 'AI', 'EIC', 'BIO', 'NM'])}`,
      filtersOnly: (): string => `field=${pick(['NE', 'AI.CV', 'EIC.IC', 'BIO'])}&trlMin=${1 + Math.floor(rand() * 5)}&mode=${pick(['TRANSFER', 'LICENSE_EXCLUSIVE', 'CO_DEVELOPMENT'])}`,
      money: (): string => `moneyMinFen=50000000&moneyMaxFen=${pick([100000000, 200000000])}&sort=newest`,
      newestPage: (): string => 'sort=newest&limit=20',
    } as const;
    const names = Object.keys(kinds) as Array<keyof typeof kinds>;
    for (let i = 0; i < 30; i++) await fetch(`${baseUrl}/api/results?${kinds[pick(names)]()}`); // warm-up
    // Deep pages as a visitor reaches them: newest first, following nextCursor 100 pages of 100 (10,000 hits
    // deep); the timed requests then open a page 20 deep from one of the cursors met on the way.
    const cursors: string[] = [];
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res = await fetch(`${baseUrl}/api/results?sort=newest&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const body = (await res.json()) as { items: Array<{ id: string }>; nextCursor: string | null };
      // By id: the generated listings' codes (RB-…) are not ones the detail route accepts; the query is the same.
      if (page % 5 === 0) ids.push(...body.items.slice(0, 10).map((h) => h.id));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
      if (page >= 20) cursors.push(cursor);
    }
    if (cursors.length === 0 || ids.length === 0) throw new Error('the newest-first walk found no deep pages or results');
    const timed = {
      ...Object.fromEntries(names.map((n) => [n, () => `/api/results?${kinds[n]()}`])),
      deepPageByCursor: () => `/api/results?sort=newest&limit=20&cursor=${encodeURIComponent(pick(cursors))}`,
      resultDetail: () => `/api/results/${pick(ids)}`,
    } as Record<string, () => string>;
    const timedNames = Object.keys(timed);
    const all: number[] = [];
    const byKind: Record<string, number[]> = {};
    let hits = 0;
    for (let i = 0; i < QUERIES; i++) {
      const name = timedNames[i % timedNames.length]!;
      const url = `${baseUrl}${timed[name]!()}`;
      const t = performance.now();
      const res = await fetch(url);
      const body = (await res.json()) as { total?: number; items?: unknown[]; code?: string };
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
      hits += (body.total ?? body.items?.length ?? (body.code ? 1 : 0)) > 0 ? 1 : 0;
      all.push(ms);
      (byKind[name] ??= []).push(ms);
    }
    const report = {
      benchmark: 'search',
      database: 'PostgreSQL (DATABASE_URL or 127.0.0.1:5432), fresh scratch database',
      publishedListings: TOTAL,
      loadSeconds: Math.round(loadMs / 1000),
      queries: QUERIES,
      queriesWithHits: hits,
      what: 'GET /api/results over HTTP, one request at a time: full-text (segmented tsquery + bigram fallback), filters, facets (first page), highlights; a page 20+ deep by cursor; GET /api/results/:code',
      latencyMs: summary(all),
      byKindMs: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, summary(v)])),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await app.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
