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
import { fuseDense, wordBagOf } from './dense-layer';
import { FeedbackModel } from './feedback';
import { DEFAULT_LEARN_OPTIONS, LabelledPair, LearnedWeights, learnedScore, LearnOptions, learnWeights } from './learned-weights';
import { countTerms, DocTokens, KindIndex, KindState, QueryTerms, TermDictionary, unpackTf } from './kind-index';
import { SnapshotReader, SnapshotWriter } from './snapshot-codec';
import { dot, LsaSpace, normalize, TermBag } from './semantic';
import { WordBag, WordVectors } from './word-vectors';
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
  /** Each word term's weight × idf in the query as written (before expansion): what coverage is measured in. */
  wordMass: number[];
  /** Mass of the query's words that no listing of the other kind contains (unmatched by any). */
  missingMass: number;
  expansion: Set<number>;
  vector: Float32Array | undefined;
  /** The best candidate of the query's own words (first-pass BM25F, before expansion). */
  direct?: number;
  /** How far the direct match leads the runner-up in the first pass: 1 − second / first BM25F score. */
  directLead?: number;
  /** The relevance leader before the dense layer is fused in (PRF, LSA and smoothing). */
  relevanceLeader?: number;
}

/** Dates in listings survive the snapshot's JSON as tagged strings (a Date in, a Date out). */
const DATE_TAG = '\u0000D';
function dateReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  return this[key] instanceof Date ? DATE_TAG + String(value) : value;
}
function reviveDates(doc: MatchDoc): void {
  const record = doc as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === 'string' && v.startsWith(DATE_TAG)) record[key] = new Date(v.slice(DATE_TAG.length));
  }
}

const other = (kind: MatchKind): MatchKind => (kind === 'need' ? 'result' : 'need');

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order `addAll` loads listings in: by kind, title and id, whatever order they came in. */
function canonicalOrder(a: MatchDoc, b: MatchDoc): number {
  return compare(a.kind, b.kind) || compare(a.title ?? '', b.title ?? '') || compare(a.id, b.id);
}

/**
 * The in-memory matching index: results and needs, each searchable by the other. Pure data in, ranked hits
 * with score components and zh/en reasons out. Upserts and removals touch only the listing's own terms.
 */
export class MatchIndex {
  readonly config: MatchConfig;
  readonly analyzer: TextAnalyzer;
  private readonly dict = new TermDictionary();
  private readonly kinds: Record<MatchKind, KindIndex>;
  private readonly space = new LsaSpace();
  private feedback = new FeedbackModel();
  private deferSemantics = false;
  /** The dense layer's word vectors (undefined until trained; trained with the semantic space). */
  private dense: WordVectors | undefined;
  /** Component weights learned from brokers' verdicts (learned-weights.ts); undefined = the configured mix. */
  private learned: LearnedWeights | undefined;

  constructor(options: MatchIndexOptions = {}) {
    this.config = resolveConfig(options.config);
    this.analyzer = options.analyzer ?? getDefaultAnalyzer();
    this.kinds = { result: new KindIndex(this.dict), need: new KindIndex(this.dict) };
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
    const tokens = this.tokenize(doc);
    const slot = kind.add(doc, tokens);
    // Folded in with the current word vectors (unseen words through their character n-grams).
    if (this.dense && !this.deferSemantics) kind.denseVecs[slot] = this.dense.embed(wordBagOf(tokens, this.config.bm25));
    if (!this.config.semantic.enabled || this.deferSemantics) return;
    if (this.shouldAutoRefresh()) this.refreshSemantics();
    else kind.semVecs[slot] = this.embedSlot(kind, slot);
  }

  /**
   * Loads many listings at once (boot). The semantic projection is learned once at the end, when the whole
   * corpus is in; a caller loading in batches passes `refresh: false` and calls refreshSemantics() after the
   * last batch (refitting after every batch made a 120k-listing boot quadratic).
   */
  addAll(docs: Iterable<MatchDoc>, options: { refresh?: boolean } = {}): void {
    for (const step of this.addAllSteps(docs, options)) void step;
  }

  /**
   * addAll() in pieces that give the event loop back: the same index, built by a background job without
   * holding the process for the minute a large market takes (one yield per `every` listings and per phase of
   * the semantic refresh; the SVD and the word-vector training are single steps of a few seconds).
   */
  async addAllChunked(docs: Iterable<MatchDoc>, pause: () => Promise<void>, every = 500): Promise<void> {
    for (const step of this.addAllSteps(docs, {}, every)) if (step) await pause();
  }

