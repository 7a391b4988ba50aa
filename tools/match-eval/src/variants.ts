import type { NeedDoc, ResultDoc } from '@xkx/matching';

import type { Bench } from './bench-data';

interface OpenCCModule {
  Converter(options: { from: string; to: string }): (text: string) => string;
}
// opencc-js's typings are ESM-only; its require() entry is a UMD build (see libs/api/text-zh normalize.ts).
const OpenCC = require('opencc-js') as OpenCCModule;

let toTraditional: ((text: string) => string) | undefined;

/** Simplified → traditional (Taiwan standard, OpenCC s2tw): what a user typing traditional characters sends. */
export function traditional(text: string): string {
  toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return toTraditional(text);
}

/** Stress variants derived from the benchmark itself, to check that a gain is not specific to its shape. */
export const VARIANTS: Record<string, (bench: Bench) => Bench> = {
  base: (b) => b,
  traditionalNeeds: (b) => ({
    results: b.results,
    needs: b.needs.map((n): NeedDoc => ({
      ...n,
      title: traditional(n.title),
      description: traditional(n.description ?? ''),
      keywords: (n.keywords ?? []).map(traditional),
    })),
  }),
  titleOnlyNeeds: (b) => ({
    results: b.results,
    needs: b.needs.map((n): NeedDoc => ({ ...n, description: '', keywords: [] })),
  }),
  resultsWithoutKeywords: (b) => ({
    results: b.results.map((r): ResultDoc => ({ ...r, keywords: [] })),
    needs: b.needs,
  }),
};

export function needText(n: NeedDoc): string {
  return [n.title, n.description ?? '', ...(n.keywords ?? [])].join(' ');
}

export function resultText(r: ResultDoc): string {
  return [r.title, r.summary ?? '', ...(r.keywords ?? [])].join(' ');
}
