import { TextAnalyzer, getDefaultAnalyzer } from '@xkx/text-zh';

import { MatchConfig, MatchConfigInput, resolveConfig } from './config';
import {
  fieldFactor,
  freshnessFactor,
  isExpired,
  modesFactor,
  pickReasonTerms,
  priceFactor,
  relatedTermsReason,
  sharedTermsReason,
  trlFactor,
} from './factors';
import { FeedbackModel } from './feedback';
import { countTerms, DocTokens, KindIndex, QueryTerms, TermDictionary, unpackTf } from './kind-index';
import { dot, SemanticSpace } from './semantic';
import type {
  MatchDoc,
  MatchFeedback,
  MatchHit,
  MatchKind,
  MatchReason,
  NeedDoc,
  QueryOptions,
  ResultDoc,
  ScoreComponents,
} from './types';

export interface MatchIndexOptions {
  config?: MatchConfigInput;
  /** Text pipeline (synonym groups from the database go here); defaults to the shipped dictionaries. */
  analyzer?: TextAnalyzer;
}

interface PreparedQuery {
  terms: QueryTerms;
  /** Word terms of the original query, best first (for reasons). */
  wordTerms: number[];
  expansion: Set<number>;
  vector: Float32Array | undefined;
}

const other = (kind: MatchKind): MatchKind => (kind === 'need' ? 'result' : 'need');

/**
 * The in-memory matching index: results and needs, each searchable by the other. Pure data in, ranked hits
 * with score components and zh/en reasons out. Upserts and removals touch only the listing's own terms.
 */
export class MatchIndex {
  readonly config: MatchConfig;
  readonly analyzer: TextAnalyzer;
  private readonly dict = new TermDictionary();
  private readonly kinds: Record<MatchKind, KindIndex>;
  private readonly space: SemanticSpace;
  private feedback = new FeedbackModel();
  private deferSemantics = false;

  constructor(options: MatchIndexOptions = {}) {
    this.config = resolveConfig(options.config);
    this.analyzer = options.analyzer ?? getDefaultAnalyzer();
    this.kinds = { result: new KindIndex(this.dict), need: new KindIndex(this.dict) };
    const s = this.config.semantic;
    this.space = new SemanticSpace(s.dims, s.nonZeros, s.seed);
  }

  size(kind: MatchKind): number {
    return this.kinds[kind].size;
  }

  get(kind: MatchKind, id: string): MatchDoc | undefined {
    return this.kinds[kind].docById(id);
  }

  /** Text of a listing split into the three scored fields. */
  tokenize(doc: MatchDoc): DocTokens {
    const body = doc.kind === 'result' ? doc.summary : doc.description;
    const a = this.analyzer;
    return {
      title: a.analyze(doc.title ?? ''),
      keywords: a.analyze((doc.keywords ?? []).join(' ')),
      body: a.analyze(body ?? ''),
    };
  }

  /** Adds or replaces a listing. */
  upsert(doc: MatchDoc): void {
    this.remove(doc.kind, doc.id);
    const kind = this.kinds[doc.kind];
    const slot = kind.add(doc, this.tokenize(doc));
    const { ids, weights } = this.semanticBag(kind, slot);
    if (this.config.semantic.enabled) {
      this.space.update(`${doc.kind}:${doc.id}`, ids, weights, 1);
      if (!this.deferSemantics) kind.semVecs[slot] = this.embedSlot(kind, slot);
    }
  }

  /**
   * Loads many listings at once (boot). Document vectors are computed once at the end, when the co-occurrence
   * space has seen the whole corpus.
   */
  addAll(docs: Iterable<MatchDoc>): void {
    this.deferSemantics = true;
    try {
      for (const doc of docs) this.upsert(doc);
    } finally {
      this.deferSemantics = false;
    }
    this.refreshSemantics();
  }

  /** Recomputes every document vector from the current co-occurrence space (after bulk loads; e.g. nightly). */
  refreshSemantics(): void {
    if (!this.config.semantic.enabled) return;
    for (const kind of Object.values(this.kinds)) {
      for (const slot of kind.liveSlots()) kind.semVecs[slot] = this.embedSlot(kind, slot);
    }
  }

