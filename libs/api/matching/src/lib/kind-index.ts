import { growFloat32, growFloat64, growInt32, growUint32, growUint8, topK } from './buffers';
import type { MatchConfig } from './config';
import type { MatchDoc } from './types';

/** Field slots: words of title/keywords/body, then bigrams of the same three. */
export const FIELD_COUNT = 6;
const GRAM_PREFIX = '\u0002';

/** One term id per distinct word or bigram, shared by both kinds so the semantic space sees one vocabulary. */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly gram: boolean[] = [];

  lookup(term: string, isGram: boolean): number | undefined {
    return this.ids.get(isGram ? GRAM_PREFIX + term : term);
  }

  intern(term: string, isGram: boolean): number {
    const key = isGram ? GRAM_PREFIX + term : term;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(key, id);
      this.terms.push(term);
      this.gram.push(isGram);
    }
    return id;
  }

  term(id: number): string {
    return this.terms[id] ?? '';
  }

  isGram(id: number): boolean {
    return this.gram[id] ?? false;
  }

  get size(): number {
    return this.terms.length;
  }

  /** Every term in id order, and which are bigrams (index snapshots). */
  exportState(): { terms: string[]; grams: Uint8Array } {
    return { terms: [...this.terms], grams: Uint8Array.from(this.gram, (g) => (g ? 1 : 0)) };
  }

  /** Refills an empty dictionary from exportState(): the same ids for the same terms. */
  importState(terms: readonly string[], grams: Uint8Array): void {
    if (this.terms.length > 0) throw new Error('TermDictionary.importState needs an empty dictionary');
    terms.forEach((term, id) => {
      const gram = grams[id] === 1;
      this.ids.set(gram ? GRAM_PREFIX + term : term, id);
      this.terms.push(term);
      this.gram.push(gram);
    });
  }
}

/**
 * A kind's listings as flat arrays, live slots in slot order (index snapshots): each listing's term ids and
 * packed frequencies (CSR by `termPtr`), its six field lengths, and its semantic and dense vectors
 * (`semHas`/`denseHas` say which it has; absent ones are zeros).
 */
export interface KindState {
  docs: MatchDoc[];
  termPtr: Int32Array;
  termIds: Int32Array;
  termTfs: Uint32Array;
  lens: Float32Array;
  semDims: number;
  semVecs: Float32Array;
  semHas: Uint8Array;
  denseDims: number;
  denseVecs: Float32Array;
  denseHas: Uint8Array;
}

export interface FieldTokens {
  words: readonly string[];
  bigrams: readonly string[];
}

export interface DocTokens {
  title: FieldTokens;
  keywords: FieldTokens;
  body: FieldTokens;
}

/** Term frequencies packed in 32 bits: title (8 bits) | keywords (8 bits) | body (16 bits), saturating. */
export function packTf(title: number, keywords: number, body: number): number {
  return (Math.min(title, 255) | (Math.min(keywords, 255) << 8) | (Math.min(body, 65535) << 16)) >>> 0;
}

export function unpackTf(packed: number): [number, number, number] {
  return [packed & 255, (packed >>> 8) & 255, packed >>> 16];
}

/** A weighted bag of term ids: the query. */
export type QueryTerms = Map<number, number>;

/** Counts a document's terms per field: term id → [title, keywords, body] frequencies. */
export function countTerms(
  dict: TermDictionary,
  tokens: DocTokens,
  create: boolean,
): Map<number, [number, number, number]> {
  const counts = new Map<number, [number, number, number]>();
  const fields: FieldTokens[] = [tokens.title, tokens.keywords, tokens.body];
  fields.forEach((field, f) => {
    for (const [list, isGram] of [
      [field.words, false],
      [field.bigrams, true],
    ] as const) {
      for (const term of list) {
        const id = create ? dict.intern(term, isGram) : dict.lookup(term, isGram);
        if (id === undefined) continue;
        let c = counts.get(id);
        if (!c) {
          c = [0, 0, 0];
          counts.set(id, c);
        }
        c[f] = (c[f] as number) + 1;
      }
    }
  });
  return counts;
}

/**
 * Inverted index of one kind of listing (results or needs) with BM25F scoring. Documents live in slots; an
 * update retires the old slot and takes a new one, so postings are append-only and a change costs only the
 * document's own terms. Dead postings are skipped at query time and dropped by `compact()` once they are a
 * quarter of the index.
 */
