import { normalizeText } from '@xkx/text-zh';

import type { Run } from '../metrics';

export interface TextItem {
  id: string;
  text: string;
}

/** Character bigrams of every whitespace-separated run of the normalised text (a lone character stays). */
export function charBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeText(text).split(' ')) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** The README's "simplest reasonable engine": bigram TF-IDF vectors, cosine similarity, exhaustive scan. */
export function bigramTfIdfRun(docs: readonly TextItem[], queries: readonly TextItem[], k = 100): Run {
  const df = new Map<string, number>();
  const docTf = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const g of charBigrams(d.text)) tf.set(g, (tf.get(g) ?? 0) + 1);
    for (const g of tf.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    return tf;
  });
  const n = docs.length;
  const idf = (g: string): number => Math.log((n + 1) / ((df.get(g) ?? 0) + 1)) + 1;
  const vectorize = (tf: Map<string, number>): Map<string, number> => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [g, c] of tf) {
      const w = c * idf(g);
      v.set(g, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [g, w] of v) v.set(g, w / norm);
    return v;
  };
  const docVecs = docTf.map(vectorize);
  const postings = new Map<string, { doc: number; w: number }[]>();
  docVecs.forEach((v, doc) => {
    for (const [g, w] of v) {
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push({ doc, w });
    }
  });
  const run = new Map<string, string[]>();
  for (const q of queries) {
    const tf = new Map<string, number>();
    for (const g of charBigrams(q.text)) tf.set(g, (tf.get(g) ?? 0) + 1);
    const scores = new Float64Array(n);
    for (const [g, w] of vectorize(tf)) for (const p of postings.get(g) ?? []) scores[p.doc] += w * p.w;
    const order = [...scores.keys()].filter((i) => (scores[i] as number) > 0);
    order.sort((a, b) => (scores[b] as number) - (scores[a] as number));
    run.set(
      q.id,
      order.slice(0, k).map((i) => (docs[i] as TextItem).id),
    );
  }
  return run;
}
