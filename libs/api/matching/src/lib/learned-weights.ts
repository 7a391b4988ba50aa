import type { ScoreComponents } from './types';

/** The score components a learned model weighs (in this order). */
export const LEARNED_FEATURES = [
  'relevance',
  'text',
  'semantic',
  'dense',
  'field',
  'trl',
  'price',
  'modes',
  'freshness',
] as const;
export type LearnedFeature = (typeof LEARNED_FEATURES)[number];

/** One broker verdict on a pair, with the components the engine gave that pair. */
export interface LabelledPair {
  /** The listing the pair was shown for (verdicts are compared within it). */
  queryId: string;
  components: ScoreComponents;
  accepted: boolean;
}

export interface LearnOptions {
  /** Below this many verdicts (or `minPerClass` of either kind) nothing is learned: the defaults stay. */
  minExamples: number;
  minPerClass: number;
  /** L2 penalty and full-batch gradient-descent steps (deterministic: no sampling). */
  l2: number;
  steps: number;
  learningRate: number;
}

export const DEFAULT_LEARN_OPTIONS: LearnOptions = {
  minExamples: 200,
  minPerClass: 20,
  l2: 0.01,
  steps: 300,
  learningRate: 0.5,
};

/**
 * Weights of the ranking components learned from brokers' accepted and declined pairs: a pairwise logistic
 * ranker — for an accepted and a declined pair shown for the same listing, P(accepted above declined) =
 * σ(Σ w·(components_accepted − components_declined)) — inspectable weight by weight. Components are scaled per
 * query, so comparisons within a query are what they can tell. Ranking uses Σ w·component, scaled so the text-side weights (relevance, text, semantic, dense) sum to 1 in absolute
 * value, the scale of the default mix.
 */
export interface LearnedWeights {
  weights: Record<LearnedFeature, number>;
  /** Always 0 for the pairwise ranker (kept so a pointwise model can share the shape). */
  bias: number;
  /** Verdicts learned from. */
  examples: number;
}

const feature = (c: ScoreComponents, f: LearnedFeature): number => (c[f] as number | undefined) ?? 0;

export function learnWeights(
  pairs: readonly LabelledPair[],
  options: LearnOptions = DEFAULT_LEARN_OPTIONS,
): LearnedWeights | undefined {
  const positives = pairs.filter((p) => p.accepted).length;
  if (pairs.length < options.minExamples || Math.min(positives, pairs.length - positives) < options.minPerClass)
    return undefined;
  const m = LEARNED_FEATURES.length;
  const vec = (c: ScoreComponents): number[] => LEARNED_FEATURES.map((f) => feature(c, f));
  const byQuery = new Map<string, { pos: number[][]; neg: number[][] }>();
  for (const p of pairs) {
    let g = byQuery.get(p.queryId);
    if (!g) byQuery.set(p.queryId, (g = { pos: [], neg: [] }));
    (p.accepted ? g.pos : g.neg).push(vec(p.components));
  }
  const diffs: number[] = [];
  for (const { pos, neg } of byQuery.values())
    for (const a of pos) for (const d of neg) for (let j = 0; j < m; j++) diffs.push((a[j] as number) - (d[j] as number));
  const x = Float64Array.from(diffs);
  const n = x.length / m;
  const w = new Float64Array(m);
  const b = 0;
  const grad = new Float64Array(m);
  for (let step = 0; step < options.steps && n > 0; step++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < m; j++) z += (w[j] as number) * (x[i * m + j] as number);
      // Each difference is labelled 1 (accepted above declined); the mirrored example adds nothing new.
      const err = 1 / (1 + Math.exp(-z)) - 1;
      for (let j = 0; j < m; j++) grad[j] = (grad[j] as number) + err * (x[i * m + j] as number);
    }
    for (let j = 0; j < m; j++)
      w[j] = (w[j] as number) - options.learningRate * ((grad[j] as number) / n + options.l2 * (w[j] as number));
  }
  const textSide = Math.abs(w[0] as number) + Math.abs(w[1] as number) + Math.abs(w[2] as number) + Math.abs(w[3] as number) || 1;
  const weights = Object.fromEntries(LEARNED_FEATURES.map((f, j) => [f, (w[j] as number) / textSide])) as Record<
    LearnedFeature,
    number
  >;
  return { weights, bias: b, examples: pairs.length };
}

/** The learned ranking score of a pair (plus the broker-feedback factor, which the model does not learn). */
export function learnedScore(model: LearnedWeights, c: ScoreComponents): number {
  let s = 0;
  for (const f of LEARNED_FEATURES) s += model.weights[f] * feature(c, f);
  return s;
}