  remove(kindName: MatchKind, id: string): boolean {
    const kind = this.kinds[kindName];
    const slot = kind.slot(id);
    if (slot === undefined) return false;
    if (this.config.semantic.enabled) {
      const { ids, weights } = this.semanticBag(kind, slot);
      this.space.update(`${kindName}:${id}`, ids, weights, -1);
    }
    kind.remove(id);
    return true;
  }

  /** Replaces the broker feedback (declined pairs are excluded, good pairs and their terms boosted). */
  setFeedback(records: readonly MatchFeedback[]): void {
    this.feedback = new FeedbackModel();
    for (const record of records) this.addFeedback(record);
  }

  addFeedback(record: MatchFeedback): void {
    const need = this.kinds.need.docById(record.needId);
    const result = this.kinds.result.docById(record.resultId);
    const shared = need && result ? this.sharedWordTerms(need, result) : [];
    this.feedback.add(record, shared, result?.kind === 'result' ? result.trl : undefined);
  }

  /** Ranks listings of the other kind for an indexed listing. */
  matchesFor(kind: MatchKind, id: string, options: QueryOptions = {}): MatchHit[] {
    const doc = this.kinds[kind].docById(id);
    return doc ? this.match(doc, options) : [];
  }

  /** Ranks listings of the other kind for any listing (indexed or not, e.g. a draft). */
  match(query: MatchDoc, options: QueryOptions = {}): MatchHit[] {
    const cfg = this.config;
    const limit = options.limit ?? 20;
    const now = options.now ?? new Date();
    const target = this.kinds[other(query.kind)];
    const prepared = this.prepare(query, target);
    const { slots, scores } = target.search(prepared.terms, cfg, Math.max(cfg.candidates, limit));
    if (slots.length === 0) return [];
    const maxText = scores[0] || 1;

    const qVec = this.feedbackVector(prepared.vector, target, slots, scores);
    const sems = slots.map((s) => {
      const v = target.semVecs[s];
      return qVec && v ? dot(qVec, v) : 0;
    });
    const semMin = Math.min(...sems);
    const semRange = Math.max(...sems) - semMin || 1;
    const sw = cfg.semantic.enabled && prepared.vector ? cfg.semantic.weight : 0;

    const hits: { slot: number; hit: MatchHit }[] = [];
    slots.forEach((slot, i) => {
      const cand = target.doc(slot);
      if (!cand || cand.id === query.id || options.excludeIds?.has(cand.id)) return;
      if (cfg.excludeExpired && isExpired(cand, now)) return;
      if (cfg.excludeSameOrganization && query.organizationId && cand.organizationId === query.organizationId)
        return;
      const need = (query.kind === 'need' ? query : cand) as NeedDoc;
      const result = (query.kind === 'result' ? query : cand) as ResultDoc;
      if (this.feedback.isDeclined(need.id, result.id)) return;
      const text = (scores[i] as number) / maxText;
      const semantic = ((sems[i] as number) - semMin) / semRange;
      const relevance = (1 - sw) * text + sw * semantic;
      const field = fieldFactor(need, result);
      const trl = trlFactor(need, result, this.feedback.minTrlFor(need.id));
      const price = priceFactor(need, result);
      const modes = modesFactor(need, result);
      const fresh = freshnessFactor(cand, now, cfg.freshnessHalfLifeDays);
      const fb = this.feedback.factor(
        need.id,
        result.id,
        this.feedback.size > 0 ? this.sharedWordTerms(need, result) : [],
      );
      const w = cfg.weights;
      const components: ScoreComponents = {
        text,
        semantic,
        relevance,
        field: field.value,
        trl: trl.value,
        price: price.value,
        modes: modes.value,
        freshness: fresh.value,
        feedback: fb.value,
      };
      const score =
        relevance * w.relevance +
        field.value * w.field +
        trl.value * w.trl +
        price.value * w.price +
        modes.value * w.modes +
        fresh.value * w.freshness +
        fb.value * w.feedback;
      const reasons = [
        ...field.reasons,
        ...trl.reasons,
        ...price.reasons,
        ...modes.reasons,
        ...fresh.reasons,
        ...fb.reasons,
      ];
      hits.push({ slot, hit: { id: cand.id, kind: cand.kind, score, components, reasons } });
    });
    hits.sort((a, b) => b.hit.score - a.hit.score);
    const top = hits.slice(0, limit);
    if (options.reasons ?? true) {
      for (const { slot, hit } of top)
        hit.reasons = [...this.termReasons(target, slot, prepared), ...hit.reasons];
    }
    return top.map((h) => h.hit);
  }