  private *addAllSteps(docs: Iterable<MatchDoc>, options: { refresh?: boolean }, every = Infinity): Generator<boolean> {
    this.deferSemantics = true;
    try {
      // A canonical order (kind, title, id): slots, term ids and the semantic sample, and so every tie, are
      // then the same whatever order the caller read the listings in (a fresh database gives fresh ids and
      // another order; the same benchmark ranked 0.255 and 0.2528 in two runs).
      let n = 0;
      for (const doc of [...docs].sort(canonicalOrder)) {
        this.upsert(doc);
        if (++n % every === 0) yield true;
      }
    } finally {
      this.deferSemantics = false;
    }
    if (options.refresh !== false) yield* this.refreshSteps(every);
  }

  /**
   * Learns the semantic projection again from the current listings (both kinds; an even sample of at most
   * `semantic.sampleDocs`) and re-embeds every listing. Call after large imports or nightly; between refreshes,
   * upserted listings are folded in with the current projection (new words get no vector until then).
   */
  refreshSemantics(): void {
    for (const step of this.refreshSteps()) void step;
  }

  /** refreshSemantics() with the event loop given back between its phases and every `every` listings. */
  async refreshSemanticsChunked(pause: () => Promise<void>, every = 2000): Promise<void> {
    for (const step of this.refreshSteps(every)) if (step) await pause();
  }

  private *refreshSteps(every = Infinity): Generator<boolean> {
    yield* this.trainDenseSteps(every);
    const cfg = this.config.semantic;
    if (!cfg.enabled) return;
    const all: { kind: KindIndex; slot: number }[] = [];
    for (const kind of Object.values(this.kinds)) for (const slot of kind.liveSlots()) all.push({ kind, slot });
    const step = Math.max(1, all.length / Math.max(cfg.sampleDocs, 1));
    const bags: TermBag[] = [];
    for (let i = 0; i < all.length; i += step) {
      const item = all[Math.floor(i)] as { kind: KindIndex; slot: number };
      bags.push(this.semanticBag(item.kind, item.slot));
    }
    yield every !== Infinity;
    this.space.fit(bags, this.dict.size, {
      dims: cfg.dims,
      minDf: cfg.minDf,
      maxDfRatio: this.config.maxDocFrequencyRatio,
      powerIterations: cfg.powerIterations,
      spectrumPower: cfg.spectrumPower,
      seed: cfg.seed,
    });
    yield every !== Infinity;
    this.fittedLive = all.length;
    let n = 0;
    for (const { kind, slot } of all) {
      kind.semVecs[slot] = this.embedSlot(kind, slot);
      if (++n % every === 0) yield true;
    }
  }

  private fittedLive = 0;

  /**
   * Trains the dense layer's word vectors on the analyzer's words of the current listings (both kinds; an even
   * sample of at most `dense.sampleDocs`, title, keywords and body as three sentences each) and embeds every
   * listing. Run by refreshSemantics(); deterministic (seeded, fixed order).
   */
  trainDense(): void {
    for (const step of this.trainDenseSteps()) void step;
  }

  private *trainDenseSteps(every = Infinity): Generator<boolean> {
    const cfg = this.config.dense;
    if (!cfg.enabled) {
      this.dense = undefined;
      return;
    }
    const all: { kind: KindIndex; slot: number }[] = [];
    for (const kind of Object.values(this.kinds)) for (const slot of kind.liveSlots()) all.push({ kind, slot });
    if (all.length < cfg.minDocs) {
      this.dense = undefined;
      for (const { kind, slot } of all) kind.denseVecs[slot] = undefined;
      return;
    }
    // Only the sample is analysed again (skip-gram needs the words in order; the index keeps bags of terms).
    const step = Math.max(1, all.length / Math.max(cfg.sampleDocs, 1));
    const sentences: string[][] = [];
    const documents: string[][] = [];
    let n = 0;
    for (let i = 0; i < all.length; i += step) {
      const { kind, slot } = all[Math.floor(i)] as { kind: KindIndex; slot: number };
      const doc = kind.doc(slot);
      if (!doc) continue;
      const { title, keywords, body } = this.tokenize(doc);
      sentences.push([...title.words], [...keywords.words], [...body.words]);
      documents.push([...title.words, ...keywords.words, ...body.words]);
      if (++n % every === 0) yield true;
    }
    this.dense = WordVectors.train(sentences, documents, cfg);
    yield every !== Infinity;
    n = 0;
    for (const { kind, slot } of all) {
      kind.denseVecs[slot] = this.dense.embed(this.wordBag(kind, slot));
      if (++n % every === 0) yield true;
    }
  }

