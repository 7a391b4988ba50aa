import { normalizeText, isCjkWord } from './normalize';
import { looksLikePinyin, wordPinyin } from './pinyin';
import { lexiconWords } from './segmenter';

const MIN_CHARS = 2;
const MAX_CHARS = 8;

/** Words indexed by full pinyin, by initials and by every one-character-masked form (锂电* → 锂电池). */
class Vocabulary {
  readonly words = new Set<string>();
  readonly byPinyin = new Map<string, string[]>();
  readonly byInitials = new Map<string, string[]>();
  readonly byMask = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const raw of words) {
      const word = normalizeText(raw);
      const chars = [...word];
      if (this.words.has(word) || !isCjkWord(word) || chars.length < MIN_CHARS || chars.length > MAX_CHARS) continue;
      this.words.add(word);
      const keys = wordPinyin(word);
      push(this.byPinyin, keys.pinyin, word);
      if (chars.length >= 3) push(this.byInitials, keys.pinyinInitials, word);
      for (const mask of masks(chars)) push(this.byMask, mask, word);
    }
  }
}

function push(map: Map<string, string[]>, key: string, word: string): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(word);
  else map.set(key, [word]);
}

function masks(chars: readonly string[]): string[] {
  return chars.map((_, i) => [...chars.slice(0, i), '*', ...chars.slice(i + 1)].join(''));
}

const baseVocabularies = new Map<string, Vocabulary>();

/**
 * Suggests the words a query may have meant: pinyin or initials (lidianchi, ldc → 锂电池), a homophone
 * (锂电吃 → 锂电池) or one wrong character (锂电车 → 锂电池), each from the vocabulary. The caller's own words
 * (synonym terms, field names) come before the shipped lexicons, whose index is built once per process
 * (~0.3 s, on the first suggestion).
 */
export class Speller {
  private base: Vocabulary | undefined;
  private readonly own: Vocabulary;

  constructor(
    ownWords: Iterable<string>,
    private readonly dictDir?: string,
  ) {
    this.own = new Vocabulary(ownWords);
  }

  /** Up to `limit` distinct words or phrases, best first; empty when nothing is near. */
  suggest(text: string, limit = 5): string[] {
    const tokens = normalizeText(text).split(/\s+/).filter(Boolean);
    if (tokens.length === 0) return [];
    if (tokens.length === 1) return this.candidates(tokens[0] as string).slice(0, limit);
    // Several words: one phrase with each unknown word replaced by its best candidate.
    let changed = false;
    const phrase = tokens.map((token) => {
      const best = this.candidates(token)[0];
      if (best === undefined) return token;
      changed = true;
      return best;
    });
    return changed ? [phrase.join(' ')] : [];
  }

  private candidates(token: string): string[] {
    const layers = [this.own, this.baseVocabulary()];
    const out: string[] = [];
    const add = (words: readonly string[] | undefined): void => {
      for (const w of words ?? []) if (w !== token && !out.includes(w)) out.push(w);
    };
    if (looksLikePinyin(token)) {
      for (const v of layers) add(v.byPinyin.get(token));
      if (token.length >= 3) for (const v of layers) add(v.byInitials.get(token));
      return out;
    }
    const chars = [...token];
    if (!isCjkWord(token) || chars.length < MIN_CHARS || chars.length > MAX_CHARS) return out;
    if (layers.some((v) => v.words.has(token))) return out;
    const { pinyin } = wordPinyin(token);
    for (const v of layers) add(v.byPinyin.get(pinyin));
    for (const mask of masks(chars)) for (const v of layers) add(v.byMask.get(mask));
    return out;
  }

  private baseVocabulary(): Vocabulary {
    if (!this.base) {
      const key = this.dictDir ?? '';
      let base = baseVocabularies.get(key);
      if (!base) {
        base = new Vocabulary(lexiconWords(this.dictDir).map((w) => w.word));
        baseVocabularies.set(key, base);
      }
      this.base = base;
    }
    return this.base;
  }
}
