import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDict } from '@node-rs/jieba/dict';

import { parseThuocl, parseUserWords, readListFile, resolveDictDir, UserWord } from './dictionaries';
import { normalizeText } from './normalize';

export interface SegmenterOptions {
  /** Folder with `thuocl/`, `xkx-domain.txt`, `stopwords.txt`, `synonyms.txt`; found automatically if omitted. */
  dictDir?: string;
}

const THUOCL_FILES = ['THUOCL_IT.txt', 'THUOCL_medical.txt', 'THUOCL_car.txt'];

/** The shipped lexicons beyond jieba's own dictionary: the domain words first, then THUOCL's. */
export function lexiconWords(dictDir?: string): UserWord[] {
  const dir = resolveDictDir(dictDir);
  const words: UserWord[] = [];
  for (const file of THUOCL_FILES) words.push(...parseThuocl(readFileSync(path.join(dir, 'thuocl', file), 'utf8')));
  words.push(...parseUserWords(readListFile(path.join(dir, 'xkx-domain.txt'))));
  return words;
}

export interface SegmenterBuild extends SegmenterOptions {
  /** Words kept whole beyond the shipped lexicons (an analyzer's synonym terms), high frequency. */
  words?: readonly UserWord[];
}

/**
 * jieba plus the domain dictionaries plus the words its owner asked for. Immutable once built: a segmenter
 * never learns a word after it was made, so how a text is cut does not depend on which analyzers were
 * created before (it did when every analyzer added its synonym terms to one process-wide instance).
 * Loading costs ~0.5 s, so `segmenterFor` shares one instance between analyzers that ask for the same words.
 */
export class Segmenter {
  readonly dictDir: string;
  private readonly jieba: Jieba;
  private readonly known = new Set<string>();

  constructor(options: SegmenterBuild = {}) {
    this.dictDir = resolveDictDir(options.dictDir);
    this.jieba = Jieba.withDict(jiebaDict);
    this.load(lexiconWords(this.dictDir));
    if (options.words) this.load(options.words);
  }

  /** True when the word (normalised) is one of this segmenter's own entries beyond jieba's dictionary. */
  knows(word: string): boolean {
    return this.known.has(word);
  }

  /**
   * Words are normalised like text so a traditional or full-width entry still applies; one already known
   * keeps its first frequency.
   */
  private load(words: readonly UserWord[]): void {
    const lines: string[] = [];
    for (const { word, freq } of words) {
      // A dictionary entry cannot contain a space; multi-word Latin terms are matched token by token instead.
      const norm = normalizeText(word);
      if (!norm || norm.includes(' ') || this.known.has(norm)) continue;
      this.known.add(norm);
      lines.push(`${norm} ${Math.round(freq)}`);
    }
    if (lines.length > 0) this.jieba.loadDict(Buffer.from(lines.join('\n'), 'utf8'));
  }

  /**
   * Segments already-normalised text. `search` mode (jieba's cut_for_search) also emits the dictionary words
   * inside a long word (锂离子电池 → 锂离子, 电池, 锂离子电池), so a listing is found by its parts.
   */
  cut(normalized: string, mode: 'search' | 'exact' = 'search'): string[] {
    if (!normalized) return [];
    return mode === 'search' ? this.jieba.cutForSearch(normalized, true) : this.jieba.cut(normalized, true);
  }
}

const SHARED_LIMIT = 4;
const shared = new Map<string, Segmenter>();

/**
 * The segmenter for the shipped lexicons plus `words`: built on first use, then shared by every analyzer
 * asking for the same dictionary folder and the same words (in any order). The few most recent are kept.
 */
export function segmenterFor(options: SegmenterOptions = {}, words: readonly UserWord[] = []): Segmenter {
  const sorted = [...new Map(words.map((w) => [normalizeText(w.word), Math.round(w.freq)])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = `${resolveDictDir(options.dictDir)}\n${sorted.map(([w, f]) => `${w} ${f}`).join('\n')}`;
  let segmenter = shared.get(key);
  if (segmenter) {
    shared.delete(key);
  } else {
    segmenter = new Segmenter({ dictDir: options.dictDir, words: sorted.map(([word, freq]) => ({ word, freq })) });
    if (shared.size >= SHARED_LIMIT) shared.delete(shared.keys().next().value as string);
  }
  shared.set(key, segmenter);
  return segmenter;
}

/** The segmenter with the shipped lexicons only. */
export function getSegmenter(options: SegmenterOptions = {}): Segmenter {
  return segmenterFor(options, []);
}