  /** A listing's words from its stored terms, weighted as wordBagOf weighs analysed text. */
  private wordBag(kind: KindIndex, slot: number): WordBag {
    const doc = kind.terms(slot);
    const words: string[] = [];
    const weights: number[] = [];
    if (!doc) return { words, weights };
    const { title, keywords, body } = this.config.bm25;
    for (let j = 0; j < doc.ids.length; j++) {
      const term = doc.ids[j] as number;
      if (this.dict.isGram(term)) continue;
      const [t, k, b] = unpackTf(doc.tfs[j] as number);
      words.push(this.dict.term(term));
      weights.push(Math.log1p(title.weight * t + keywords.weight * k + body.weight * b));
    }
    return { words, weights };
  }

  /** The dense layer's model (undefined when off or not trained yet). */
  get wordVectors(): WordVectors | undefined {
    return this.dense;
  }

  /** Small indexes learn their projection as they grow (cheap there); large ones wait for refreshSemantics(). */
  private shouldAutoRefresh(): boolean {
    const live = this.kinds.result.size + this.kinds.need.size;
    return live <= this.config.semantic.autoRefreshMaxDocs && live > 1.25 * this.fittedLive;
  }

  /**
   * The index as bytes (uncompressed): the configuration, the term dictionary, each kind's listings with their
   * terms, lengths and vectors, the semantic space and the word vectors: everything that costs time to build.
   * Broker feedback and learned weights are not in it (the caller keeps them in its database). The same index
   * gives the same bytes; an index built by addAll() and one restored from its snapshot rank identically.
   * `meta` (plain JSON) is kept with it, for the caller's own checks.
   */
  toSnapshot(meta: Record<string, unknown> = {}): Uint8Array {
    const w = new SnapshotWriter();
    const dict = this.dict.exportState();
    w.addText('dict.terms', JSON.stringify(dict.terms));
    w.add('dict.grams', dict.grams);
    for (const name of ['result', 'need'] as const) {
      const st = this.kinds[name].exportState();
      w.addText(`${name}.docs`, JSON.stringify(st.docs, dateReplacer));
      w.add(`${name}.termPtr`, st.termPtr);
      w.add(`${name}.termIds`, st.termIds);
      w.add(`${name}.termTfs`, st.termTfs);
      w.add(`${name}.lens`, st.lens);
      w.add(`${name}.semVecs`, st.semVecs);
      w.add(`${name}.semHas`, st.semHas);
      w.add(`${name}.denseVecs`, st.denseVecs);
      w.add(`${name}.denseHas`, st.denseHas);
      meta = { ...meta, [`${name}Dims`]: [st.semDims, st.denseDims] };
    }
    const lsa = this.space.exportState();
    w.add('lsa.rowOf', lsa.rowOf);
    w.add('lsa.proj', lsa.proj);
    w.add('lsa.idf', lsa.idf);
    const dense = this.dense?.exportState();
    if (dense) {
      w.addText('dense.words', JSON.stringify(dense.words));
      w.addText('dense.grams', JSON.stringify(dense.grams));
      w.add('dense.wordVecs', dense.wordVecs);
      w.add('dense.input', dense.input);
      w.add('dense.idfs', dense.idfs);
    }
    return w.finish({
      ...meta,
      config: this.config,
      fittedLive: this.fittedLive,
      lsa: { k: lsa.k, docs: lsa.docs },
      dense: dense ? { dims: dense.dims, minN: dense.minN, maxN: dense.maxN, docs: dense.docs, trainedTokens: dense.trainedTokens } : null,
    });
  }

  /** The caller's `meta` of a snapshot, without restoring it. */
  static snapshotMeta(bytes: Uint8Array): Record<string, unknown> {
    return new SnapshotReader(bytes).meta;
  }

