/** Graded relevance judgements: need id → result id → grade (absent = 0). */
export type Qrels = Map<string, Map<string, number>>;

/** Ranked result ids per need id, best first. */
export type Run = Map<string, readonly string[]>;

export interface Metrics {
  ndcg10: number;
  p10: number;
  recall50: number;
  mrr: number;
  queries: number;
}

/** nDCG@k with exponential gain (2^grade − 1) and a log2(rank + 1) discount; ideal from all judgements. */
export function ndcgAt(ranked: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    const g = grades.get(id) ?? 0;
    if (g > 0) dcg += (2 ** g - 1) / Math.log2(i + 2);
  });
  const ideal = [...grades.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k);
  let idcg = 0;
  ideal.forEach((g, i) => (idcg += (2 ** g - 1) / Math.log2(i + 2)));
  return idcg > 0 ? dcg / idcg : 0;
}

/** Share of the first k ranks that are relevant (grade > 0); a short list still divides by k. */
export function precisionAt(
  ranked: readonly string[],
  grades: ReadonlyMap<string, number>,
  k: number,
): number {
  let hits = 0;
  for (const id of ranked.slice(0, k)) if ((grades.get(id) ?? 0) > 0) hits++;
  return hits / k;
}

/** Share of all relevant results found in the first k ranks. */
export function recallAt(ranked: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  let total = 0;
  for (const g of grades.values()) if (g > 0) total++;
  if (total === 0) return 0;
  let hits = 0;
  for (const id of ranked.slice(0, k)) if ((grades.get(id) ?? 0) > 0) hits++;
  return hits / total;
}

/** 1 / rank of the first relevant result (0 when none is ranked). */
export function reciprocalRank(ranked: readonly string[], grades: ReadonlyMap<string, number>): number {
  const i = ranked.findIndex((id) => (grades.get(id) ?? 0) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Mean of each metric over the needs that have at least one relevant result. */
export function evaluate(run: Run, qrels: Qrels): Metrics {
  const sums = { ndcg10: 0, p10: 0, recall50: 0, mrr: 0 };
  let n = 0;
  for (const [needId, grades] of qrels) {
    if (![...grades.values()].some((g) => g > 0)) continue;
    const ranked = run.get(needId) ?? [];
    sums.ndcg10 += ndcgAt(ranked, grades, 10);
    sums.p10 += precisionAt(ranked, grades, 10);
    sums.recall50 += recallAt(ranked, grades, 50);
    sums.mrr += reciprocalRank(ranked, grades);
    n++;
  }
  const r = (x: number): number => Math.round((x / Math.max(n, 1)) * 10000) / 10000;
  return {
    ndcg10: r(sums.ndcg10),
    p10: r(sums.p10),
    recall50: r(sums.recall50),
    mrr: r(sums.mrr),
    queries: n,
  };
}
