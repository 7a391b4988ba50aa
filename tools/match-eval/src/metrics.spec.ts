import { evaluate, ndcgAt, precisionAt, recallAt, reciprocalRank } from './metrics';

const grades = new Map([
  ['a', 2],
  ['b', 1],
  ['c', 0],
  ['d', 1],
]);

describe('metrics', () => {
  it('nDCG is 1 for the ideal order and lower otherwise', () => {
    expect(ndcgAt(['a', 'b', 'd'], grades, 10)).toBeCloseTo(1);
    const dcg = 1 / Math.log2(2) + 3 / Math.log2(3);
    const idcg = 3 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(ndcgAt(['b', 'a', 'x'], grades, 10)).toBeCloseTo(dcg / idcg);
    expect(ndcgAt([], grades, 10)).toBe(0);
  });

  it('precision divides by k even for short lists', () => {
    expect(precisionAt(['a', 'c', 'b'], grades, 10)).toBeCloseTo(0.2);
    expect(precisionAt(['a', 'c'], grades, 2)).toBeCloseTo(0.5);
  });

  it('recall counts relevant results found within k', () => {
    expect(recallAt(['a', 'x', 'd'], grades, 50)).toBeCloseTo(2 / 3);
    expect(recallAt(['a', 'x', 'd'], grades, 1)).toBeCloseTo(1 / 3);
  });

  it('reciprocal rank uses the first relevant result', () => {
    expect(reciprocalRank(['c', 'x', 'b'], grades)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['c'], grades)).toBe(0);
  });

  it('averages over needs with at least one relevant result', () => {
    const qrels = new Map([
      ['n1', new Map([['a', 2]])],
      ['n2', new Map([['b', 0]])],
    ]);
    const m = evaluate(new Map([['n1', ['a']]]), qrels);
    expect(m).toEqual({ ndcg10: 1, p10: 0.1, recall50: 1, mrr: 1, queries: 1 });
  });
});