  /**
   * An index restored from toSnapshot() bytes, analysing no text. Throws when the snapshot was made with another
   * configuration (it would rank differently): the caller then builds from its listings. `options.analyzer`
   * must be the one the snapshot was built with (the caller checks that through its `meta`).
   */
  static fromSnapshot(bytes: Uint8Array, options: MatchIndexOptions = {}): MatchIndex {
    const r = new SnapshotReader(bytes);
    const index = new MatchIndex(options);
    if (JSON.stringify(r.meta['config']) !== JSON.stringify(index.config)) throw new Error('index snapshot made with another matching configuration');
    index.dict.importState(JSON.parse(r.text('dict.terms')) as string[], r.u8('dict.grams'));
    for (const name of ['result', 'need'] as const) {
      const [semDims, denseDims] = r.meta[`${name}Dims`] as [number, number];
      const docs = JSON.parse(r.text(`${name}.docs`)) as MatchDoc[];
      for (const doc of docs) reviveDates(doc);
      const state: KindState = {
        docs,
        termPtr: r.i32(`${name}.termPtr`),
        termIds: r.i32(`${name}.termIds`),
        termTfs: r.u32(`${name}.termTfs`),
        lens: r.f32(`${name}.lens`),
        semDims,
        semVecs: r.f32(`${name}.semVecs`),
        semHas: r.u8(`${name}.semHas`),
        denseDims,
        denseVecs: r.f32(`${name}.denseVecs`),
        denseHas: r.u8(`${name}.denseHas`),
      };
      index.kinds[name].importState(state);
    }
    const lsa = r.meta['lsa'] as { k: number; docs: number };
    index.space.importState({ rowOf: r.i32('lsa.rowOf'), proj: r.f32('lsa.proj'), idf: r.f32('lsa.idf'), k: lsa.k, docs: lsa.docs });
    index.fittedLive = r.meta['fittedLive'] as number;
    const dense = r.meta['dense'] as { dims: number; minN: number; maxN: number; docs: number; trainedTokens: number } | null;
    index.dense = dense
      ? WordVectors.fromState({
          ...dense,
          words: JSON.parse(r.text('dense.words')) as string[],
          grams: JSON.parse(r.text('dense.grams')) as string[],
          wordVecs: r.f32('dense.wordVecs'),
          input: r.f32('dense.input'),
          idfs: r.f32('dense.idfs'),
        })
      : undefined;
    return index;
  }

  remove(kindName: MatchKind, id: string): boolean {
    const kind = this.kinds[kindName];
    const slot = kind.slot(id);
    if (slot === undefined) return false;
    kind.remove(id);
    return true;
  }

  /** Ranks with weights learned from brokers' verdicts (undefined: back to `config.weights`). */
  setLearnedWeights(model: LearnedWeights | undefined): void {
    this.learned = model;
  }

  get learnedWeights(): LearnedWeights | undefined {
    return this.learned;
  }

