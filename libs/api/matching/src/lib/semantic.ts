import { randomizedSvd, SparseRows } from './lsa';

/** A weighted bag of term ids (term frequencies already dampened; idf is applied by the space). */
export interface TermBag {
  ids: ArrayLike<number>;
  weights: ArrayLike<number>;
}

export interface LsaFitOptions {
  dims: number;
  /** Terms in fewer documents than this have no vector (they co-occur with nothing yet). */
  minDf: number;
  /** Terms in more than this share of documents carry no topic and are left out. */
  maxDfRatio: number;
  powerIterations: number;
  /** Document vectors are U·Σ^p: 1 is classic LSA, 0 whitens every dimension, 0.5 is in between. */
  spectrumPower: number;
  seed: number;
}

/** A fitted LsaSpace as plain arrays. */
export interface LsaState {
  rowOf: Int32Array<ArrayBuffer>;
  proj: Float32Array;
  idf: Float32Array<ArrayBuffer>;
  k: number;
  docs: number;
}

/**
 * The semantic layer: latent semantic analysis learned from the indexed listings themselves (no downloaded
 * model). `fit` takes a truncated SVD of the tf-idf (documents × terms) matrix; each term gets a k-dimensional
 * row of V·Σ^(p−1), and any bag of terms (a listing, a draft, a query) is embedded as the unit-length sum of its
 * terms' rows weighted by tf × idf — the standard LSA fold-in. Terms that share listings, or share
 * neighbours, end up close, whatever their characters; listings are compared by cosine. New listings are
 * folded in with the current projection; `fit` again (MatchIndex.refreshSemantics) to learn new vocabulary.
 */
export class LsaSpace {
  private rowOf = new Int32Array(0);
  private proj: Float32Array = new Float32Array(0);
  private idf = new Float32Array(0);
  private k = 0;
  private docs = 0;

  /** Dimensions of the fitted space (0 before the first fit). */
  get dims(): number {
    return this.k;
  }

  /** Number of documents the current projection was learned from. */
  get fittedDocs(): number {
    return this.docs;
  }

  get vocabularySize(): number {
    return this.idf.length;
  }

  hasVector(term: number): boolean {
    return (this.rowOf[term] ?? -1) >= 0;
  }

  fit(bags: readonly TermBag[], vocabulary: number, options: LsaFitOptions): void {
    const n = bags.length;
    const df = new Int32Array(vocabulary);
    for (const bag of bags) for (let j = 0; j < bag.ids.length; j++) df[bag.ids[j] as number]++;
    const maxDf = Math.max(options.minDf, options.maxDfRatio * n);
    const rowOf = new Int32Array(vocabulary).fill(-1);
    const idfs: number[] = [];
    for (let t = 0; t < vocabulary; t++) {
      const d = df[t] as number;
      if (d < options.minDf || d > maxDf) continue;
      rowOf[t] = idfs.length;
      idfs.push(Math.log((n + 1) / d));
    }
    const idf = Float32Array.from(idfs);
    const ptr = new Int32Array(n + 1);
    bags.forEach((bag, i) => {
      let c = 0;
      for (let j = 0; j < bag.ids.length; j++) if ((rowOf[bag.ids[j] as number] as number) >= 0) c++;
      ptr[i + 1] = (ptr[i] as number) + c;
    });
    const cols = new Int32Array(ptr[n] as number);
    const vals = new Float32Array(ptr[n] as number);
    bags.forEach((bag, i) => {
      const start = ptr[i] as number;
      let p = start;
      let norm = 0;
      for (let j = 0; j < bag.ids.length; j++) {
        const r = rowOf[bag.ids[j] as number] as number;
        if (r < 0) continue;
        const x = (bag.weights[j] as number) * (idf[r] as number);
        cols[p] = r;
        vals[p++] = x;
        norm += x * x;
      }
      norm = Math.sqrt(norm) || 1;
      for (let q = start; q < p; q++) vals[q] = (vals[q] as number) / norm;
    });
    if (idf.length === 0 || cols.length === 0) {
      this.rowOf = rowOf.fill(-1);
      this.proj = new Float32Array(0);
      this.idf = new Float32Array(0);
      this.k = 0;
      this.docs = n;
      return;
    }
    const a: SparseRows = { ptr, cols, vals, nCols: idf.length };
    const svd = randomizedSvd(a, options.dims, {
      powerIterations: options.powerIterations,
      seed: options.seed,
    });
    const k = svd.k;
    const colScale = Array.from(svd.s, (s) => (s > 1e-12 ? s ** (options.spectrumPower - 1) : 0));
    const proj = svd.v;
    for (let r = 0; r < idf.length; r++)
      for (let c = 0; c < k; c++) proj[r * k + c] = (proj[r * k + c] as number) * (colScale[c] as number);
    this.rowOf = rowOf;
    this.proj = proj;
    this.idf = idf;
    this.k = k;
    this.docs = n;
  }

  /** The fitted projection (index snapshots). */
  exportState(): LsaState {
    return { rowOf: this.rowOf, proj: this.proj, idf: this.idf, k: this.k, docs: this.docs };
  }

  importState(state: LsaState): void {
    this.rowOf = state.rowOf;
    this.proj = state.proj;
    this.idf = state.idf;
    this.k = state.k;
    this.docs = state.docs;
  }

  /** Unit vector of a weighted bag of terms, or undefined when none of its terms is in the space. */
  embed(bag: TermBag): Float32Array | undefined {
    const k = this.k;
    if (k === 0) return undefined;
    const out = new Float32Array(k);
    let used = 0;
    for (let j = 0; j < bag.ids.length; j++) {
      const r = this.rowOf[bag.ids[j] as number] ?? -1;
      if (r < 0) continue;
      const w = (bag.weights[j] as number) * (this.idf[r] as number);
      const o = r * k;
      for (let c = 0; c < k; c++) out[c] = (out[c] as number) + w * (this.proj[o + c] as number);
      used++;
    }
    if (used === 0) return undefined;
    return normalize(out);
  }
}

export function normalize(v: Float32Array): Float32Array | undefined {
  let n = 0;
  for (let d = 0; d < v.length; d++) n += (v[d] as number) * (v[d] as number);
  if (!(n > 0)) return undefined;
  n = Math.sqrt(n);
  for (let d = 0; d < v.length; d++) v[d] = (v[d] as number) / n;
  return v;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
