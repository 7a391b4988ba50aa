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
  'coverage',
  'cosine',
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
  /**
   * Pull toward the prior weights (the configured mix): the penalty is l2/2 · ‖w − prior‖², so a few verdicts
   * move the weights a little and many move them more. Full-batch gradient descent from the prior
   * (deterministic: no sampling).
   */
  l2: number;
  /** Pulls tried, each fitted on half the judged listings and checked on the other half (default: `l2` only). */
  l2Choices?: readonly number[];
  steps: number;
  learningRate: number;
}

export const DEFAULT_LEARN_OPTIONS: LearnOptions = {
  minExamples: 200,
  minPerClass: 20,
  l2: 0.05,
  l2Choices: [0.01, 0.05, 0.2, 1],
  steps: 1000,
  learningRate: 0.5,
};

/**
 * Weights of the ranking components learned from brokers' accepted and declined pairs: a pairwise logistic
 * ranker — for an accepted and a declined pair shown for the same listing, P(accepted above declined) =
 * σ(Σ w·(components_accepted − components_declined)) — regularised toward the configured mix (the prior), so
 * it starts where the untrained engine is and moves only as far as the verdicts carry it. Inspectable weight
 * by weight; ranking uses Σ w·component, on the scale of the configured mix.
 */
export interface LearnedWeights {
  weights: Record<LearnedFeature, number>;
  /** Always 0 for the pairwise ranker (kept so a pointwise model can share the shape). */
  bias: number;
  /** Verdicts learned from. */
  examples: number;
  /** The pull toward the configured mix chosen on held-out verdicts, and the share of their pairs it orders right. */
  l2?: number;
  heldOutAccuracy?: number;
}

/** The configured mix as learned-feature weights (relevance and the structured factors; text-side parts 0). */
export function priorWeights(weights: Partial<Record<LearnedFeature, number>>): Record<LearnedFeature, number> {
  return Object.fromEntries(LEARNED_FEATURES.map((f) => [f, weights[f] ?? 0])) as Record<LearnedFeature, number>;
}

const feature = (c: ScoreComponents, f: LearnedFeature): number => (c[f] as number | undefined) ?? 0;

/**
 * Learns the weights, or keeps the configured mix (undefined): below the floor of examples, or when no
 * learned mix orders held-out verdicts better than the configured one. The listings judged are split in two
 * by their order (ids sorted: every other one held out); each `l2` of `options.l2Choices` is fitted on one half
 * and scored on the other (share of accepted–declined pairs of a listing put in the right order, each listing
 * weighing the same); the best, if it beats the configured mix there, is fitted again on all verdicts.
 */
export function learnWeights(
  pairs: readonly LabelledPair[],
  prior: Partial<Record<LearnedFeature, number>>,
  options: LearnOptions = DEFAULT_LEARN_OPTIONS,
): LearnedWeights | undefined {
  const positives = pairs.filter((p) => p.accepted).length;
  if (pairs.length < options.minExamples || Math.min(positives, pairs.length - positives) < options.minPerClass)
    return undefined;
  const queries = [...new Set(pairs.map((p) => p.queryId))].sort();
  const heldOut = new Set(queries.filter((_, i) => i % 2 === 1));
  const fitHalf = pairs.filter((p) => !heldOut.has(p.queryId));
  const checkHalf = pairs.filter((p) => heldOut.has(p.queryId));
  const priorWeights = Object.fromEntries(LEARNED_FEATURES.map((f) => [f, prior[f] ?? 0])) as Record<LearnedFeature, number>;
  let best = { l2: NaN, accuracy: pairOrderAccuracy(checkHalf, priorWeights) };
  for (const l2 of options.l2Choices ?? [options.l2]) {
    const accuracy = pairOrderAccuracy(checkHalf, fitWeights(fitHalf, priorWeights, { ...options, l2 }));
    if (accuracy > best.accuracy + 1e-9) best = { l2, accuracy };
  }
  if (Number.isNaN(best.l2)) return undefined;
  return { weights: fitWeights(pairs, priorWeights, { ...options, l2: best.l2 }), bias: 0, examples: pairs.length, l2: best.l2, heldOutAccuracy: best.accuracy };
}

