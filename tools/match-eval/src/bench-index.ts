import { MatchIndex, NeedDoc, ResultDoc } from '@xkx/matching';

import { cpus, loadavg } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';

import { loadBench } from './bench-data';

/** Small deterministic PRNG (mulberry32) so every run generates the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], r: () => number): T => items[Math.floor(r() * items.length)] as T;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Speed and memory of the in-memory index at production scale: 100,000 results and 20,000 needs recombined
 * from the benchmark's sentences (titles, abstract sentences, keywords), then top-20 queries and single-listing
 * updates; then the index's snapshot (issue 13): its size raw and gzipped, the time to write and to restore it,
 * and the memory of the restored index alone. Run with --expose-gc for a cleaner heap figure.
 */
function main(): void {
  const dir = process.argv[2] ?? 'data/match-bench/csl';
  const nResults = Number(process.argv[3] ?? 100_000);
  const nNeeds = Number(process.argv[4] ?? 20_000);
  const bench = loadBench(dir);
  const r = rng(42);
  const sentences = bench.results.flatMap((x) =>
    (x.summary ?? '').split(/(?<=[。.;；])/).filter((s) => s.length > 4),
  );
  const titles = [...bench.results, ...bench.needs].map((x) => x.title);
  const keywords = [...bench.results, ...bench.needs].flatMap((x) => x.keywords ?? []);
  const codes = ['NE', 'NE.BAT', 'NE.PV', 'AI', 'AI.CV', 'AI.NLP', 'BIO', 'BIO.DRUG', 'IC', 'NM'];
  const makeResult = (i: number): ResultDoc => ({
    kind: 'result',
    id: `r${i}`,
    title: pick(titles, r),
    summary: Array.from({ length: 3 + Math.floor(r() * 5) }, () => pick(sentences, r)).join(''),
    keywords: Array.from({ length: 3 + Math.floor(r() * 4) }, () => pick(keywords, r)),
    fieldCodes: [pick(codes, r)],
    trl: 1 + Math.floor(r() * 9),
    price: r() < 0.3 ? null : { min: Math.floor(r() * 1e8), max: null },
    updatedAt: new Date(Date.now() - r() * 400 * 86_400_000),
    organizationId: `org${Math.floor(r() * 500)}`,
  });
  const makeNeed = (i: number): NeedDoc => ({
    kind: 'need',
    id: `n${i}`,
    title: pick(titles, r),
    description: Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(sentences, r)).join(''),
    keywords: Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(keywords, r)),
    fieldCodes: [pick(codes, r)],
    minTrl: 1 + Math.floor(r() * 6),
    budget: r() < 0.4 ? null : { min: 0, max: Math.floor(r() * 1e8) },
    organizationId: `ent${Math.floor(r() * 2000)}`,
  });

  let peakRss = process.memoryUsage().rss;
  const sample = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const loadBefore = loadavg();
  let index: MatchIndex | undefined = new MatchIndex();
  const t0 = performance.now();
  const docs: (ResultDoc | NeedDoc)[] = [];
  for (let i = 0; i < nResults; i++) docs.push(makeResult(i));
  for (let i = 0; i < nNeeds; i++) docs.push(makeNeed(i));
  const genMs = performance.now() - t0;
  const t1 = performance.now();
  index.addAll(docs);
  const buildMs = performance.now() - t1;
  sample();

  const queries = 500;
  const times: number[] = [];
  for (let q = 0; q < queries; q++) {
    const need = index.get('need', `n${Math.floor(r() * nNeeds)}`) as NeedDoc;
    const s = performance.now();
    index.match(need, { limit: 20 });
    times.push(performance.now() - s);
    if (q % 50 === 0) sample();
  }
  times.sort((a, b) => a - b);

  const updates: number[] = [];
  for (let u = 0; u < 200; u++) {
    const doc = { ...makeResult(Math.floor(r() * nResults)) };
    const s = performance.now();
    index.upsert(doc);
    updates.push(performance.now() - s);
  }
  updates.sort((a, b) => a - b);
  const removeStart = performance.now();
  index.remove('result', 'r1');
  const removeMs = performance.now() - removeStart;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  sample();
  const heapBuiltMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  const buffersBuiltMb = Math.round(process.memoryUsage().arrayBuffers / 2 ** 20);

  // The snapshot: written, gzipped (as stored), then restored into a fresh index with the built one dropped.
  const t2 = performance.now();
  const raw = index.toSnapshot();
  const writeMs = performance.now() - t2;
  const t3 = performance.now();
  const stored = gzipSync(raw, { level: 6 });
  const gzipMs = performance.now() - t3;
  const rawBytes = raw.byteLength;
  index = undefined;
  docs.length = 0;
  if (gc) gc();
  const t4 = performance.now();
  const unpacked = gunzipSync(stored);
  const restored = MatchIndex.fromSnapshot(new Uint8Array(unpacked.buffer, unpacked.byteOffset, unpacked.byteLength));
  const restoreMs = performance.now() - t4;
  restored.match(restored.get('need', 'n1') as NeedDoc, { limit: 20 });
  if (gc) gc();
  sample();
  const memory = process.memoryUsage();
  const round = (x: number): number => Math.round(x * 100) / 100;
  process.stdout.write(
    `${JSON.stringify(
      {
        results: nResults,
        needs: nNeeds,
        generateMs: Math.round(genMs),
        buildMs: Math.round(buildMs),
        queryTop20Ms: {
          p50: round(percentile(times, 50)),
          p95: round(percentile(times, 95)),
          max: round(times[times.length - 1] ?? 0),
          n: queries,
        },
        upsertOneMs: {
          p50: round(percentile(updates, 50)),
          p95: round(percentile(updates, 95)),
          n: updates.length,
        },
        removeOneMs: round(removeMs),
        heapUsedMb: heapBuiltMb,
        arrayBuffersMb: buffersBuiltMb,
        peakRssMb: Math.round(peakRss / 2 ** 20),
        snapshot: {
          rawMb: Math.round(rawBytes / 2 ** 20),
          gzippedMb: Math.round(stored.byteLength / 2 ** 20),
          writeMs: Math.round(writeMs),
          gzipMs: Math.round(gzipMs),
          gunzipAndRestoreMs: Math.round(restoreMs),
          restoredHeapUsedMb: Math.round(memory.heapUsed / 2 ** 20),
          restoredArrayBuffersMb: Math.round(memory.arrayBuffers / 2 ** 20),
          restoredRssMb: Math.round(memory.rss / 2 ** 20),
        },
        machine: { cores: cpus().length, loadAverage1m5m15m: { before: loadBefore.map(round), after: loadavg().map(round) } },
      },
      null,
      2,
    )}\n`,
  );
}

main();
