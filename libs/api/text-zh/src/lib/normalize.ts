// opencc-js is an ES module package whose `require` entry is a UMD build; its typings are ESM-only, which a
// CommonJS file cannot import, so the one function used here is typed locally.
interface OpenCCModule {
  Converter(options: { from: string; to: string }): (text: string) => string;
}
const OpenCC = require('opencc-js') as OpenCCModule;

type Converter = (text: string) => string;

let toSimplified: Converter | undefined;

/**
 * Traditional → simplified folding with OpenCC's generic `t2s` tables. The Taiwan phrase tables (`twp`) were
 * rejected: run on already-simplified text they rewrite mainland words (指标 → 指针, 智慧 → 智能), which would
 * corrupt most listings. Regional vocabulary (積體電路 / 集成电路) is handled by synonym groups instead.
 */
export function foldToSimplified(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

// Keep letters, digits, and the joiners that live inside technical tokens (li-ion, c++, c#, 3.5, 5g/6g).
const NOT_TOKEN_CHAR = /[^\p{L}\p{N}\-+.#_]+/gu;

/**
 * Canonical form of any text before segmentation: NFKC (full-width → half-width, compatibility forms),
 * lower-case Latin, traditional → simplified, punctuation → space, whitespace collapsed.
 */
export function normalizeText(text: string): string {
  if (!text) return '';
  const nfkc = text.normalize('NFKC').toLowerCase();
  const simplified = foldToSimplified(nfkc);
  return simplified.replace(NOT_TOKEN_CHAR, ' ').replace(/\s+/g, ' ').trim();
}

const EDGE_JOINERS = /^[-.#_]+|[-._]+$/g;

/** Trims joiner characters that a segmenter can leave at a token's edge ("-ion", "3."). */
export function cleanToken(token: string): string {
  return token.trim().replace(EDGE_JOINERS, '');
}

/** True for code points in the CJK unified ideograph blocks (incl. extension A and compatibility ideographs). */
export function isCjkChar(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2ebef)
  );
}

export function isCjkWord(token: string): boolean {
  for (const ch of token) if (!isCjkChar(ch)) return false;
  return token.length > 0;
}

/** A token is worth indexing when it carries at least one letter or digit. */
export function hasWordChar(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}
