import { cjkBigrams } from './ngrams';
import { cleanToken, hasWordChar, isCjkWord, normalizeText } from './normalize';
import { pinyinTokens } from './pinyin';
import { Segmenter, segmenterFor } from './segmenter';
import { defaultStopwords } from './stopwords';
import { createSynonymIndex, defaultSynonymGroups, SynonymGroupInput, SynonymIndex } from './synonyms';

export interface AnalyzerOptions {
  dictDir?: string;
  /**
   * Synonym groups (a term list is an equivalence group, first term canonical; `{ terms, relation: 'NARROWER' }`
   * lists narrower terms after the broader one) or a prebuilt index; defaults to `dict/synonyms.txt`.
   */
  synonyms?: readonly (readonly string[] | SynonymGroupInput)[] | SynonymIndex;
  /** Replaces the default stopword list. */
  stopwords?: ReadonlySet<string>;
}

export interface AnalyzeOptions {
  /** Emit CJK character bigrams as well as words (default true). */
  bigrams?: boolean;
  /** `search` adds the dictionary sub-words of long words (default); `exact` is jieba's plain cut. */
  mode?: 'search' | 'exact';
}

export interface AnalyzedText {
  /** Word tokens, synonyms folded to their canonical term, stopwords removed, in text order. */
  words: string[];
  /** The surface form of each entry of `words` (same index), before synonym folding. */
  surfaces: string[];
  /** Character bigrams of the CJK runs between stopwords (empty when `bigrams: false`). */
  bigrams: string[];
}

export interface TsQueryOptions {
  /** `all`: every query word must match, as a word or through all of its bigrams; `any`: any token. */
  mode?: 'all' | 'any';
}

const KEEP_MEMO_LIMIT = 200_000;

/** The Chinese text pipeline: normalise → segment → stopwords → synonyms, plus the bigram fallback. */
export class TextAnalyzer {
  readonly synonyms: SynonymIndex;
  readonly stopwords: ReadonlySet<string>;
  private readonly segmenter: Segmenter;

  constructor(options: AnalyzerOptions = {}) {
    const syn = options.synonyms ?? defaultSynonymGroups(options.dictDir);
    this.synonyms = isSynonymIndex(syn) ? syn : createSynonymIndex(syn);
    this.stopwords = options.stopwords ?? defaultStopwords(options.dictDir);
    // Synonym terms must be kept whole, or a group could never match. The segmenter is this analyzer's own
    // (shared only with analyzers of the same words): another analyzer's terms never change how this one cuts.
    this.segmenter = segmenterFor({ dictDir: options.dictDir }, this.synonyms.terms.map((word) => ({ word, freq: 1000 })));
  }

  analyze(text: string, options: AnalyzeOptions = {}): AnalyzedText {
    const normalized = normalizeText(text);
    const words: string[] = [];
    const surfaces: string[] = [];
    const bigrams: string[] = [];
    if (!normalized) return { words, surfaces, bigrams };
    const mode = options.mode ?? 'search';
    const exact = this.segmenter.cut(normalized, 'exact');
    const wordTokens = mode === 'exact' ? exact : this.segmenter.cut(normalized, 'search');
    for (const raw of wordTokens) {
      const token = this.keep(raw);
      if (token === undefined) continue;
      surfaces.push(token);
      words.push(this.synonyms.canonical(token));
    }
    if (options.bigrams ?? true) {
      // Runs come from the exact cut so that search-mode sub-words don't repeat characters.
      let run = '';
      for (const raw of exact) {
        const token = this.keep(raw);
        if (token !== undefined && isCjkWord(token)) {
          run += token;
          continue;
        }
        if (run) bigrams.push(...cjkBigrams(run));
        run = '';
      }
      if (run) bigrams.push(...cjkBigrams(run));
    }
    return { words, surfaces, bigrams };
  }

  /** Words then bigrams, as one token list. */
  tokens(text: string, options: AnalyzeOptions = {}): string[] {
    const { words, bigrams } = this.analyze(text, options);
    return [...words, ...bigrams];
  }

  /**
   * A space-separated document for a PostgreSQL search column: `to_tsvector('simple', <this>)`. PostgreSQL and
   * PGlite have no Chinese parser, so the words are segmented here and the bigrams stored beside them.
   */
  searchDocument(...texts: (string | null | undefined)[]): string {
    const parts: string[] = [];
    for (const text of texts) {
      if (!text) continue;
      const { words, bigrams } = this.analyze(text);
      parts.push(...words, ...bigrams);
    }
    return parts.join(' ');
  }

