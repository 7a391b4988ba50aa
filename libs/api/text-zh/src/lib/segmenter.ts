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

/** jieba plus the domain dictionaries. Built once per process (loading costs ~0.5 s), then shared. */
export class Segmenter {
  readonly dictDir: string;
  private readonly jieba: Jieba;
  private readonly known = new Set<string>();

  constructor(options: SegmenterOptions = {}) {
    this.dictDir = resolveDictDir(options.dictDir);
    this.jieba = Jieba.withDict(jiebaDict);
    const words: UserWord[] = [];
    for (const file of THUOCL_FILES) {
      words.push(...parseThuocl(readFileSync(path.join(this.dictDir, 'thuocl', file), 'utf8')));
    }
    words.push(...parseUserWords(readListFile(path.join(this.dictDir, 'xkx-domain.txt'))));
    this.addWords(words);
  }

  /**
   * Adds words so they are kept whole (synonym terms must be, or a group could never match). Words are
   * normalised like text so a traditional or full-width entry still applies. Idempotent.
   */
  addWords(words: readonly UserWord[]): void {
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

let shared: Segmenter | undefined;

/** The process-wide segmenter (lazy). A different `dictDir` on a later call is ignored: one process, one lexicon. */
export function getSegmenter(options: SegmenterOptions = {}): Segmenter {
  shared ??= new Segmenter(options);
  return shared;
}
