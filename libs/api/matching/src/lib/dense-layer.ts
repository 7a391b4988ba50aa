import type { MatchConfig } from './config';
import type { DocTokens } from './kind-index';
import type { WordBag } from './word-vectors';

/**
 * A listing's (or query's) analyzer words with field-weighted, log-dampened frequencies, as the semantic layer
 * weighs them (title 3, keywords 2, body 1 by default); the dense layer multiplies by idf itself.
 */
export function wordBagOf(tokens: DocTokens, bm25: MatchConfig['bm25']): WordBag {
  const tf = new Map<string, number>();
  const add = (words: readonly string[], w: number): void => {
    for (const word of words) tf.set(word, (tf.get(word) ?? 0) + w);
  };
  add(tokens.title.words, bm25.title.weight);
  add(tokens.keywords.words, bm25.keywords.weight);
  add(tokens.body.words, bm25.body.weight);
  const words = [...tf.keys()];
  return { words, weights: Float32Array.from(words, (w) => Math.log1p(tf.get(w) as number)) };
}

/** Positions 0..n-1 ordered by descending value, ties by position (so the input order decides, stably). */
function ranks(values: readonly number[]): Int32Array {
  const order = values.map((_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  const rank = new Int32Array(values.length);
  order.forEach((pos, r) => (rank[pos] = r + 1));
  return rank;
}

/**
 * Fuses the pool's relevance with its dense similarities. `rrf`: (1 − w)/(k + rank by relevance) +
 * w/(k + rank by dense similarity), scaled by (k + 1) so a candidate first in both scores 1. `score`:
 * (1 − w) × relevance + w × similarity min-max scaled over the pool. Candidates without a vector count as the
 * least similar. Returns the fused relevance and the scaled similarity (the `dense` score component).
 */
export function fuseDense(
  relevance: readonly number[],
  sims: readonly (number | undefined)[],
  cfg: MatchConfig['dense'],
): { fused: number[]; dense: number[] } {
  const known = sims.filter((s): s is number => s !== undefined);
  const lo = known.length > 0 ? Math.min(...known) : 0;
  const range = (known.length > 0 ? Math.max(...known) : 0) - lo || 1;
  const dense = sims.map((s) => (s === undefined ? 0 : (s - lo) / range));
  const w = cfg.weight;
  if (cfg.fusion === 'score') return { fused: relevance.map((r, i) => (1 - w) * r + w * (dense[i] as number)), dense };
  const k = cfg.rrfK;
  const byRel = ranks(relevance);
  const byDense = ranks(sims.map((s) => (s === undefined ? -Infinity : s)));
  const fused = relevance.map((_, i) => (k + 1) * ((1 - w) / (k + (byRel[i] as number)) + w / (k + (byDense[i] as number))));
  return { fused, dense };
}