export class KindIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly docs: (MatchDoc | undefined)[] = [];
  private readonly slotTerms: (Int32Array | undefined)[] = [];
  private readonly slotTfs: (Uint32Array | undefined)[] = [];
  readonly semVecs: (Float32Array | undefined)[] = [];
  /** Listing vectors of the dense (word-vector) layer, by slot. */
  readonly denseVecs: (Float32Array | undefined)[] = [];
  private alive = new Uint8Array(0);
  private lens = new Float32Array(0);
  private readonly lenSum = new Float64Array(FIELD_COUNT);
  private nextSlot = 0;
  private liveCount = 0;
  private deadCount = 0;

  private pDocs: (Int32Array<ArrayBuffer> | undefined)[] = [];
  private pTfs: (Uint32Array<ArrayBuffer> | undefined)[] = [];
  private pLen = new Int32Array(0);
  private df = new Int32Array(0);

  private acc = new Float64Array(0);
  private touched = new Int32Array(0);
  private touchedCount = 0;

  constructor(private readonly dict: TermDictionary) {}

  get size(): number {
    return this.liveCount;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  doc(slot: number): MatchDoc | undefined {
    return this.docs[slot];
  }

  docById(id: string): MatchDoc | undefined {
    const s = this.slotOf.get(id);
    return s === undefined ? undefined : this.docs[s];
  }

  terms(slot: number): { ids: Int32Array; tfs: Uint32Array } | undefined {
    const ids = this.slotTerms[slot];
    const tfs = this.slotTfs[slot];
    return ids && tfs ? { ids, tfs } : undefined;
  }

  docFrequency(term: number): number {
    return this.df[term] ?? 0;
  }

  idf(term: number): number {
    const df = this.df[term] ?? 0;
    const n = this.liveCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Adds a document (replacing any previous version); returns its slot. */
  add(doc: MatchDoc, tokens: DocTokens): number {
    if (this.slotOf.has(doc.id)) this.remove(doc.id);
    const slot = this.nextSlot++;
    this.alive = growUint8(this.alive, slot + 1);
    this.lens = growFloat32(this.lens, (slot + 1) * FIELD_COUNT);
    this.alive[slot] = 1;
    this.slotOf.set(doc.id, slot);
    this.docs[slot] = doc;
    const lens = [
      tokens.title.words.length,
      tokens.keywords.words.length,
      tokens.body.words.length,
      tokens.title.bigrams.length,
      tokens.keywords.bigrams.length,
      tokens.body.bigrams.length,
    ];
    lens.forEach((len, f) => {
      this.lens[slot * FIELD_COUNT + f] = len;
      this.lenSum[f] = (this.lenSum[f] as number) + len;
    });
    const counts = countTerms(this.dict, tokens, true);
    const ids = new Int32Array(counts.size);
    const tfs = new Uint32Array(counts.size);
    let i = 0;
    for (const [term, [t, k, b]] of counts) {
      const packed = packTf(t, k, b);
      ids[i] = term;
      tfs[i] = packed;
      i++;
      this.appendPosting(term, slot, packed);
    }
    this.slotTerms[slot] = ids;
    this.slotTfs[slot] = tfs;
    this.liveCount++;
    return slot;
  }

  private appendPosting(term: number, slot: number, packed: number): void {
    this.pLen = growInt32(this.pLen, term + 1);
    this.df = growInt32(this.df, term + 1);
    const n = this.pLen[term] as number;
    this.pDocs[term] = growInt32(this.pDocs[term] ?? new Int32Array(2), n + 1);
    this.pTfs[term] = growUint32(this.pTfs[term] ?? new Uint32Array(2), n + 1);
    (this.pDocs[term] as Int32Array)[n] = slot;
    (this.pTfs[term] as Uint32Array)[n] = packed;
    this.pLen[term] = n + 1;
    this.df[term] = (this.df[term] as number) + 1;
  }

  /** Removes a document; returns the removed version, if any. */
  remove(id: string): MatchDoc | undefined {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return undefined;
    const doc = this.docs[slot];
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    for (let f = 0; f < FIELD_COUNT; f++)
      this.lenSum[f] = (this.lenSum[f] as number) - (this.lens[slot * FIELD_COUNT + f] as number);
    for (const term of this.slotTerms[slot] ?? []) this.df[term] = (this.df[term] as number) - 1;
    this.docs[slot] = undefined;
    this.slotTerms[slot] = undefined;
    this.slotTfs[slot] = undefined;
    this.semVecs[slot] = undefined;
    this.denseVecs[slot] = undefined;
    this.liveCount--;
    this.deadCount++;
    if (this.deadCount > 1000 && this.deadCount * 4 > this.liveCount) this.compact();
    return doc;
  }

  /** Drops postings of removed slots. */
  compact(): void {
    for (let t = 0; t < this.pDocs.length; t++) {
      const docs = this.pDocs[t];
      const tfs = this.pTfs[t];
      if (!docs || !tfs) continue;
      const n = this.pLen[t] as number;
      let w = 0;
      for (let i = 0; i < n; i++) {
        const s = docs[i] as number;
        if (this.alive[s] !== 1) continue;
        docs[w] = s;
        tfs[w] = tfs[i] as number;
        w++;
      }
      this.pLen[t] = w;
      if (w === 0) {
        this.pDocs[t] = undefined;
        this.pTfs[t] = undefined;
      } else if (w * 4 < docs.length) {
        this.pDocs[t] = docs.slice(0, Math.max(2, w * 2));
        this.pTfs[t] = tfs.slice(0, Math.max(2, w * 2));
      }
    }
    this.deadCount = 0;
  }

  liveSlots(): number[] {
    return [...this.slotOf.values()];
  }

  /**
   * BM25F over the postings of the query terms: scores accumulate only for documents that contain a query
   * term; terms in more than `maxDocFrequencyRatio` of the documents are skipped. Returns the best `k` slots.
   */
  search(query: QueryTerms, config: MatchConfig, k: number): { slots: number[]; scores: number[] } {
    this.beginSearch();
    try {
      this.accumulate(query, config);
      return this.top(k);
    } finally {
      this.endSearch();
    }
  }

  /**
   * Starts an incremental search: `accumulate` may be called several times (BM25F is additive over query
   * terms, so pseudo-relevance feedback adds only its new weight instead of scoring the query twice), `top`
   * reads the current best slots, `endSearch` clears the accumulators. Not re-entrant.
   */
  beginSearch(): void {
    this.acc = growFloat64(this.acc, this.nextSlot);
    this.touched = growInt32(this.touched, this.nextSlot);
    this.touchedCount = 0;
  }

  accumulate(query: QueryTerms, config: MatchConfig): void {
    const n = this.liveCount;
    if (n === 0 || query.size === 0) return;
    const acc = this.acc;
    const touched = this.touched;
    const alive = this.alive;
    const lens = this.lens;
    const { k1, title, keywords, body } = config.bm25;
    const avg = Array.from(this.lenSum, (s) => Math.max(s / n, 1e-6));
    const maxDf = Math.max(20, config.maxDocFrequencyRatio * n);
    let touchedCount = this.touchedCount;
    for (const [term, qw] of query) {
      const df = this.df[term] ?? 0;
      if (df === 0 || df > maxDf || qw === 0) continue;
      const docs = this.pDocs[term];
      const tfs = this.pTfs[term];
      if (!docs || !tfs) continue;
      const isGram = this.dict.isGram(term);
      const off = isGram ? 3 : 0;
      const mult = qw * Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (isGram ? config.bigramWeight : 1);
      const aT = avg[off] as number;
      const aK = avg[off + 1] as number;
      const aB = avg[off + 2] as number;
      const wT = title.weight;
      const wK = keywords.weight;
      const wB = body.weight;
      const bT = title.b;
      const bK = keywords.b;
      const bB = body.b;
      const len = this.pLen[term] as number;
      for (let i = 0; i < len; i++) {
        const s = docs[i] as number;
        if (alive[s] !== 1) continue;
        const packed = tfs[i] as number;
        const base = s * FIELD_COUNT + off;
        let tf = 0;
        const tT = packed & 255;
        const tK = (packed >>> 8) & 255;
        const tB = packed >>> 16;
        if (tT) tf += (wT * tT) / (1 - bT + (bT * (lens[base] as number)) / aT);
        if (tK) tf += (wK * tK) / (1 - bK + (bK * (lens[base + 1] as number)) / aK);
        if (tB) tf += (wB * tB) / (1 - bB + (bB * (lens[base + 2] as number)) / aB);
        const prev = acc[s] as number;
        if (prev === 0) touched[touchedCount++] = s;
        acc[s] = prev + (mult * tf) / (k1 + tf);
      }
    }
    this.touchedCount = touchedCount;
  }

  /** Current best `k` slots of an incremental search, best first. */
  top(k: number): { slots: number[]; scores: number[] } {
    const slots = topK(this.touched, this.touchedCount, this.acc, k);
    return { slots, scores: slots.map((s) => this.acc[s] as number) };
  }

  /** Current accumulated text score of a slot (0 when it matched no query term). */
  accumulated(slot: number): number {
    return this.acc[slot] ?? 0;
  }

  endSearch(): void {
    for (let i = 0; i < this.touchedCount; i++) this.acc[this.touched[i] as number] = 0;
    this.touchedCount = 0;
  }

  /** Live slots, ascending (for exhaustive passes such as dense retrieval). */
  isAlive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  get slotCount(): number {
    return this.nextSlot;
  }

  /** The live listings, in slot order, as flat arrays (see KindState); removed slots are left out. */
  exportState(): KindState {
    const slots: number[] = [];
    for (let s = 0; s < this.nextSlot; s++) if (this.alive[s] === 1) slots.push(s);
    const n = slots.length;
    const termPtr = new Int32Array(n + 1);
    slots.forEach((s, i) => (termPtr[i + 1] = (termPtr[i] as number) + (this.slotTerms[s]?.length ?? 0)));
    const termIds = new Int32Array(termPtr[n] as number);
    const termTfs = new Uint32Array(termPtr[n] as number);
    const lens = new Float32Array(n * FIELD_COUNT);
    const dimsOf = (vecs: readonly (Float32Array | undefined)[]): number => slots.reduce((d, s) => Math.max(d, vecs[s]?.length ?? 0), 0);
    const semDims = dimsOf(this.semVecs);
    const denseDims = dimsOf(this.denseVecs);
    const semVecs = new Float32Array(n * semDims);
    const denseVecs = new Float32Array(n * denseDims);
    const semHas = new Uint8Array(n);
    const denseHas = new Uint8Array(n);
    slots.forEach((s, i) => {
      termIds.set(this.slotTerms[s] ?? [], termPtr[i] as number);
      termTfs.set(this.slotTfs[s] ?? [], termPtr[i] as number);
      lens.set(this.lens.subarray(s * FIELD_COUNT, (s + 1) * FIELD_COUNT), i * FIELD_COUNT);
      const sem = this.semVecs[s];
      if (sem) {
        semVecs.set(sem, i * semDims);
        semHas[i] = 1;
      }
      const dense = this.denseVecs[s];
      if (dense) {
        denseVecs.set(dense, i * denseDims);
        denseHas[i] = 1;
      }
    });
    return { docs: slots.map((s) => this.docs[s] as MatchDoc), termPtr, termIds, termTfs, lens, semDims, semVecs, semHas, denseDims, denseVecs, denseHas };
  }

  /**
   * Fills an empty kind index from exportState() (slots 0..n-1 in the exported order) without analysing any
   * text: the postings are rebuilt from each listing's terms, in slot order as `add` appends them.
   */
  importState(state: KindState): void {
    if (this.nextSlot > 0) throw new Error('KindIndex.importState needs an empty index');
    const n = state.docs.length;
    this.alive = new Uint8Array(Math.max(n, 16)).fill(1, 0, n);
    this.lens = new Float32Array(Math.max(n * FIELD_COUNT, 16));
    this.lens.set(state.lens);
    for (let i = 0; i < state.lens.length; i++) this.lenSum[i % FIELD_COUNT] = (this.lenSum[i % FIELD_COUNT] as number) + (state.lens[i] as number);
    const vocabulary = this.dict.size;
    const counts = new Int32Array(vocabulary);
    for (let j = 0; j < state.termIds.length; j++) counts[state.termIds[j] as number]++;
    this.pLen = new Int32Array(vocabulary);
    this.df = Int32Array.from(counts);
    this.pDocs = new Array<Int32Array<ArrayBuffer> | undefined>(vocabulary);
    this.pTfs = new Array<Uint32Array<ArrayBuffer> | undefined>(vocabulary);
    for (let t = 0; t < vocabulary; t++) {
      const c = counts[t] as number;
      if (c === 0) continue;
      this.pDocs[t] = new Int32Array(c);
      this.pTfs[t] = new Uint32Array(c);
    }
    for (let s = 0; s < n; s++) {
      const doc = state.docs[s] as MatchDoc;
      this.slotOf.set(doc.id, s);
      this.docs[s] = doc;
      const from = state.termPtr[s] as number;
      const to = state.termPtr[s + 1] as number;
      // Views, not copies: every slot's arrays are replaced whole when it changes, never written in place.
      this.slotTerms[s] = state.termIds.subarray(from, to);
      this.slotTfs[s] = state.termTfs.subarray(from, to);
      for (let j = from; j < to; j++) {
        const term = state.termIds[j] as number;
        const p = this.pLen[term] as number;
        (this.pDocs[term] as Int32Array)[p] = s;
        (this.pTfs[term] as Uint32Array)[p] = state.termTfs[j] as number;
        this.pLen[term] = p + 1;
      }
      this.semVecs[s] = state.semHas[s] ? state.semVecs.subarray(s * state.semDims, (s + 1) * state.semDims) : undefined;
      this.denseVecs[s] = state.denseHas[s] ? state.denseVecs.subarray(s * state.denseDims, (s + 1) * state.denseDims) : undefined;
    }
    this.nextSlot = n;
    this.liveCount = n;
    this.deadCount = 0;
  }
}
