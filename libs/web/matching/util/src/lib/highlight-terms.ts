import { HighlightSegment, MatchReasonView } from '@xkx/contracts';

/** The terms the reasons name (shared and related key terms), longest first, without repeats. */
export function reasonTerms(reasons: readonly MatchReasonView[]): string[] {
  const terms = new Set<string>();
  for (const reason of reasons)
    for (const term of reason.terms ?? []) if (term.trim()) terms.add(term.trim());
  return [...terms].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits a text into `{text, match}` segments where any of the terms occurs (case-insensitive, the longest
 * term winning at each position), the same shape the search API gives for its highlights.
 */
export function highlightTerms(text: string, terms: readonly string[]): HighlightSegment[] {
  const usable = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (!text) return [];
  if (!usable.length) return [{ text, match: false }];
  const pattern = new RegExp(usable.map(escape).join('|'), 'giu');
  const segments: HighlightSegment[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const at = found.index ?? 0;
    if (at > last) segments.push({ text: text.slice(last, at), match: false });
    const previous = segments[segments.length - 1];
    // Adjacent terms read as one highlighted run.
    if (previous?.match && at === last) previous.text += found[0];
    else segments.push({ text: found[0], match: true });
    last = at + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
