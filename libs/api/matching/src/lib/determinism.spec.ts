import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { createAnalyzer } from '@xkx/text-zh';

import { MatchIndex } from './match-index';
import type { MatchDoc, NeedDoc, ResultDoc } from './types';

/** Issue 15: the same listings rank the same way, whatever order they load in and whatever was built before. */
describe('deterministic ranking', () => {
  const dir = path.resolve(__dirname, '../../../../../data/match-bench/csl');
  const lines = (file: string): Array<Record<string, unknown>> =>
    readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const results: ResultDoc[] = lines('results.jsonl')
    .slice(0, 600)
    .map((r) => ({ kind: 'result', id: String(r['id']), title: String(r['title']), summary: String(r['summary'] ?? ''), keywords: (r['keywords'] as string[] | undefined) ?? [] }));
  const needs: NeedDoc[] = lines('needs.jsonl')
    .slice(0, 40)
    .map((n) => ({ kind: 'need', id: String(n['id']), title: String(n['title']), description: String(n['description'] ?? ''), keywords: (n['keywords'] as string[] | undefined) ?? [] }));

  const rankings = (docs: readonly MatchDoc[]): string[][] => {
    // The dense layer trains on these 600 listings too (a small one: the test is about order, not quality).
    const index = new MatchIndex({
      analyzer: createAnalyzer({ synonyms: [['锂离子电池', '锂电池']] }),
      config: { dense: { dims: 16, epochs: 1 } },
    });
    index.addAll(docs);
    return needs.map((need) => index.match(need, { limit: 20, reasons: false }).map((h) => `${h.id} ${h.score.toFixed(6)}`));
  };

  it('gives identical rankings when the listings load in another order', () => {
    const forward = rankings(results);
    const shuffled = [...results].sort((a, b) => (a.title.length % 7) - (b.title.length % 7) || (a.id < b.id ? 1 : -1));
    expect(rankings(shuffled)).toEqual(forward);
    expect(rankings([...results].reverse())).toEqual(forward);
  });

  it('gives identical rankings after another analyzer added words of its own', () => {
    const before = rankings(results);
    createAnalyzer({ synonyms: [['水煤浆', '煤浆'], ['药物咨询', '用药咨询'], ['风湿克酒', '风湿酒']] });
    expect(rankings(results)).toEqual(before);
  });
});
