/* npm run bench:match — a market of 100,000 results and 20,000 needs in PostgreSQL; the snapshot job builds and
   publishes the matching index; a new app starts from that snapshot (start-up time, with the machine's cores and
   load); top-20 matches over HTTP, freshness after a change, peak memory. BENCH_SCRATCH_LOAD=1 also times a
   load from the listings (what a start without a snapshot does). BENCH_RESULTS / BENCH_NEEDS set the market's
   size (300k: BENCH_RESULTS=300000 BENCH_NEEDS=60000); BENCH_KEEP_DB=1 keeps the scratch database and
   BENCH_DATABASE=<name> runs again on a kept one (no insert; the snapshot job only when it has no snapshot). */
import type { INestApplication } from '@nestjs/common';
import { MatchingService, MatchSnapshotService } from '@xkx/api/testing';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { bulkInsert, prng, readRows, scratchDatabase, signIn, startBenchApp, summary } from './market';

const RESULTS = Number(process.env.BENCH_RESULTS ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 20_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const SCRATCH_LOAD = process.env.BENCH_SCRATCH_LOAD === '1';
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const REUSE_DB = process.env.BENCH_DATABASE;

const load = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);
const mb = (bytes: number): number => Math.round(bytes / 104857.6) / 10;

/** A kept database (BENCH_DATABASE) on the server DATABASE_URL names. */
function keptDatabase(name: string): { url: string; drop: () => Promise<void> } {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => Promise.resolve() };
}

/** Resolves when the app's matching index is loaded (routes stop answering 503). */
async function indexReady(app: INestApplication): Promise<void> {
  const matching = app.get(MatchingService);
  while (!matching.isLoaded) await new Promise((r) => setTimeout(r, 20));
}

