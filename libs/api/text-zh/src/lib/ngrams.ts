/**
 * Overlapping character bigrams of a CJK run ("锂电池" → 锂电, 电池). A run of one character yields itself, so
 * a single-character term (煤, 锌) stays findable. This is the fallback that rescues a word the segmenter cut
 * differently in the listing and in the query.
 */
export function cjkBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 0) return [];
  if (chars.length === 1) return [chars[0] as string];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}
