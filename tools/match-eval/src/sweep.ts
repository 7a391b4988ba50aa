import { MatchConfigInput } from '@xkx/matching';

import { loadBench, loadQrels } from './bench-data';
import { buildIndex } from './main';
import { evaluate } from './metrics';
import { rankAll } from './rank';

/** Reports a few engine configurations on one benchmark (for choosing defaults; not run in CI). */
function main(): void {
  const dir = process.argv[2] ?? 'data/match-bench/csl';
  const configs = JSON.parse(process.argv[3] ?? '{}') as Record<string, MatchConfigInput>;
  const bench = loadBench(dir);
  const qrels = loadQrels(dir);
  for (const [name, config] of Object.entries(configs)) {
    const m = evaluate(rankAll(buildIndex(bench, config), bench.needs), qrels);
    process.stdout.write(`${name}\t${JSON.stringify(m)}\n`);
  }
}

main();
