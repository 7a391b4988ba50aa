import { foldToSimplified } from '@xkx/text-zh';

/** Titles this alike (Dice coefficient of character bigrams) from one organization count as duplicates. */
export const NEAR_IDENTICAL_TITLE = 0.8;

function bigrams(title: string): string[] {
  const chars = [...foldToSimplified(title).toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
}

/** Dice similarity of two titles over character bigrams, punctuation and script differences ignored. */
export function titleSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}