  private prepare(query: MatchDoc, target: KindIndex): PreparedQuery {
    const cfg = this.config;
    const counts = countTerms(this.dict, this.tokenize(query), false);
    const qf = cfg.queryFields;
    let scored: { term: number; w: number; rank: number }[] = [];
    for (const [term, [t, k, b]] of counts) {
      if (target.docFrequency(term) === 0) continue;
      const damp = (x: number): number => (x > 0 ? 1 + Math.log(x) : 0);
      const w = qf.title * damp(t) + qf.keywords * damp(k) + qf.body * damp(b);
      scored.push({ term, w, rank: w * target.idf(term) });
    }
    scored.sort((a, b) => b.rank - a.rank);
    scored = scored.slice(0, cfg.maxQueryTerms);
    const terms: QueryTerms = new Map(scored.map((s) => [s.term, s.w]));
    const wordTerms = scored.filter((s) => !this.dict.isGram(s.term)).map((s) => s.term);
    const expansion = new Set<number>();
    if (cfg.prf.enabled && terms.size > 0) {
      for (const [term, w] of this.expand(terms, target)) {
        if (!terms.has(term)) expansion.add(term);
        terms.set(term, (terms.get(term) ?? 0) + w);
      }
    }
    let vector: Float32Array | undefined;
    if (cfg.semantic.enabled) {
      const ids: number[] = [];
      const weights: number[] = [];
      for (const [term, w] of terms) {
        if (this.dict.isGram(term)) continue;
        ids.push(term);
        weights.push(w * target.idf(term));
      }
      vector = this.space.embed(ids, weights);
    }
    return { terms, wordTerms, expansion, vector };
  }

  /**
   * Pseudo-relevance feedback (RM3-like): the word terms most typical of the first-pass top documents,
   * weighted by their share of those documents' text and by idf, join the query. This is how listings that use
   * other words for the same thing get in, without any model from outside the corpus.
   */
  private expand(terms: QueryTerms, target: KindIndex): Map<number, number> {
    const cfg = this.config;
    const first = target.search(terms, cfg, cfg.prf.docs);
    const total = first.scores.reduce((a, b) => a + b, 0);
    const weights = new Map<number, number>();
    if (total <= 0) return weights;
    const maxDf = cfg.maxDocFrequencyRatio * target.size;
    first.slots.forEach((slot, i) => {
      const doc = target.terms(slot);
      if (!doc) return;
      let len = 0;
      const tfs: number[] = [];
      for (let j = 0; j < doc.ids.length; j++) {
        const [t, k, b] = unpackTf(doc.tfs[j] as number);
        const tf = 3 * t + 2 * k + b;
        tfs.push(tf);
        if (!this.dict.isGram(doc.ids[j] as number)) len += tf;
      }
      const dw = (first.scores[i] as number) / total;
      for (let j = 0; j < doc.ids.length; j++) {
        const term = doc.ids[j] as number;
        if (this.dict.isGram(term)) continue;
        const df = target.docFrequency(term);
        if (df < 2 || df > maxDf) continue;
        weights.set(term, (weights.get(term) ?? 0) + (dw * (tfs[j] as number)) / Math.max(len, 1));
      }
    });
    const ranked = [...weights]
      .map(([term, w]) => [term, w * target.idf(term)] as [number, number])
      .sort((a, b) => b[1] - a[1])
      .slice(0, cfg.prf.terms);
    const maxQ = Math.max(...terms.values());
    const top = ranked[0]?.[1] ?? 1;
    return new Map(ranked.map(([term, w]) => [term, (cfg.prf.weight * maxQ * w) / top]));
  }

