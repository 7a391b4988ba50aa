import { loadBench, loadQrels } from './bench-data';
import { cacheFile, cachedIndex } from './index-cache';

interface Row {
  coverage: number;
  cosine: number;
  score: number;
  label: number;
  even: boolean;
}

/** Logistic regression by full-batch gradient descent (deterministic). */
export function fitLogistic(x: readonly number[][], y: readonly number[], steps = 3000, rate = 1): number[] {
  const m = (x[0]?.length ?? 0) + 1;
  const w = new Array<number>(m).fill(0);
  for (let s = 0; s < steps; s++) {
    const g = new Array<number>(m).fill(0);
    x.forEach((row, i) => {
      let z = w[0] as number;
      row.forEach((v, j) => (z += (w[j + 1] as number) * v));
      const err = 1 / (1 + Math.exp(-z)) - (y[i] as number);
      g[0] = (g[0] as number) + err;
      row.forEach((v, j) => (g[j + 1] = (g[j + 1] as number) + err * v));
    });
    for (let j = 0; j < m; j++) w[j] = (w[j] as number) - (rate * (g[j] as number)) / x.length;
  }
  return w;
}

/**
 * Fits the displayed strength (MatchIndex `calibration`): the probability that a pair among a need's top 20 is
 * judged same-discipline (grade 2), from its absolute evidence (coverage of the query's word mass, semantic
 * cosine), on the even needs of csl; reports reliability on the odd ones, next to the clipped ranking score
 * the app showed before. Not run in CI.
 */
function main(): void {
  const dir = process.argv[2] ?? 'data/match-bench/csl';
  const shown = Number(process.argv[3] ?? 20);
  const bench = loadBench(dir);
  const qrels = loadQrels(dir);
  // As the app indexes them: both kinds.
  const index = cachedIndex([...bench.results, ...bench.needs], cacheFile('base'));
  const rows: Row[] = [];
  bench.needs.forEach((need, i) => {
    const grades = qrels.get(need.id);
    for (const hit of index.matchesFor('need', need.id, { limit: shown, reasons: false }))
      rows.push({ coverage: hit.components.coverage ?? 0, cosine: hit.components.cosine ?? 0, score: hit.score, label: (grades?.get(hit.id) ?? 0) >= 2 ? 1 : 0, even: i % 2 === 0 });
  });
  const train = rows.filter((r) => r.even);
  const test = rows.filter((r) => !r.even);
  const w = fitLogistic(train.map((r) => [r.coverage, r.cosine]), train.map((r) => r.label));
  const predict = (r: Row): number => 1 / (1 + Math.exp(-((w[0] as number) + (w[1] as number) * r.coverage + (w[2] as number) * r.cosine)));
  const clipped = (r: Row): number => Math.min(1, Math.max(0, r.score));
  const report = (name: string, p: (r: Row) => number): Record<string, unknown> => {
    const brier = test.reduce((s, r) => s + (p(r) - r.label) ** 2, 0) / test.length;
    const sorted = [...test].sort((a, b) => p(a) - p(b));
    const bins = [];
    for (let b = 0; b < 5; b++) {
      const part = sorted.slice(Math.floor((b * sorted.length) / 5), Math.floor(((b + 1) * sorted.length) / 5));
      bins.push({
        predicted: +(part.reduce((s, r) => s + p(r), 0) / part.length).toFixed(3),
        observed: +(part.reduce((s, r) => s + r.label, 0) / part.length).toFixed(3),
      });
    }
    return { name, brier: +brier.toFixed(4), quintiles: bins };
  };
  const base = test.reduce((s, r) => s + r.label, 0) / test.length;
  process.stdout.write(
    `${JSON.stringify(
      {
        pairs: { train: train.length, test: test.length, testRate: +base.toFixed(3) },
        coefficients: { bias: +(w[0] as number).toFixed(3), coverage: +(w[1] as number).toFixed(3), semantic: +(w[2] as number).toFixed(3) },
        calibrated: report('calibrated', predict),
        clippedScore: report('clipped ranking score (before)', clipped),
        constant: { brier: +(test.reduce((s, r) => s + (base - r.label) ** 2, 0) / test.length).toFixed(4) },
      },
      null,
      2,
    )}\n`,
  );
}

if (require.main === module) main();
