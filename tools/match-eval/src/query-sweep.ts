import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { MatchConfigInput, MatchIndex } from '@xkx/matching';

import { loadBench, loadQrels } from './bench-data';
import { evaluate, Qrels, Run } from './metrics';
import { applyOverrides } from './index-cache';
import { rankAll } from './rank';
import { MemoAnalyzer, splitRun } from './sweep';
import { VARIANTS } from './variants';

/**
 * Query-time settings (first-result rule, dense share, smoothing, weights) compared on one built index per
 * result set: the index is built once and each setting only re-ranks, so a sweep of a dozen costs one build.
 * Prints all / even / odd nDCG@10 and MRR per variant (choose on even, report on odd). Not run in CI.
 * Usage: query-sweep.ts <dir> '<{"name": {config overrides}}>' [variants, default base,titleOnlyNeeds,resultsWithoutKeywords]
 */
function main(): void {
  const dir = process.argv[2] ?? 'data/match-bench/csl';
  const settings = JSON.parse(process.argv[3] ?? '{"default":{}}') as Record<string, MatchConfigInput>;
  const variantNames = (process.argv[4] ?? 'base,titleOnlyNeeds,resultsWithoutKeywords').split(',');
  const bench = loadBench(dir);
  const qrels = loadQrels(dir);
  const analyzer = new MemoAnalyzer();
  const built = new Map<unknown, MatchIndex>();
  const restrict = (run: Run): Qrels => new Map([...qrels].filter(([id]) => run.has(id)));
  const fmt = (r: Run): string => {
    const m = evaluate(r, restrict(r));
    return `${m.ndcg10.toFixed(4)}/${m.mrr.toFixed(3)}`;
  };
  for (const variant of variantNames) {
    const derive = VARIANTS[variant];
    if (!derive) throw new Error(`unknown variant ${variant}`);
    const b = derive(bench);
    const key = process.env['SWEEP_RESULTS_ONLY'] ? b.results : b;
    let index = built.get(key);
    const cache = process.env['SWEEP_CACHE'] ? `${process.env['SWEEP_CACHE']}/${variant}${process.env['SWEEP_RESULTS_ONLY'] ? '-results' : ''}.snap` : undefined;
    if (!index && cache && existsSync(cache)) {
      index = MatchIndex.fromSnapshot(new Uint8Array(readFileSync(cache)), { analyzer });
      built.set(key, index);
    }
    if (!index) {
      const t0 = performance.now();
      index = new MatchIndex({ analyzer });
      // As the app indexes them: both kinds (the semantic space and the word vectors learn from the needs too).
      index.addAll(process.env['SWEEP_RESULTS_ONLY'] ? b.results : [...b.results, ...b.needs]);
      built.set(key, index);
      if (cache) writeFileSync(cache, index.toSnapshot());
      process.stderr.write(`built ${variant} in ${Math.round(performance.now() - t0)} ms\n`);
    }
    for (const [name, overrides] of Object.entries(settings)) {
      const restore = applyOverrides(index.config, overrides);
      try {
        const run = rankAll(index, b.needs);
        process.stdout.write(`${variant}\t${name}\tall ${fmt(run)}\teven ${fmt(splitRun(run, b.needs, 0))}\todd ${fmt(splitRun(run, b.needs, 1))}\n`);
      } finally {
        restore();
      }
    }
  }
}

if (require.main === module) main();
