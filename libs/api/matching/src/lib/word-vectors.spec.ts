import { fuseDense } from './dense-layer';
import { DEFAULT_MATCH_CONFIG } from './config';
import { MatchIndex } from './match-index';
import type { ResultDoc } from './types';
import { WordVectorOptions, WordVectors } from './word-vectors';

const OPTIONS: WordVectorOptions = {
  dims: 16,
  window: 3,
  negatives: 3,
  epochs: 20,
  learningRate: 0.05,
  minCount: 1,
  minN: 1,
  maxN: 2,
  subsample: 0,
  seed: 7,
};

const SENTENCES = [
  ['锂电池', '正极', '材料', '容量'],
  ['锂电池', '电解液', '容量', '循环'],
  ['正极', '材料', '电解液', '循环'],
  ['土壤', '修复', '重金属', '污染'],
  ['重金属', '污染', '土壤', '淋洗'],
  ['修复', '淋洗', '土壤', '污染'],
];

describe('WordVectors (dense layer)', () => {
  it('trains the same vectors twice (seeded generator, fixed order)', () => {
    const a = WordVectors.train(SENTENCES, SENTENCES, OPTIONS);
    const b = WordVectors.train(SENTENCES, SENTENCES, OPTIONS);
    expect(a.words).toEqual(b.words);
    expect(Array.from(a.vectors)).toEqual(Array.from(b.vectors));
    expect(a.vectors.some((x) => x !== 0)).toBe(true);
  });

  it('puts words that share contexts closer than words that never meet', () => {
    const wv = WordVectors.train(SENTENCES, SENTENCES, OPTIONS);
    const cos = (x: string, y: string): number => {
      const a = wv.wordVector(x) as Float32Array;
      const b = wv.wordVector(y) as Float32Array;
      return a.reduce((s, v, i) => s + v * (b[i] as number), 0);
    };
    expect(cos('正极', '电解液')).toBeGreaterThan(cos('正极', '淋洗'));
  });

  it('gives an unseen word a vector through its character n-grams, and none to unknown characters', () => {
    const wv = WordVectors.train(SENTENCES, SENTENCES, OPTIONS);
    expect(wv.wordVector('锂电')).toBeDefined();
    expect(wv.wordVector('氢能')).toBeUndefined();
    const v = wv.embed({ words: ['锂电池', '容量'], weights: [1, 1] }) as Float32Array;
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
  });
});

describe('dense layer in the index', () => {
  const results: ResultDoc[] = [
    { kind: 'result', id: 'r1', title: '锂电池正极材料', summary: '高容量锂电池正极材料与电解液' },
    { kind: 'result', id: 'r2', title: '土壤重金属修复', summary: '重金属污染土壤的淋洗修复' },
    { kind: 'result', id: 'r3', title: '电解液添加剂', summary: '提高锂电池循环寿命的电解液' },
  ];
  const config = { dense: { enabled: true, dims: 16, epochs: 5, minCount: 1, subsample: 0, minDocs: 1 } };

  it('fills the dense component and ranks identically after a second training', () => {
    const rank = (): string[] => {
      const index = new MatchIndex({ config });
      index.addAll(results);
      return index
        .match({ kind: 'need', id: 'n1', title: '锂电池电解液', description: '' }, { reasons: false })
        .map((h) => `${h.id} ${h.score.toFixed(8)} ${h.components.dense?.toFixed(8)}`);
    };
    const first = rank();
    expect(first[0]).toMatch(/^r[13] /);
    expect(first.every((line) => !line.endsWith('undefined'))).toBe(true);
    expect(rank()).toEqual(first);
  });

  it('fuses by reciprocal rank or by scaled score', () => {
    const dense = { ...DEFAULT_MATCH_CONFIG.dense, weight: 0.5, rrfK: 1, fusion: 'rrf' as const };
    const rrf = fuseDense([1, 0.5], [0.1, 0.9], dense);
    expect(rrf.fused[0]).toBeCloseTo(rrf.fused[1] as number, 10);
    expect(rrf.dense).toEqual([0, 1]);
    const score = fuseDense([1, 0.5, 0.2], [0.1, 0.5, undefined], { ...dense, fusion: 'score' });
    expect(score.dense).toEqual([0, 1, 0]);
    expect(score.fused).toEqual([0.5, 0.75, 0.1]);
  });
});
