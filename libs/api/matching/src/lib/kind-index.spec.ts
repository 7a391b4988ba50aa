import { getDefaultAnalyzer } from '@xkx/text-zh';

import { DEFAULT_MATCH_CONFIG } from './config';
import { DocTokens, KindIndex, QueryTerms, TermDictionary } from './kind-index';
import type { ResultDoc } from './types';

const texts = ['锂离子电池正极材料', '钙钛矿太阳能电池封装', '工业缺陷检测深度学习', '锂电池回收', '电池管理系统'];

function build(): { index: KindIndex; dict: TermDictionary } {
  const dict = new TermDictionary();
  const index = new KindIndex(dict);
  const a = getDefaultAnalyzer();
  texts.forEach((title, i) => {
    const doc: ResultDoc = { kind: 'result', id: `r${i}`, title };
    const tokens: DocTokens = { title: a.analyze(title), keywords: a.analyze(''), body: a.analyze('') };
    index.add(doc, tokens);
  });
  return { index, dict };
}

describe('KindIndex incremental search', () => {
  it('scores a query accumulated in two steps exactly like the same query at once', () => {
    const { index, dict } = build();
    const t = (word: string): number => dict.lookup(word, false) as number;
    const all: QueryTerms = new Map([
      [t('电池'), 2],
      [t('锂'), 1],
      [t('封装'), 0.5],
    ]);
    const once = index.search(all, DEFAULT_MATCH_CONFIG, 10);
    index.beginSearch();
    index.accumulate(new Map([[t('电池'), 2]]), DEFAULT_MATCH_CONFIG);
    index.accumulate(
      new Map([
        [t('锂'), 1],
        [t('封装'), 0.5],
      ]),
      DEFAULT_MATCH_CONFIG,
    );
    const twice = index.top(10);
    index.endSearch();
    expect(twice.slots).toEqual(once.slots);
    twice.scores.forEach((s, i) => expect(s).toBeCloseTo(once.scores[i] as number, 10));
    // accumulators are cleared
    expect(index.accumulated(once.slots[0] as number)).toBe(0);
  });
});
