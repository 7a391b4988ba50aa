import { LabelledPair, learnWeights, MatchIndex, NeedDoc } from '@xkx/matching';

import { loadBench, loadQrels } from './bench-data';
import { evaluate, Qrels, Run } from './metrics';
import { rankAll } from './rank';
import { splitRun } from './sweep';

/**
 * Learning from brokers, simulated: the judgements of the even-numbered needs stand for broker verdicts on
 * each of those needs' top `shown` matches (judged relevant = accepted, else declined); the component weights
 * learned from them rank the odd-numbered needs, scored against the untrained engine on the same needs.
 */
export function simulateFeedback(
  index: MatchIndex,
  needs: readonly NeedDoc[],
  qrels: Qrels,
  shown = 20,
): { untrained: ReturnType<typeof evaluate>; trained: ReturnType<typeof evaluate>; pairs: number } {
  const restrict = (run: Run): Qrels => new Map([...qrels].filter(([id]) => run.has(id)));
  index.setLearnedWeights(undefined);
  const before = splitRun(rankAll(index, needs), needs, 1);
  const pairs: LabelledPair[] = [];
  needs.forEach((need, i) => {
    if (i % 2 !== 0) return;
    const grades = qrels.get(need.id);
    for (const hit of index.match(need, { limit: shown, reasons: false }))
      pairs.push({ queryId: need.id, components: hit.components, accepted: (grades?.get(hit.id) ?? 0) > 0 });
  });
  const model = learnWeights(pairs);
  index.setLearnedWeights(model);
  const after = splitRun(rankAll(index, needs), needs, 1);
  index.setLearnedWeights(undefined);
  if (model) process.stderr.write(`learned from ${model.examples} verdicts: ${JSON.stringify(model.weights)}\n`);
  return { untrained: evaluate(before, restrict(before)), trained: evaluate(after, restrict(after)), pairs: pairs.length };
}

function main(): void {
  const dir = process.argv[2] ?? 'data/match-bench/csl';
  const bench = loadBench(dir);
  const index = new MatchIndex();
  index.addAll(bench.results);
  const shown = Number(process.argv[3] ?? 20);
  process.stdout.write(`${JSON.stringify(simulateFeedback(index, bench.needs, loadQrels(dir), shown), null, 2)}\n`);
}

if (require.main === module) main();
