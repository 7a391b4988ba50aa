import { jsonDeeperThan } from '../http/json-depth';
import { textIssues } from './text-input.pipe';
import { trimText } from './transforms';

describe('trimText', () => {
  it.each([
    ['  标题  ', '标题'],
    ['\u200b\u200c\u200d\u2060\ufeff', ''],
    ['\u3000\u00a0\u2800\u3164', ''],
    ['\u200b标\u200b题\u200b', '标\u200b题'],
    ['❤️ ', '❤️'],
    ['\ufe0f\ufe0f', ''],
    ['a\u{E0020}', 'a'],
  ])('%j → %j', (input, expected) => {
    expect(trimText(input)).toBe(expected);
  });

  // Not a speed figure: a quadratic trim needs minutes on this input (2×10^10 steps) and a linear one
  // milliseconds, so the bound sits far from both and holds on a machine under any load (1 s did not).
  it('stays linear on a long run of blanks before a letter', () => {
    const input = `${' '.repeat(200_000)}a${' '.repeat(200_000)}`;
    const started = Date.now();
    expect(trimText(input)).toBe('a');
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});

describe('textIssues', () => {
  it('finds control characters and lone surrogates by path, keys included', () => {
    expect(textIssues({ a: 'ok\t\r\n', b: ['x', 'y\u0000'], c: { d: '\ud800' }, 'e\u0001': 1 })).toEqual([
      { field: 'b.1', constraint: 'noControlCharacters', args: [] },
      { field: 'c.d', constraint: 'wellFormedText', args: [] },
      { field: 'e\ufffd', constraint: 'noControlCharacters', args: [] },
    ]);
  });

  it('accepts paired surrogates and ordinary text', () => {
    expect(textIssues({ t: '𠮷野家 😀 — 技术', n: 3, z: null })).toEqual([]);
  });

  it('names a bare path parameter', () => {
    expect(textIssues('\u007f', 'code')).toEqual([{ field: 'code', constraint: 'noControlCharacters', args: [] }]);
  });
});

describe('jsonDeeperThan', () => {
  it('counts nesting, not brackets in strings or after escapes', () => {
    expect(jsonDeeperThan('[[[1]]]', 3)).toBe(false);
    expect(jsonDeeperThan('[[[[1]]]]', 3)).toBe(true);
    expect(jsonDeeperThan(`{"a":"${'['.repeat(100)}"}`, 2)).toBe(false);
    expect(jsonDeeperThan(`{"a":"\\"${'['.repeat(100)}"}`, 2)).toBe(false);
    expect(jsonDeeperThan(Buffer.from(`{"名":[{"字":[1]}]}`), 3)).toBe(true);
  });
});
