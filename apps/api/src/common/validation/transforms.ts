// Whitespace, and characters that render as nothing (zero-width space and joiners, word joiner, BOM,
// soft hyphen, Hangul fillers, variation selectors…) plus the braille blank: a title made only of
// these looks empty and is refused like an empty one.
const BLANK = /^[\s\p{Default_Ignorable_Code_Point}\u2800]$/u;
// Variation selectors are invisible alone but style the character before them (❤️): kept at the end.
const SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

/**
 * `String.prototype.trim` that also strips invisible characters at both ends. A loop rather than a
 * regex with `+$`, which is quadratic on a long run of blanks followed by a letter.
 */
export function trimText(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end) {
    const ch = String.fromCodePoint(value.codePointAt(start) ?? 0);
    if (!BLANK.test(ch)) break;
    start += ch.length;
  }
  while (end > start) {
    const pair = end - 2 >= start && /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(value.slice(end - 2, end));
    const ch = value.slice(pair ? end - 2 : end - 1, end);
    if (!BLANK.test(ch) || SELECTOR.test(ch)) break;
    end -= ch.length;
  }
  return value.slice(start, end);
}

/** class-transformer helpers: trimmed text, and lists of text without blank entries. */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? trimText(value) : value);

export const trimAll = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? trimText(v) : v)).filter((v) => v !== '') : value;