/** Share of accepted–declined pairs of one listing that `weights` order right (ties half), listings weighing alike. */
export function pairOrderAccuracy(pairs: readonly LabelledPair[], weights: Record<LearnedFeature, number>): number {
  const byQuery = new Map<string, { pos: number[]; neg: number[] }>();
  for (const p of pairs) {
    let g = byQuery.get(p.queryId);
    if (!g) byQuery.set(p.queryId, (g = { pos: [], neg: [] }));
    (p.accepted ? g.pos : g.neg).push(learnedScore({ weights, bias: 0, examples: 0 }, p.components));
  }
  let sum = 0;
  let n = 0;
  for (const { pos, neg } of byQuery.values()) {
    if (pos.length === 0 || neg.length === 0) continue;
    let right = 0;
    for (const a of pos) for (const d of neg) right += a > d ? 1 : a === d ? 0.5 : 0;
    sum += right / (pos.length * neg.length);
    n++;
  }
  return n > 0 ? sum / n : 0;
}

function fitWeights(pairs: readonly LabelledPair[], prior: Record<LearnedFeature, number>, options: LearnOptions): Record<LearnedFeature, number> {
  const m = LEARNED_FEATURES.length;
  const vec = (c: ScoreComponents): number[] => LEARNED_FEATURES.map((f) => feature(c, f));
  const byQuery = new Map<string, { pos: number[][]; neg: number[][] }>();
  for (const p of pairs) {
    let g = byQuery.get(p.queryId);
    if (!g) byQuery.set(p.queryId, (g = { pos: [], neg: [] }));
    (p.accepted ? g.pos : g.neg).push(vec(p.components));
  }
  // Every accepted–declined pair of one listing is a difference labelled 1; each listing weighs the same (its
  // pairs share 1), so a listing with many verdicts does not outvote the others.
  const diffs: number[] = [];
  const pairWeights: number[] = [];
  for (const { pos, neg } of byQuery.values()) {
    const share = 1 / Math.max(pos.length * neg.length, 1);
    for (const a of pos)
      for (const d of neg) {
        for (let j = 0; j < m; j++) diffs.push((a[j] as number) - (d[j] as number));
        pairWeights.push(share);
      }
  }
  const x = Float64Array.from(diffs);
  const pw = Float64Array.from(pairWeights);
  const n = pw.length;
  const total = pw.reduce((a, b) => a + b, 0) || 1;
  const p0 = Float64Array.from(LEARNED_FEATURES, (f) => prior[f] ?? 0);
  const w = Float64Array.from(p0);
  const grad = new Float64Array(m);
  for (let step = 0; step < options.steps && n > 0; step++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < m; j++) z += (w[j] as number) * (x[i * m + j] as number);
      const err = (1 / (1 + Math.exp(-z)) - 1) * (pw[i] as number);
      for (let j = 0; j < m; j++) grad[j] = (grad[j] as number) + err * (x[i * m + j] as number);
    }
    for (let j = 0; j < m; j++)
      w[j] = (w[j] as number) - options.learningRate * ((grad[j] as number) / total + options.l2 * ((w[j] as number) - (p0[j] as number)));
  }
  return Object.fromEntries(LEARNED_FEATURES.map((f, j) => [f, w[j] as number])) as Record<LearnedFeature, number>;
}

/** The learned ranking score of a pair (plus the broker-feedback factor, which the model does not learn). */
export function learnedScore(model: LearnedWeights, c: ScoreComponents): number {
  let s = 0;
  for (const f of LEARNED_FEATURES) s += model.weights[f] * feature(c, f);
  return s;
}
