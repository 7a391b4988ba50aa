import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { createAnalyzer } from '@xkx/text-zh';

import { MatchIndex } from './match-index';
import type { MatchDoc, NeedDoc, ResultDoc } from './types';

/** Issue 13: an index restored from its snapshot (plus the same changes) ranks exactly as one built from the listings. */
describe('index snapshots', () => {
  const dir = path.resolve(__dirname, '../../../../../data/match-bench/csl');
  const lines = (file: string): Array<Record<string, unknown>> =>
    readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const results: ResultDoc[] = lines('results.jsonl')
    .slice(0, 300)
    .map((r, i) => ({
      kind: 'result',
      id: String(r['id']),
      title: String(r['title']),
      summary: String(r['summary'] ?? ''),
      keywords: (r['keywords'] as string[] | undefined) ?? [],
      trl: 1 + (i % 9),
      updatedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))),
      validUntil: i % 3 === 0 ? '2027-06-30' : null,
    }));
  const needs: NeedDoc[] = lines('needs.jsonl')
    .slice(0, 20)
    .map((n) => ({ kind: 'need', id: String(n['id']), title: String(n['title']), description: String(n['description'] ?? ''), keywords: (n['keywords'] as string[] | undefined) ?? [] }));
  const later = results.slice(290);
  const base = results.slice(0, 290);
  const now = new Date('2026-12-01T00:00:00Z');
  const options = () => ({ analyzer: createAnalyzer({ synonyms: [['锂离子电池', '锂电池']] }), config: { dense: { dims: 16, epochs: 1, minDocs: 100 } } });
  const build = (docs: readonly MatchDoc[]): MatchIndex => {
    const index = new MatchIndex(options());
    index.addAll([...docs, ...needs]);
    return index;
  };
  /** What a restarted instance replays from the change feed: new listings, a changed one, a withdrawn one. */
  const changes = (index: MatchIndex): void => {
    for (const doc of later) index.upsert(doc);
    index.upsert({ ...(base[5] as ResultDoc), title: `${base[5]?.title ?? ''}（第二版）` });
    index.remove('result', base[7]?.id ?? '');
  };
  const rankings = (index: MatchIndex): string[] => needs.map((need) => JSON.stringify(index.matchesFor('need', need.id, { limit: 20, now })));

  let built: MatchIndex;
  let bytes: Uint8Array;
  beforeAll(() => {
    built = build(base);
    bytes = built.toSnapshot({ position: 42 });
  });

  it('is the same bytes whatever order the listings were read in, and restores to the same rankings', () => {
    expect(Buffer.from(build([...base].reverse()).toSnapshot({ position: 42 })).equals(Buffer.from(bytes))).toBe(true);
    expect(MatchIndex.snapshotMeta(bytes)['position']).toBe(42);
    const restored = MatchIndex.fromSnapshot(bytes, options());
    expect(restored.size('result')).toBe(290);
    expect(restored.get('result', base[0]?.id ?? '')?.updatedAt).toBeInstanceOf(Date);
    expect(rankings(restored)).toEqual(rankings(built));
    expect(Buffer.from(restored.toSnapshot({ position: 42 })).equals(Buffer.from(bytes))).toBe(true);
  });

  it('plus the changes after it ranks as the instance that applied them live', () => {
    const live = build(base);
    const restored = MatchIndex.fromSnapshot(bytes, options());
    changes(live);
    changes(restored);
    expect(restored.size('result')).toBe(live.size('result'));
    expect(rankings(restored)).toEqual(rankings(live));
  });

  it('is refused when the matching configuration changed since', () => {
    expect(() => MatchIndex.fromSnapshot(bytes, { config: { dense: { dims: 16, epochs: 2, minDocs: 100 } } })).toThrow(/configuration/);
  });

  it('builds in pieces exactly what addAll builds at once', async () => {
    const chunked = new MatchIndex(options());
    let pauses = 0;
    await chunked.addAllChunked([...base, ...needs], async () => {
      pauses++;
      await new Promise((r) => setImmediate(r));
    }, 100);
    expect(pauses).toBeGreaterThan(6);
    expect(Buffer.from(chunked.toSnapshot({ position: 42 })).equals(Buffer.from(bytes))).toBe(true);
  }, 30_000);
});
