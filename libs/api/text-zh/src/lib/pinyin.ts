import { pinyin } from 'pinyin-pro';

/** Search keys for a Chinese name: "nanjingdaxue" and "njdx" for 南京大学 (Latin characters are kept). */
export function pinyinKeys(name: string): { pinyin: string; pinyinInitials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const full = syllables.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  const initials = syllables
    .map((s) => s.trim().charAt(0))
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return { pinyin: full, pinyinInitials: initials };
}

const memo = new Map<string, { pinyin: string; pinyinInitials: string }>();
const MEMO_LIMIT = 50_000;

/** `pinyinKeys`, memoised: the same few thousand words recur in every title. */
export function wordPinyin(word: string): { pinyin: string; pinyinInitials: string } {
  let keys = memo.get(word);
  if (!keys) {
    keys = pinyinKeys(word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, keys);
  }
  return keys;
}

/**
 * Pinyin tokens of Chinese words for a search document: full pinyin of words of two characters or more,
 * initials of words of three or more (two-letter initials would match unrelated abbreviations).
 */
export function pinyinTokens(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const word of words) {
    const length = [...word].length;
    if (length < 2) continue;
    const keys = wordPinyin(word);
    if (keys.pinyin) out.add(keys.pinyin);
    if (length >= 3 && keys.pinyinInitials) out.add(keys.pinyinInitials);
  }
  return [...out];
}

/** True for a query that can only be pinyin or initials: Latin letters only, at least three. */
export function looksLikePinyin(text: string): boolean {
  return /^[a-z]{3,40}$/i.test(text.trim());
}
