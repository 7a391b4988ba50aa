import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const DICT_SUBPATH = path.join('libs', 'api', 'text-zh', 'dict');

/**
 * Finds the dictionary folder. The API is compiled by SWC into dist/ keeping the repo layout, so the folder is
 * not at a fixed distance from this module: walk up from `fromDir` until `libs/api/text-zh/dict` (or a `dict`
 * folder beside a `src`) appears.
 */
export function resolveDictDir(explicitDir?: string, fromDir: string = __dirname): string {
  if (explicitDir) {
    if (!existsSync(explicitDir)) throw new Error(`text-zh: dictionary folder not found: ${explicitDir}`);
    return explicitDir;
  }
  let dir = path.resolve(fromDir);
  for (;;) {
    const candidate = path.join(dir, DICT_SUBPATH);
    if (existsSync(path.join(candidate, 'stopwords.txt'))) return candidate;
    const sibling = path.join(dir, 'dict');
    if (path.basename(dir) === 'text-zh' && existsSync(path.join(sibling, 'stopwords.txt'))) return sibling;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`text-zh: cannot find ${DICT_SUBPATH} above ${fromDir}; pass dictDir explicitly`);
}

/** Reads a one-entry-per-line file, skipping blanks and `#` comments. */
export function readListFile(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

export interface UserWord {
  word: string;
  freq: number;
}

/**
 * THUOCL lines are `word<TAB>document frequency` over a web corpus; those counts are 3–5 orders of magnitude
 * above jieba's own, so they are compressed (sqrt, capped) to keep a domain word whole without making it
 * swallow neighbouring words.
 */
export function parseThuocl(text: string): UserWord[] {
  const words: UserWord[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [word, df] = line.trim().split(/\s+/);
    if (!word) continue;
    const n = Number(df);
    const freq = Number.isFinite(n) ? Math.min(1000, Math.max(5, Math.round(Math.sqrt(n)))) : 20;
    words.push({ word, freq });
  }
  return words;
}

/** Hand-written lists: `term [freq]` per line. */
export function parseUserWords(lines: string[], defaultFreq = 1000): UserWord[] {
  return lines.map((line) => {
    const [word, freq] = line.split(/\s+/);
    const n = Number(freq);
    return { word: word ?? '', freq: Number.isFinite(n) && n > 0 ? n : defaultFreq };
  });
}
