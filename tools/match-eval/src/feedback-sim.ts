import { DEFAULT_LEARN_OPTIONS, LearnOptions, MatchIndex, NeedDoc } from '@xkx/matching';

import { loadBench, loadQrels } from './bench-data';
import { cacheFile, cachedIndex } from './index-cache';
import { evaluate, Qrels, Run } from './metrics';
import { rankAll } from './rank';
import { splitRun } from './sweep';

/**
 * Learning from brokers, simulated: the judgements of the even-numbered needs stand for broker verdicts on
 * each of those needs' top `shown` matches (judged relevant = accepted, else declined); the component weights
 * learned from them (the product's learner, `learnWeights`, regularised toward the configured mix) rank the
 * odd-numbered needs, scored against the untrained engine on the same needs.
 */
export async function simulateFeedback(
  index: MatchIndex,
  needs: readonly NeedDoc[],
  qrels: Qrels,
  shown = 20,
  options: LearnOptions = DEFAULT_LEARN_OPTIONS,
): Promise<{ untrained: ReturnType<typeof evaluate>; trained: ReturnType<typeof evaluate>; pairs: number } & Record<string, unknown>> {
  const restrict = (run: Run): Qrels => new Map([...qrels].filter(([id]) => run.has(id)));
  index.setLearnedWeights(undefined);
  const before = splitRun(rankAll(index, needs), needs, 1);
  const pairs = verdictsOf(index, needs, qrels, shown);
  const model = await index.learnFromVerdicts(pairs, undefined, options);
  index.setLearnedWeights(model);
  const after = splitRun(rankAll(index, needs), needs, 1);
  index.setLearnedWeights(undefined);
  return {
    untrained: evaluate(before, restrict(before)),
    trained: evaluate(after, restrict(after)),
    pairs: pairs.length,
    ...(model ? { l2: model.l2, heldOutAccuracy: model.heldOutAccuracy, weights: Object.fromEntries(Object.entries(model.weights).map(([k, v]) => [k, +v.toFixed(4)])) } : { kept: 'the configured mix' }),
  };
}

/** The even needs' judgements of their top `shown` untrained matches, as broker verdicts. */
export function verdictsOf(index: MatchIndex, needs: readonly NeedDoc[], qrels: Qrels, shown: number): Array<{ needId: string; resultId: string; accepted: boolean }> {
  const verdicts: Array<{ needId: string; resultId: string; accepted: boolean }> = [];
  needs.forEach((need, i) => {
    if (i % 2 !== 0) return;
    const grades = qrels.get(need.id);
    for (const hit of index.matchesFor('need', need.id, { limit: shown, reasons: false }))
      verdicts.push({ needId: need.id, resultId: hit.id, accepted: (grades?.get(hit.id) ?? 0) > 0 });
  });
  return verdicts;
}

/**
 * Usage: feedback-sim.ts <dir> [shown=20] [l2 values, comma-separated: each run alone, no choice; default the
 * product's learner, which chooses among its l2Choices on held-out verdicts of the even needs] [steps].
 */
async function main(): Promise<void> {
  const dir = process.argv[2] ?? 'data/match-bench/csl';
  const bench = loadBench(dir);
  const index = cachedIndex([...bench.results, ...bench.needs], cacheFile('base'));
  const shown = Number(process.argv[3] ?? 20);
  const steps = Number(process.argv[5] ?? DEFAULT_LEARN_OPTIONS.steps);
  const qrels = loadQrels(dir);
  const runs: LearnOptions[] = process.argv[4]
    ? process.argv[4].split(',').map((x) => ({ ...DEFAULT_LEARN_OPTIONS, l2: Number(x), l2Choices: [Number(x)], steps }))
    : [{ ...DEFAULT_LEARN_OPTIONS, steps }];
  for (const options of runs)
    process.stdout.write(`${JSON.stringify({ shown, l2Choices: options.l2Choices, steps, ...(await simulateFeedback(index, bench.needs, qrels, shown, options)) })}\n`);
}

if (require.main === module) void main();