  /**
   * Learns the component weights from brokers' verdicts (`learnWeights`, regularised toward the configured
   * mix): each judged pair with the components the untrained engine gives it now, the broker feedback aside (a
   * declined pair still teaches); a pair whose result is not among its need's `candidates` teaches nothing.
   * Undefined below the learner's floor of examples. Does not change the index's weights (setLearnedWeights
   * does). The product's retraining job and match:eval's feedback simulation both call this.
   */
  async learnFromVerdicts(
    verdicts: ReadonlyArray<{ needId: string; resultId: string; accepted: boolean }>,
    pause: () => Promise<void> = () => Promise.resolve(),
    options: LearnOptions = DEFAULT_LEARN_OPTIONS,
  ): Promise<LearnedWeights | undefined> {
    const byNeed = new Map<string, Map<string, boolean>>();
    for (const v of verdicts) {
      const judged = byNeed.get(v.needId) ?? new Map<string, boolean>();
      judged.set(v.resultId, v.accepted);
      byNeed.set(v.needId, judged);
    }
    const pairs: LabelledPair[] = [];
    const [learned, feedback] = [this.learned, this.feedback];
    let n = 0;
    for (const [needId, judged] of [...byNeed].sort((a, b) => compare(a[0], b[0]))) {
      this.learned = undefined;
      this.feedback = new FeedbackModel();
      try {
        for (const hit of this.matchesFor('need', needId, { limit: this.config.candidates, reasons: false })) {
          const accepted = judged.get(hit.id);
          if (accepted !== undefined) pairs.push({ queryId: needId, components: hit.components, accepted });
        }
      } finally {
        [this.learned, this.feedback] = [learned, feedback];
      }
      if (++n % 50 === 0) await pause();
    }
    return learnWeights(pairs, this.config.weights, options);
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
    const tokens = this.tokenize(query);
    const prepared = this.prepare(tokens, target);
    const { slots, scores } = this.retrieve(prepared, target, Math.max(cfg.candidates, limit));
    if (slots.length === 0) return [];
    const maxText = scores[0] || 1;

    prepared.vector = this.queryVector(prepared.terms);
    const qVec = this.feedbackVector(prepared.vector, target, slots, scores);
    const sw = cfg.semantic.enabled && qVec ? cfg.semantic.weight : 0;
    const sems = slots.map((s) => {
      const v = target.semVecs[s];
      return qVec && v ? dot(qVec, v) : 0;
    });
    const semMin = Math.min(...sems);
    const semRange = Math.max(...sems) - semMin || 1;
    const texts = scores.map((x) => x / maxText);
    const semantics = sems.map((x) => (x - semMin) / semRange);
    let base = texts.map((t, i) => (1 - sw) * t + sw * (semantics[i] as number));
    for (let round = 1; round < cfg.semantic.feedbackRounds && qVec; round++) {
      const order = base.map((_, i) => i).sort((x, y) => (base[y] as number) - (base[x] as number));
      const v2 = this.feedbackVector(prepared.vector, target, order.map((i) => slots[i] as number), order.map((i) => base[i] as number));
      if (!v2) break;
      const s2 = slots.map((s) => {
        const v = target.semVecs[s];
        return v ? dot(v2, v) : 0;
      });
      const lo = Math.min(...s2);
      const range = Math.max(...s2) - lo || 1;
      s2.forEach((x, i) => (semantics[i] = (x - lo) / range));
      base = texts.map((t, i) => (1 - sw) * t + sw * (semantics[i] as number));
    }
    let relevances = this.smooth(target, slots, base);
    let lead = 0;
    relevances.forEach((r, i) => {
      if (r > (relevances[lead] as number)) lead = i;
    });
    prepared.relevanceLeader = slots[lead];
    let denseScores: number[] | undefined;
    const qDense = this.dense && cfg.dense.enabled ? this.dense.embed(wordBagOf(tokens, cfg.bm25)) : undefined;
    if (qDense) {
      const sims = slots.map((s) => {
        const v = target.denseVecs[s];
        return v ? dot(qDense, v) : undefined;
      });
      const fused = fuseDense(relevances, sims, { ...cfg.dense, weight: this.denseWeight(prepared) });
      relevances = fused.fused;
      denseScores = fused.dense;
    }

    const wordMass = new Map(prepared.wordTerms.map((t, j) => [t, prepared.wordMass[j] as number]));
    const totalMass = prepared.missingMass + prepared.wordMass.reduce((a, b) => a + b, 0);
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
      const text = texts[i] as number;
      const semantic = semantics[i] as number;
      const relevance = relevances[i] as number;
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
        ...(denseScores ? { dense: denseScores[i] as number } : {}),
        relevance,
        field: field.value,
        trl: trl.value,
        price: price.value,
        modes: modes.value,
        freshness: fresh.value,
        feedback: fb.value,
        ...this.evidence(target, slot, prepared, wordMass, totalMass),
      };
      const score = this.learned
        ? learnedScore(this.learned, components) + fb.value * w.feedback
        : relevance * w.relevance +
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
      hits.push({ slot, hit: { id: cand.id, kind: cand.kind, score, confidence: 0, components, reasons } });
    });
    hits.sort((a, b) => b.hit.score - a.hit.score || (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0));
    this.keepDirectFirst(hits, prepared);
    const top = hits.slice(0, limit);
    for (const { hit } of top) this.calibrate(hit);
    if (options.reasons ?? true) {
      const readable = this.readableWords(query);
      for (const { slot, hit } of top)
        hit.reasons = [...this.termReasons(target, slot, prepared, readable), ...hit.reasons];
    }
    return top.map((h) => h.hit);
  }

  /**
   * The first result matters: the query's best direct text match stays first unless the layers and factors
   * put it more than `firstResult.margin` below the leader (strong evidence against it). Smoothing and the
   * dense layer favour typical listings; they reorder the rest. Its score is raised to the leader's.
   */
  private keepDirectFirst(hits: { slot: number; hit: MatchHit }[], prepared: PreparedQuery): void {
    const cfg = this.config.firstResult;
    const short = prepared.wordTerms.length < cfg.shortQueryWords;
    // A BM25F leader that barely leads its runner-up is no clear direct match: the relevance leader stands in.
    const source = short ? cfg.shortQuerySource : cfg.source === 'text' && (prepared.directLead ?? 1) < cfg.minLead ? 'relevance' : cfg.source;
    const direct = source === 'relevance' ? prepared.relevanceLeader : prepared.direct;
    if (!cfg.enabled || direct === undefined) return;
    const margin = short ? cfg.shortQueryMargin : source === 'relevance' ? (cfg.relevanceMargin ?? cfg.margin) : cfg.margin;
    const j = hits.findIndex((h) => h.slot === direct);
    const leader = hits[0];
    if (j <= 0 || !leader) return;
    const candidate = hits[j] as { slot: number; hit: MatchHit };
    if (candidate.hit.score < leader.hit.score - margin) return;
    hits.splice(j, 1);
    candidate.hit.score = leader.hit.score;
    hits.unshift(candidate);
  }

  /**
   * The displayed strength of a pair, the same scale for every query (the ranking score is not: its text and
   * semantic parts are scaled within each query's candidates, so every list's first is near 1). Evidence that
   * means the same whatever the query: the share of the query's word mass (weight × idf) the counterpart
   * contains, the cosine of the two in the semantic space, and the structured factors as the ranking weighs
   * them; mapped to (0, 1) by a logistic fitted on judged pairs (`calibration`, tools/match-eval calibration.ts).
   */
  private calibrate(hit: MatchHit): void {
    const c = this.config.calibration;
    const w = this.config.weights;
    const k = hit.components;
    const coverage = k.coverage ?? 0;
    const cosine = k.cosine ?? 0;
    const factors = k.field * w.field + k.trl * w.trl + k.price * w.price + k.modes * w.modes + k.feedback * w.feedback;
    const logit = c.bias + c.coverage * coverage + c.semantic * cosine + c.factors * factors;
    hit.confidence = 1 / (1 + Math.exp(-logit));
  }

  /**
   * Absolute evidence for a candidate, the same scale for every query: the share of the query's word mass
   * (weight × idf, words no listing has included) that it contains, and its cosine with the query in the
   * semantic space.
   */
  private evidence(target: KindIndex, slot: number, prepared: PreparedQuery, mass: ReadonlyMap<number, number>, total: number): { coverage: number; cosine: number } {
    const doc = target.terms(slot);
    let covered = 0;
    if (doc) for (const t of doc.ids) covered += mass.get(t) ?? 0;
    const v = target.semVecs[slot];
    return { coverage: total > 0 ? covered / total : 0, cosine: prepared.vector && v ? Math.max(0, dot(prepared.vector, v)) : 0 };
  }

  /**
   * The dense layer's share for this query: a short query (a title alone) embeds as the mean of a few words,
   * a noisier vector than a whole listing's, so below `dense.fullWeightWords` query words the share shrinks
   * in proportion.
   */
  private denseWeight(prepared: PreparedQuery): number {
    const cfg = this.config.dense;
    const full = cfg.fullWeightWords;
    return full > 0 ? cfg.weight * Math.min(1, prepared.wordTerms.length / full) : cfg.weight;
  }

  /**
   * BM25F candidate pool. With pseudo-relevance feedback the first-pass top documents pick expansion terms
   * whose weight is then added to the same accumulators (BM25F is additive over query terms), so the
   * expanded query costs only the postings of the new terms.
   */
  private retrieve(
    prepared: PreparedQuery,
    target: KindIndex,
    k: number,
  ): { slots: number[]; scores: number[] } {
    const cfg = this.config;
    target.beginSearch();
    try {
      target.accumulate(prepared.terms, cfg);
      if (cfg.prf.enabled && prepared.terms.size > 0) {
        const first = target.top(cfg.prf.docs);
        prepared.direct = first.slots[0];
        prepared.directLead = 1 - (first.scores[1] ?? 0) / (first.scores[0] || 1);
        const delta: QueryTerms = new Map();
        for (const [term, w] of this.expand(prepared.terms, target, first)) {
          if (!prepared.terms.has(term)) prepared.expansion.add(term);
          prepared.terms.set(term, (prepared.terms.get(term) ?? 0) + w);
          delta.set(term, w);
        }
        target.accumulate(delta, cfg);
      }
      const pool = target.top(k);
      prepared.direct ??= pool.slots[0];
      return pool;
    } finally {
      target.endSearch();
    }
  }

  /**
   * Score regularisation by the cluster hypothesis, within the candidate pool: the `pool` best candidates
   * each take `weight` of their relevance from the mean relevance of their `neighbours` nearest candidates in
   * the semantic space (the others keep theirs, clipped so they cannot overtake the smoothed ones unfairly).
   */
  private smooth(target: KindIndex, slots: readonly number[], base: readonly number[]): number[] {
    const cfg = this.config.smoothing;
    if (!cfg.enabled || cfg.weight <= 0 || cfg.neighbours <= 0 || !this.config.semantic.enabled) return [...base];
    const m = Math.min(cfg.pool, slots.length);
    const out = [...base];
    const k = Math.min(cfg.neighbours, m - 1);
    const dims = this.space.dims;
    if (k <= 0 || dims === 0) return out;
    // Pool vectors in one flat buffer, and the symmetric similarity matrix computed once.
    const flat = new Float32Array(m * dims);
    const has = new Uint8Array(m);
    for (let i = 0; i < m; i++) {
      const v = target.semVecs[slots[i] as number];
      if (!v) continue;
      flat.set(v, i * dims);
      has[i] = 1;
    }
    const sims = new Float32Array(m * m);
    for (let i = 0; i < m; i++) {
      if (!has[i]) continue;
      const oi = i * dims;
      for (let j = i + 1; j < m; j++) {
        if (!has[j]) continue;
        const oj = j * dims;
        let s = 0;
        for (let d = 0; d < dims; d++) s += (flat[oi + d] as number) * (flat[oj + d] as number);
        sims[i * m + j] = s;
        sims[j * m + i] = s;
      }
    }
    // Best k neighbours of each candidate by insertion into a small sorted list.
    const bestSim = new Float64Array(k);
    const bestIdx = new Int32Array(k);
    for (let i = 0; i < m; i++) {
      if (!has[i]) continue;
      let filled = 0;
      const row = i * m;
      for (let j = 0; j < m; j++) {
        if (j === i || !has[j]) continue;
        const sim = sims[row + j] as number;
        if (filled === k && sim <= (bestSim[k - 1] as number)) continue;
        let p = filled < k ? filled++ : k - 1;
        while (p > 0 && (bestSim[p - 1] as number) < sim) {
          bestSim[p] = bestSim[p - 1] as number;
          bestIdx[p] = bestIdx[p - 1] as number;
          p--;
        }
        bestSim[p] = sim;
        bestIdx[p] = j;
      }
      let sum = 0;
      let wsum = 0;
      for (let q = 0; q < filled; q++) {
        const w = Math.max(bestSim[q] as number, 0);
        sum += w * (base[bestIdx[q] as number] as number);
        wsum += w;
      }
      if (wsum > 0) out[i] = (1 - cfg.weight) * (base[i] as number) + (cfg.weight * sum) / wsum;
    }
    return out;
  }

  private prepare(tokens: DocTokens, target: KindIndex): PreparedQuery {
    const cfg = this.config;
    const counts = countTerms(this.dict, tokens, false);
    const qf = cfg.queryFields;
    const damp = (x: number): number => (x > 0 ? 1 + Math.log(x) : 0);
    let scored: { term: number; w: number; rank: number }[] = [];
    for (const [term, [t, k, b]] of counts) {
      if (target.docFrequency(term) === 0) continue;
      const w = qf.title * damp(t) + qf.keywords * damp(k) + qf.body * damp(b);
      scored.push({ term, w, rank: w * target.idf(term) });
    }
    scored.sort((a, b) => b.rank - a.rank);
    scored = scored.slice(0, cfg.maxQueryTerms);
    const terms: QueryTerms = new Map(scored.map((s) => [s.term, s.w]));
    const words = scored.filter((s) => !this.dict.isGram(s.term));
    // Words no counterpart contains still count in the query's mass (at the highest idf): a need half about
    // something the market lacks is half covered at best.
    let missingMass = 0;
    const fieldWords = [tokens.title.words, tokens.keywords.words, tokens.body.words];
    const unknown = new Map<string, [number, number, number]>();
    fieldWords.forEach((list, f) => {
      for (const word of list) {
        const id = this.dict.lookup(word, false);
        if (id !== undefined && target.docFrequency(id) > 0) continue;
        const c = unknown.get(word) ?? [0, 0, 0];
        c[f] = (c[f] as number) + 1;
        unknown.set(word, c);
      }
    });
    const maxIdf = target.idf(-1);
    for (const [t, k, b] of unknown.values()) missingMass += (qf.title * damp(t) + qf.keywords * damp(k) + qf.body * damp(b)) * maxIdf;
    return { terms, wordTerms: words.map((s) => s.term), wordMass: words.map((s) => s.rank), missingMass, expansion: new Set<number>(), vector: undefined };
  }


  /**
   * Pseudo-relevance feedback (RM3-like): the word terms most typical of the first-pass top documents,
   * weighted by their share of those documents' text and by idf, join the query. This is how listings that use
   * other words for the same thing get in, without any model from outside the corpus.
   */
  private expand(
    terms: QueryTerms,
    target: KindIndex,
    first: { slots: number[]; scores: number[] },
  ): Map<number, number> {
    const cfg = this.config;
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
    if (!cfg.enabled || cfg.feedbackDocs <= 0) return query;
    const dims = this.space.dims;
    if (dims === 0) return undefined;
    const out = query ? Float32Array.from(query) : new Float32Array(dims);
    const top = Math.min(cfg.feedbackDocs, slots.length);
    const total = scores.slice(0, top).reduce((a, b) => a + b, 0) || 1;
    for (let i = 0; i < top; i++) {
      const v = target.semVecs[slots[i] as number];
      if (!v) continue;
      const w = (cfg.feedbackWeight * (scores[i] as number)) / total;
      for (let d = 0; d < dims; d++) out[d] = (out[d] as number) + (v[d] as number) * w;
    }
    return normalize(out);
  }

  /** The query's word terms (with expansion) embedded in the semantic space. */
  private queryVector(terms: QueryTerms): Float32Array | undefined {
    if (!this.config.semantic.enabled) return undefined;
    const ids: number[] = [];
    const weights: number[] = [];
    const grams = this.config.semantic.bigrams;
    for (const [term, w] of terms) {
      const gram = this.dict.isGram(term);
      if (gram && !grams) continue;
      ids.push(term);
      weights.push(gram ? w * this.config.bigramWeight : w);
    }
    return this.space.embed({ ids, weights });
  }

  /** A listing's word terms with field-weighted, log-dampened frequencies (idf is applied by the space). */
  private semanticBag(kind: KindIndex, slot: number): TermBag {
    const doc = kind.terms(slot);
    if (!doc) return { ids: [], weights: [] };
    const ids = new Int32Array(doc.ids.length);
    const weights = new Float32Array(doc.ids.length);
    let n = 0;
    const { title, keywords, body } = this.config.bm25;
    const grams = this.config.semantic.bigrams;
    const gramWeight = this.config.bigramWeight;
    for (let j = 0; j < doc.ids.length; j++) {
      const term = doc.ids[j] as number;
      const gram = this.dict.isGram(term);
      if (gram && !grams) continue;
      const [t, k, b] = unpackTf(doc.tfs[j] as number);
      ids[n] = term;
      weights[n++] = Math.log1p(title.weight * t + keywords.weight * k + body.weight * b) * (gram ? gramWeight : 1);
    }
    return { ids: ids.subarray(0, n), weights: weights.subarray(0, n) };
  }

  private embedSlot(kind: KindIndex, slot: number): Float32Array | undefined {
    return this.space.embed(this.semanticBag(kind, slot));
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

  /**
   * The words a person sees in the query's text: its plain (exact) cut, canonical forms included. Search-mode
   * sub-words (管理系 inside 管理系统) are tokens of both texts but words of neither.
   */
  private readableWords(query: MatchDoc): Set<string> {
    const body = query.kind === 'result' ? query.summary : query.description;
    const words = new Set<string>();
    for (const text of [query.title ?? '', (query.keywords ?? []).join(' '), body ?? '']) {
      const { words: canonical, surfaces } = this.analyzer.analyze(text, { mode: 'exact', bigrams: false });
      for (const w of canonical) words.add(w);
      for (const w of surfaces) words.add(w);
    }
    return words;
  }

  private termReasons(target: KindIndex, slot: number, prepared: PreparedQuery, readable: ReadonlySet<string>): MatchReason[] {
    const doc = target.terms(slot);
    if (!doc) return [];
    const has = new Set(doc.ids);
    // People read these: a shared term is a word of the industry lexicon or a word of the query's text (not
    // 管理系, a search-mode piece of 管理系统); related terms, found in the counterpart only, must be lexicon words.
    const shared = prepared.wordTerms
      .filter((t) => has.has(t))
      .map((t) => this.dict.term(t))
      .filter((w) => readable.has(w) || this.analyzer.isLexiconWord(w));
    const related = [...prepared.expansion]
      .filter((t) => has.has(t))
      .sort((a, b) => (prepared.terms.get(b) ?? 0) - (prepared.terms.get(a) ?? 0) || compare(this.dict.term(a), this.dict.term(b)))
      .map((t) => this.dict.term(t))
      .filter((w) => this.analyzer.isLexiconWord(w));
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
