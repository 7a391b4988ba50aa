import { MatchConfigInput, MatchIndex } from '@xkx/matching';
import { AnalyzedText, AnalyzeOptions, TextAnalyzer } from '@xkx/text-zh';

import { Bench, loadBench, loadQrels } from './bench-data';
import { evaluate, Qrels, Run } from './metrics';
import { rankAll } from './rank';
import { VARIANTS } from './variants';

/** An analyzer that remembers its answers: a sweep analyses the same texts for every configuration. */
export class MemoAnalyzer extends TextAnalyzer {
  private readonly memo = new Map<string, AnalyzedText>();

  override analyze(text: string, options: AnalyzeOptions = {}): AnalyzedText {
    const key = `${options.mode ?? 'search'}|${options.bigrams ?? true}|${text}`;
    let hit = this.memo.get(key);
    if (!hit) {
      hit = super.analyze(text, options);
      this.memo.set(key, hit);
    }
    return hit;
  }
}

/** Splits a run by the parity of the need's position in needs.jsonl (tune on even, report on odd). */
export function splitRun(run: Run, needs: readonly { id: string }[], parity: 0 | 1): Run {
  const out: Run = new Map();
  needs.forEach((n, i) => {
    const r = run.get(n.id);
    if (i % 2 === parity && r) out.set(n.id, r);
  });
  return out;
}

function restrict(qrels: Qrels, run: Run): Qrels {
  return new Map([...qrels].filter(([id]) => run.has(id)));
}

/**
 * Reports engine configurations on one benchmark, on all needs and on the even / odd halves (choose on even,
 * confirm on odd). Optional third argument: comma-separated variants (default base). Not run in CI.
 */
function main(): void {
  const dir = process.argv[2] ?? 'data/match-bench/csl';
  const configs = JSON.parse(process.argv[3] ?? '{"default":{}}') as Record<string, MatchConfigInput>;
  const variantNames = (process.argv[4] ?? 'base').split(',');
  const bench = loadBench(dir);
  const qrels = loadQrels(dir);
  const analyzer = new MemoAnalyzer();
  for (const variant of variantNames) {
    const derive = VARIANTS[variant];
    if (!derive) throw new Error(`unknown variant ${variant}`);
    const b: Bench = derive(bench);
    for (const [name, config] of Object.entries(configs)) {
      const t0 = performance.now();
      const index = new MatchIndex({ config, analyzer });
      index.addAll(b.results);
      const buildMs = Math.round(performance.now() - t0);
      const run = rankAll(index, b.needs);
      const fmt = (r: Run): string => {
        const m = evaluate(r, restrict(qrels, r));
        return `${m.ndcg10.toFixed(4)}/${m.mrr.toFixed(3)}`;
      };
      process.stdout.write(
        `${variant}\t${name}\tall ${fmt(run)}\teven ${fmt(splitRun(run, b.needs, 0))}\todd ${fmt(splitRun(run, b.needs, 1))}\tbuild ${buildMs} ms\n`,
      );
    }
  }
}

if (require.main === module) main();