async function main(): Promise<void> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const db = REUSE_DB ? keptDatabase(REUSE_DB) : await scratchDatabase('xkx_bench_match');
  let { app, baseUrl } = await startBenchApp(db.url);
  try {
    let insertMs: number | undefined;
    let needIds: string[];
    if (REUSE_DB) {
      needIds = (await app.get(DataSource).query<Array<{ id: string }>>(`SELECT id FROM need WHERE code LIKE 'NB-%' ORDER BY code`)).map((r) => r.id);
    } else {
      const rows = readRows();
      const t0 = performance.now();
      await bulkInsert(app, 'result', rows.results, RESULTS, 11, (n) => n % 20_000 === 0 && process.stderr.write(`  results ${n}\n`));
      needIds = await bulkInsert(app, 'need', rows.needs, NEEDS, 12, (n) => n % 10_000 === 0 && process.stderr.write(`  needs ${n}\n`));
      insertMs = performance.now() - t0;
      if (KEEP_DB) process.stderr.write(`  kept database: ${new URL(db.url).pathname.slice(1)}\n`);
    }
    // The snapshot job, as the worker runs it (forced: the bulk insert wrote around the change feed).
    const snapshots = app.get(MatchSnapshotService);
    const loadBeforeJob = load();
    let jobReport: { seconds: number | null; rawMb: number; storedMb: number };
    const kept = REUSE_DB ? await snapshots.latestInfo() : undefined;
    if (kept) {
      jobReport = { seconds: null, rawMb: mb(kept.rawBytes), storedMb: mb(kept.storedBytes) };
    } else {
      await snapshots.publish();
      const t1 = performance.now();
      const job = await snapshots.publish({ force: true });
      if (!job.published) throw new Error(`snapshot not published: ${job.reason}`);
      jobReport = { seconds: Math.round((performance.now() - t1) / 100) / 10, rawMb: mb(job.rawBytes), storedMb: mb(job.storedBytes) };
    }
    const loadAfterJob = load();
    // Nothing of this app may still run during the measured start (on a kept database it loads the index too).
    await app.get(MatchingService).settled();
    await app.close();
    global.gc?.();
    // Start-up: a new app on the same database, from module init to the index ready, from the snapshot.
    const loadBeforeStart = load();
    const t2 = performance.now();
    ({ app, baseUrl } = await startBenchApp(db.url));
    await indexReady(app);
    const startupMs = performance.now() - t2;
    const loadAfterStart = load();
    const matching = app.get(MatchingService);
    const startReport = matching.loadReport;
    global.gc?.();
    const instanceRss = process.memoryUsage().rss;
    if (startReport?.source !== 'snapshot') throw new Error(`the new app did not start from the snapshot: ${JSON.stringify(startReport)}`);
    const token = await signIn(baseUrl, 'broker@xkx.demo', 'Xiake-Broker-2026');
    const headers = { authorization: `Bearer ${token}` };
    const rand = prng(99);
    const matches = async (id: string): Promise<Array<{ counterpart: { id: string } }>> => {
      const res = await fetch(`${baseUrl}/api/needs/${id}/matches?limit=20`, { headers });
      if (res.status !== 200) throw new Error(`matches → ${res.status}`);
      return ((await res.json()) as { items: Array<{ counterpart: { id: string } }> }).items;
    };
    for (let i = 0; i < 20; i++) await matches(needIds[Math.floor(rand() * needIds.length)]!);
    const latencies: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const id = needIds[Math.floor(rand() * needIds.length)]!;
      const t = performance.now();
      await matches(id);
      latencies.push(performance.now() - t);
    }

    // Freshness: a result written for one need is published through the API; how long until it shows up.
    const researcher = await signIn(baseUrl, 'researcher@xkx.demo', 'Xiake-Research-2026');
    const target = needIds[0]!;
    const need = (await (await fetch(`${baseUrl}/api/needs/${target}`, { headers })).json()) as { title: string; publicSummary: string; keywords: string[]; fieldCodes: string[] };
    const validUntil = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    const create = await fetch(`${baseUrl}/api/results`, {
      method: 'POST',
      headers: { authorization: `Bearer ${researcher}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `${need.title}解决方案`, valueProposition: '针对该需求的成熟方案', publicSummary: `${need.publicSummary} 本成果给出完整方案。`.padEnd(30, '。'),
        problemSolved: need.title, advantages: '指标全面满足', indicators: [], applications: '相关行业', fieldCodes: need.fieldCodes.length ? need.fieldCodes : ['NE'],
        keywords: need.keywords.slice(0, 5), form: 'NEW_TECHNOLOGY', trl: 7, stage: 'PILOT', ipAssets: [], owners: [{ name: '南京大学' }], inventors: [],
        serviceInvention: true, transferModes: ['TRANSFER', 'LICENSE_EXCLUSIVE', 'CO_DEVELOPMENT', 'LICENSE_GENERAL', 'SERVICE', 'EQUITY'],
        price: { negotiable: true, minFen: null, maxFen: null, priceType: null }, validUntil,
      }),
    });
    if (create.status !== 201) throw new Error(`create → ${create.status} ${await create.text()}`);
    const created = (await create.json()) as { id: string };
    await fetch(`${baseUrl}/api/results/${created.id}/submit`, { method: 'POST', headers: { authorization: `Bearer ${researcher}`, 'content-type': 'application/json' }, body: '{}' });
    const tApprove = performance.now();
    await fetch(`${baseUrl}/api/results/${created.id}/approve`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
    let visibleAfterMs = NaN;
    while (performance.now() - tApprove < 10_000) {
      if ((await matches(target)).some((m) => m.counterpart.id === created.id)) {
        visibleAfterMs = performance.now() - tApprove;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const tArchive = performance.now();
    await fetch(`${baseUrl}/api/results/${created.id}/archive`, { method: 'POST', headers: { authorization: `Bearer ${researcher}`, 'content-type': 'application/json' }, body: '{}' });
    let goneAfterMs = NaN;
    while (performance.now() - tArchive < 10_000) {
      if (!(await matches(target)).some((m) => m.counterpart.id === created.id)) {
        goneAfterMs = performance.now() - tArchive;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    clearInterval(sampler);
    let scratchLoadMs: number | undefined;
    if (SCRATCH_LOAD) {
      const t3 = performance.now();
      await matching.reload();
      scratchLoadMs = performance.now() - t3;
    }
    const report = {
      benchmark: 'match',
      database: 'PostgreSQL (DATABASE_URL or 127.0.0.1:5432), fresh scratch database',
      publishedResults: matching.stats.results,
      publishedNeeds: matching.stats.needs,
      insertSeconds: insertMs === undefined ? null : Math.round(insertMs / 1000),
      machine: { cores: cpus().length, loadAverage1m5m15m: { beforeJob: loadBeforeJob, afterJob: loadAfterJob, beforeStart: loadBeforeStart, afterStart: loadAfterStart } },
      snapshotJob: jobReport,
      startupFromSnapshotSeconds: Math.round(startupMs / 100) / 10,
      startupIndexSeconds: Math.round((startReport.ms ?? 0) / 100) / 10,
      startupIndexPhasesMs: startReport.phases,
      ...(scratchLoadMs === undefined ? {} : { indexLoadFromListingsSeconds: Math.round(scratchLoadMs / 1000) }),
      what: 'GET /api/needs/:id/matches?limit=20 over HTTP as a broker (engine + counterpart rows from PostgreSQL)',
      top20LatencyMs: summary(latencies),
      publishedResultVisibleInMatchesAfterMs: Math.round(visibleAfterMs),
      withdrawnResultGoneFromMatchesAfterMs: Math.round(goneAfterMs),
      instanceRssAfterStartMb: Math.round(instanceRss / 1048576),
      peakRssMb: Math.round(peakRss / 1048576),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    clearInterval(sampler);
    await app.close();
    if (!KEEP_DB) await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
