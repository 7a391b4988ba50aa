import type { NeedDoc, ResultDoc } from '@xkx/matching';

import { bm25MaxRun, buildExperts, DOCS_PER_EXPERT, expertQrels, popularityRun } from './expert-view';
import type { Qrels } from './metrics';

const doc = (id: string, title: string): ResultDoc => ({ kind: 'result', id, title, keywords: [], summary: title });

describe('expert view construction', () => {
  // Discipline A (grade 2 for need n1): six documents on two sub-topics; discipline B: two; C: no need (grade 1 only).
  const results = [
    doc('a1', '锂电池正极材料包覆'),
    doc('a2', '锂电池正极材料掺杂'),
    doc('a3', '光伏组件封装胶膜'),
    doc('a4', '锂电池正极材料烧结'),
    doc('a5', '光伏组件热斑检测'),
    doc('a6', '锂电池正极材料前驱体'),
    doc('b1', '中药颗粒剂质量标准'),
    doc('b2', '中药提取工艺'),
    doc('c1', '土壤重金属修复'),
  ];
  const qrels: Qrels = new Map([
    ['n1', new Map([['a1', 2], ['a2', 2], ['a3', 2], ['a4', 2], ['a5', 2], ['a6', 2], ['c1', 1]])],
    ['n2', new Map([['b1', 2], ['b2', 2], ['c1', 1]])],
  ]);
  const experts = buildExperts(results, qrels);

  it('never mixes disciplines and keeps sub-topics together', () => {
    const discipline = (id: string): string => id[0] as string;
    for (const e of experts) {
      expect(new Set(e.docs.map((d) => discipline(d.id))).size).toBe(1);
      expect(e.docs.length).toBeLessThanOrEqual(DOCS_PER_EXPERT);
    }
    expect(experts.flatMap((e) => e.docs.map((d) => d.id)).sort()).toEqual(results.map((d) => d.id).sort());
    const first = experts.find((e) => e.docs.some((d) => d.id === 'a1'));
    expect(first?.docs.map((d) => d.id).sort()).toEqual(['a1', 'a2', 'a4', 'a6']);
  });

  it('grades an expert by its best document, and ranks with the baselines', () => {
    const eq = expertQrels(experts, qrels);
    const ofDoc = (id: string): string => experts.find((e) => e.docs.some((d) => d.id === id))?.id ?? '';
    expect(eq.get('n1')?.get(ofDoc('a1'))).toBe(2);
    expect(eq.get('n1')?.get(ofDoc('c1'))).toBe(1);
    expect(eq.get('n1')?.has(ofDoc('b1'))).toBe(false);
    const need: NeedDoc = { kind: 'need', id: 'n1', title: '正极材料', description: '锂电池' };
    expect(bm25MaxRun(experts, [need]).get('n1')?.[0]).toBe(ofDoc('a1'));
    expect(popularityRun(experts, [need]).get('n1')?.[0]).toBe(ofDoc('a1'));
  });
});
