import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { parseThuocl, parseUserWords, resolveDictDir } from './dictionaries';

describe('resolveDictDir', () => {
  it('finds the dictionary folder from the source tree', () => {
    expect(resolveDictDir()).toMatch(/libs[/\\]api[/\\]text-zh[/\\]dict$/);
  });

  it('finds it from a dist/ layout that keeps the repo-relative path', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'xkx-dict-'));
    const dict = path.join(root, 'libs', 'api', 'text-zh', 'dict');
    mkdirSync(dict, { recursive: true });
    writeFileSync(path.join(dict, 'stopwords.txt'), '的\n');
    const compiled = path.join(root, 'dist', 'api', 'libs', 'api', 'text-zh', 'src', 'lib');
    mkdirSync(compiled, { recursive: true });
    expect(resolveDictDir(undefined, compiled)).toBe(dict);
  });

  it('accepts an explicit folder and rejects a missing one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xkx-dict-'));
    expect(resolveDictDir(dir)).toBe(dir);
    expect(() => resolveDictDir(path.join(dir, 'nope'))).toThrow(/not found/);
  });
});

describe('dictionary parsers', () => {
  it('compresses THUOCL document frequencies into jieba-scale counts', () => {
    const words = parseThuocl('字符串 \t 395499\n罕见词\t4\n');
    expect(words).toEqual([
      { word: '字符串', freq: 629 },
      { word: '罕见词', freq: 5 },
    ]);
  });

  it('reads hand-written `term [freq]` lines with a default frequency', () => {
    expect(parseUserWords(['钙钛矿', '锂电池 50'])).toEqual([
      { word: '钙钛矿', freq: 1000 },
      { word: '锂电池', freq: 50 },
    ]);
  });
});