  /**
   * Semantic pseudo-relevance feedback: the query vector moves towards the centroid of the top text matches'
   * vectors, so candidates are compared with what the query's best matches are about, not only its own words.
   */
  private feedbackVector(
    query: Float32Array | undefined,
    target: KindIndex,
    slots: readonly number[],
    scores: readonly number[],
  ): Float32Array | undefined {
    const cfg = this.config.semantic;
    if (!query || cfg.feedbackDocs <= 0) return query;
    const out = Float32Array.from(query);
    const top = Math.min(cfg.feedbackDocs, slots.length);
    const total = scores.slice(0, top).reduce((a, b) => a + b, 0) || 1;
    for (let i = 0; i < top; i++) {
      const v = target.semVecs[slots[i] as number];
      if (!v) continue;
      const w = (cfg.feedbackWeight * (scores[i] as number)) / total;
      for (let d = 0; d < out.length; d++) out[d] = (out[d] as number) + (v[d] as number) * w;
    }
    let n = 0;
    for (let d = 0; d < out.length; d++) n += (out[d] as number) * (out[d] as number);
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < out.length; d++) out[d] = (out[d] as number) / n;
    return out;
  }

  private semanticBag(kind: KindIndex, slot: number): { ids: number[]; weights: number[] } {
    const doc = kind.terms(slot);
    const ids: number[] = [];
    const weights: number[] = [];
    if (!doc) return { ids, weights };
    for (let j = 0; j < doc.ids.length; j++) {
      const term = doc.ids[j] as number;
      if (this.dict.isGram(term)) continue;
      const [t, k, b] = unpackTf(doc.tfs[j] as number);
      ids.push(term);
      weights.push(1 + Math.log(t + k + b));
    }
    return { ids, weights };
  }

  private embedSlot(kind: KindIndex, slot: number): Float32Array | undefined {
    const { ids, weights } = this.semanticBag(kind, slot);
    return this.space.embed(
      ids,
      weights.map((w, i) => w * kind.idf(ids[i] as number)),
    );
  }

  private sharedWordTerms(need: MatchDoc, result: MatchDoc): string[] {
    const a = this.wordSet(this.kinds.need, need.id);
    const b = this.wordSet(this.kinds.result, result.id);
    const shared: string[] = [];
    for (const t of a) if (b.has(t)) shared.push(this.dict.term(t));
    return shared;
  }

  private wordSet(kind: KindIndex, id: string): Set<number> {
    const slot = kind.slot(id);
    const doc = slot === undefined ? undefined : kind.terms(slot);
    const out = new Set<number>();
    if (doc) for (const t of doc.ids) if (!this.dict.isGram(t)) out.add(t);
    return out;
  }

  private termReasons(target: KindIndex, slot: number, prepared: PreparedQuery): MatchReason[] {
    const doc = target.terms(slot);
    if (!doc) return [];
    const has = new Set(doc.ids);
    const shared = prepared.wordTerms.filter((t) => has.has(t)).map((t) => this.dict.term(t));
    const related = [...prepared.expansion]
      .filter((t) => has.has(t))
      .sort((a, b) => (prepared.terms.get(b) ?? 0) - (prepared.terms.get(a) ?? 0))
      .map((t) => this.dict.term(t));
    const n = this.config.reasonTerms;
    const sharedPicked = pickReasonTerms(shared, n);
    const relatedPicked = pickReasonTerms(
      related.filter((t) => !sharedPicked.some((s) => s.includes(t) || t.includes(s))),
      3,
    );
    return [sharedTermsReason(sharedPicked), relatedTermsReason(relatedPicked)].filter(
      (r): r is MatchReason => r !== undefined,
    );
  }
}