  /**
   * A query string for `to_tsquery('simple', $1)` matching documents built by `searchDocument`. In `all` mode
   * each word becomes `(word | (bigram & bigram …))`, so a word the listing's segmentation cut differently
   * still matches through its characters. Returns '' when the text has no searchable token.
   */
  tsQuery(text: string, options: TsQueryOptions = {}): string {
    if ((options.mode ?? 'all') === 'any') {
      const { words, bigrams } = this.analyze(text);
      return unique([...words, ...bigrams])
        .map(quoteLexeme)
        .join(' | ');
    }
    const { words, surfaces } = this.analyze(text, { mode: 'exact', bigrams: false });
    const clauses = new Map<string, string>();
    words.forEach((word, i) => {
      const surface = surfaces[i] ?? word;
      const grams = isCjkWord(surface) && [...surface].length > 2 ? cjkBigrams(surface) : [];
      const alternatives = [quoteLexeme(word)];
      if (surface !== word) alternatives.push(quoteLexeme(surface));
      if (grams.length > 0) alternatives.push(`(${unique(grams).map(quoteLexeme).join(' & ')})`);
      clauses.set(
        word,
        alternatives.length > 1 ? `(${alternatives.join(' | ')})` : (alternatives[0] as string),
      );
    });
    return [...clauses.values()].join(' & ');
  }

  /**
   * A word of the industry lexicon: THUOCL (IT, medicine, cars), the domain dictionary or a synonym term. Matching
   * names only such words as related terms (接收, 距离 are words, not topics).
   */
  isLexiconWord(word: string): boolean {
    return this.segmenter.knows(word);
  }

  /**
   * Like `tsQuery` in `all` mode, but each query word that has narrower terms (人工智能 → 机器视觉, 大语言模型 …)
   * is replaced by them; '' when no word has any. Search ranks what only this finds below direct hits.
   */
  narrowerTsQuery(text: string): string {
    const { words } = this.analyze(text, { mode: 'exact', bigrams: false });
    let expanded = false;
    const clauses = new Map<string, string>();
    for (const word of words) {
      const narrower = this.synonyms.narrower(word);
      if (narrower.length > 0) expanded = true;
      const terms = narrower.length > 0 ? narrower : [word];
      clauses.set(word, terms.length > 1 ? `(${terms.map(quoteLexeme).join(' | ')})` : quoteLexeme(terms[0] as string));
    }
    return expanded ? [...clauses.values()].join(' & ') : '';
  }

  /**
   * Pinyin search keys of a text's words and of their equivalents: full pinyin ("lidianchi") for words of two
   * characters or more, initials ("ldc") for three or more (two letters match too much). 锂离子电池 in a title
   * also yields the keys of 锂电池, so `lidianchi` finds it.
   */
  pinyinKeys(text: string): string[] {
    const { words, surfaces } = this.analyze(text, { bigrams: false });
    const terms = new Set<string>();
    for (const word of [...words, ...surfaces]) for (const term of this.synonyms.expand(word)) if (isCjkWord(term)) terms.add(term);
    return pinyinTokens([...terms]);
  }

  /**
   * Cleaned token, or undefined for stopwords and punctuation. Memoised per raw token: the same few ten
   * thousand tokens recur in every listing, and the regular expressions behind this were a third of the
   * analysis time of a bulk load. The memo is cleared when it reaches `KEEP_MEMO_LIMIT` entries.
   */
  private keep(raw: string): string | undefined {
    const memo = this.keepMemo.get(raw);
    if (memo !== undefined) return memo === '' ? undefined : memo;
    const cleaned = cleanToken(raw);
    const token = !cleaned || !hasWordChar(cleaned) || this.stopwords.has(cleaned) ? '' : cleaned;
    if (this.keepMemo.size >= KEEP_MEMO_LIMIT) this.keepMemo.clear();
    this.keepMemo.set(raw, token);
    return token === '' ? undefined : token;
  }

  private readonly keepMemo = new Map<string, string>();
}

function isSynonymIndex(value: readonly (readonly string[] | SynonymGroupInput)[] | SynonymIndex): value is SynonymIndex {
  return !Array.isArray(value);
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Quotes a lexeme for to_tsquery; tokens hold no quotes after normalisation, but escape defensively. */
export function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

let defaultAnalyzer: TextAnalyzer | undefined;

/** The analyzer with the shipped dictionaries, stopwords and synonym groups (lazy singleton). */
export function getDefaultAnalyzer(): TextAnalyzer {
  defaultAnalyzer ??= new TextAnalyzer();
  return defaultAnalyzer;
}

export function createAnalyzer(options: AnalyzerOptions = {}): TextAnalyzer {
  return new TextAnalyzer(options);
}

/** Tokens of `text` (words, then bigrams unless `bigrams: false`) with the default analyzer. */
export function analyze(text: string, options: AnalyzeOptions = {}): string[] {
  return getDefaultAnalyzer().tokens(text, options);
}

export function toSearchDocument(...texts: (string | null | undefined)[]): string {
  return getDefaultAnalyzer().searchDocument(...texts);
}

export function toTsQuery(text: string, options: TsQueryOptions = {}): string {
  return getDefaultAnalyzer().tsQuery(text, options);
}
