import { PeopleRanker, PersonDoc } from '@xkx/matching';
import type { NeedDoc, ResultDoc } from '@xkx/matching';
import { getDefaultAnalyzer } from '@xkx/text-zh';

import { Bench, loadBench, loadQrels } from './bench-data';
import { evaluate, Metrics, Qrels, Run } from './metrics';

/**
 * The expert view of the benchmark (issue 16): the documents' authors, ranked per need by their documents.
 *
 * CSL has no authors, so synthetic experts are built from what the benchmark knows:
 * 1. Discipline: documents that are grade 2 for the same needs share a discipline (qrels give a need's whole
 *    discipline at grade 2); documents grade 2 for no need are grouped by the needs they are grade 1 for (their
 *    category). Each group is one discipline (or one category of disciplines no need asks about).
 * 2. Sub-topic: within a group, an expert takes the first unassigned document (by id) and the
 *    `DOCS_PER_EXPERT - 1` unassigned documents closest to it (character-bigram Jaccard of title and
 *    keywords), so an expert's documents are one discipline and one sub-topic, like a researcher's papers.
 * 3. Grade: an expert's grade for a need is the best grade of its documents (all equal by construction).
 * Rankings never see disciplines, categories or grades: only the documents' text.
 */
export const DOCS_PER_EXPERT = 4;

export interface SyntheticExpert {
  id: string;
  docs: ResultDoc[];
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const chars = [...text.replace(/\s+/g, '')];
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

export function buildExperts(results: readonly ResultDoc[], qrels: Qrels): SyntheticExpert[] {
  const grade2 = new Map<string, string[]>();
  const grade1 = new Map<string, string[]>();
  for (const [needId, grades] of [...qrels.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const [docId, grade] of grades) {
      const target = grade >= 2 ? grade2 : grade === 1 ? grade1 : null;
      if (!target) continue;
      const list = target.get(docId) ?? [];
      list.push(needId);
      target.set(docId, list);
    }
  }
  const groups = new Map<string, ResultDoc[]>();
  for (const doc of [...results].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const key = grade2.has(doc.id) ? `d:${(grade2.get(doc.id) ?? []).join(',')}` : `c:${(grade1.get(doc.id) ?? []).join(',')}`;
    const group = groups.get(key) ?? [];
    group.push(doc);
    groups.set(key, group);
  }
  const experts: SyntheticExpert[] = [];
  for (const group of groups.values()) {
    const grams = new Map(group.map((d) => [d.id, bigrams(`${d.title} ${(d.keywords ?? []).join(' ')}`)]));
    const left = [...group];
    while (left.length > 0) {
      const seed = left.shift() as ResultDoc;
      const g = grams.get(seed.id) as Set<string>;
      const near = left
        .map((d, i) => ({ i, s: jaccard(g, grams.get(d.id) as Set<string>) }))
        .sort((a, b) => b.s - a.s || a.i - b.i)
        .slice(0, DOCS_PER_EXPERT - 1)
        .map((x) => x.i)
        .sort((a, b) => b - a);
      const docs = [seed, ...near.map((i) => left.splice(i, 1)[0] as ResultDoc)];
      experts.push({ id: `E${String(experts.length + 1).padStart(4, '0')}`, docs });
    }
  }
  return experts;
}

/** An expert's grade for each need: the best grade of its documents. */
export function expertQrels(experts: readonly SyntheticExpert[], qrels: Qrels): Qrels {
  const out: Qrels = new Map();
  for (const [needId, grades] of qrels) {
    const m = new Map<string, number>();
    for (const e of experts) {
      const g = Math.max(0, ...e.docs.map((d) => grades.get(d.id) ?? 0));
      if (g > 0) m.set(e.id, g);
    }
    out.set(needId, m);
  }
  return out;
}

/** The product's path: each expert a profile (directions: its titles and keywords; body: its abstracts) ranked by PeopleRanker. */
export function engineExpertRun(experts: readonly SyntheticExpert[], needs: readonly NeedDoc[], k = 100): Run {
  const people: PersonDoc[] = experts.map((e) => ({
    id: e.id,
    directions: e.docs.map((d) => d.title).join('；'),
    keywords: [...new Set(e.docs.flatMap((d) => d.keywords ?? []))],
    body: e.docs.map((d) => d.summary ?? '').join('\n'),
    fieldCodes: [...new Set(e.docs.flatMap((d) => d.fieldCodes ?? []))],
  }));
  const ranker = new PeopleRanker(people);
  return new Map(needs.map((n) => [n.id, ranker.rank(n, k).map((h) => h.id)]));
}

/** Okapi BM25 (k1 1.2, b 0.75) over the analyzer's words, one score per document. */
function bm25Scores(docs: readonly ResultDoc[], needs: readonly NeedDoc[]): Map<string, Map<string, number>> {
  const analyzer = getDefaultAnalyzer();
  const words = (text: string): string[] => analyzer.analyze(text).words;
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    const ws = words(`${d.title} ${(d.keywords ?? []).join(' ')} ${d.summary ?? ''}`);
    for (const w of ws) tf.set(w, (tf.get(w) ?? 0) + 1);
    return { id: d.id, tf, len: ws.length };
  });
  const df = new Map<string, number>();
  for (const { tf } of tfs) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = tfs.length;
  const avg = tfs.reduce((s, d) => s + d.len, 0) / Math.max(n, 1);
  const out = new Map<string, Map<string, number>>();
  for (const need of needs) {
    const q = [...new Set(words(`${need.title} ${need.description ?? ''} ${(need.keywords ?? []).join(' ')}`))];
    const scores = new Map<string, number>();
    for (const d of tfs) {
      let s = 0;
      for (const w of q) {
        const f = d.tf.get(w);
        if (!f) continue;
        const idf = Math.log(1 + (n - (df.get(w) ?? 0) + 0.5) / ((df.get(w) ?? 0) + 0.5));
        s += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.len) / avg));
      }
      if (s > 0) scores.set(d.id, s);
    }
    out.set(need.id, scores);
  }
  return out;
}

/** Baseline 1: an expert scores its best document's BM25 (BM25-max). */
export function bm25MaxRun(experts: readonly SyntheticExpert[], needs: readonly NeedDoc[], k = 100): Run {
  const scores = bm25Scores(experts.flatMap((e) => e.docs), needs);
  return new Map(
    needs.map((n) => {
      const s = scores.get(n.id) ?? new Map<string, number>();
      const ranked = experts
        .map((e) => ({ id: e.id, score: Math.max(0, ...e.docs.map((d) => s.get(d.id) ?? 0)) }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      return [n.id, ranked.slice(0, k).map((x) => x.id)];
    }),
  );
}

/** Baseline 2: popularity, the same list for every need (most documents first, then by id). */
export function popularityRun(experts: readonly SyntheticExpert[], needs: readonly NeedDoc[], k = 100): Run {
  const order = [...experts].sort((a, b) => b.docs.length - a.docs.length || (a.id < b.id ? -1 : 1)).slice(0, k).map((e) => e.id);
  return new Map(needs.map((n) => [n.id, order]));
}

/** Baseline 3: a seeded random order per need. */
export function randomRun(experts: readonly SyntheticExpert[], needs: readonly NeedDoc[], k = 100, seed = 16): Run {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return new Map(
    needs.map((n) => {
      const ids = experts.map((e) => e.id);
      for (let i = ids.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
      }
      return [n.id, ids.slice(0, k)];
    }),
  );
}

export interface ExpertViewReport {
  construction: string;
  experts: number;
  documentsPerExpert: number;
  engine: Metrics & { meanQueryMs: number };
  bm25Max: Metrics;
  popularity: Metrics;
  random: Metrics;
}

export function expertView(bench: Bench, qrels: Qrels): ExpertViewReport {
  const experts = buildExperts(bench.results, qrels);
  const eq = expertQrels(experts, qrels);
  const t0 = performance.now();
  const engine = engineExpertRun(experts, bench.needs);
  const meanQueryMs = (performance.now() - t0) / Math.max(bench.needs.length, 1);
  return {
    construction: `documents grouped by discipline (from the grade-2 judgements), then into experts of up to ${DOCS_PER_EXPERT} nearest documents (title+keyword bigram Jaccard); an expert's grade is its documents' best`,
    experts: experts.length,
    documentsPerExpert: +(bench.results.length / Math.max(experts.length, 1)).toFixed(2),
    engine: { ...evaluate(engine, eq), meanQueryMs: +meanQueryMs.toFixed(2) },
    bm25Max: evaluate(bm25MaxRun(experts, bench.needs), eq),
    popularity: evaluate(popularityRun(experts, bench.needs), eq),
    random: evaluate(randomRun(experts, bench.needs), eq),
  };
}

if (require.main === module) {
  const dir = process.argv[2] ?? 'data/match-bench/csl';
  process.stdout.write(`${JSON.stringify(expertView(loadBench(dir), loadQrels(dir)), null, 2)}\n`);
}
