import { growFloat32 } from './buffers';

/** Deterministic 32-bit hash (FNV-1a) of a string, mixed with a seed. */
function hash(text: string, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/**
 * Reflective random indexing: a co-occurrence embedding learned from the indexed listings themselves, with no
 * downloaded model. Every document gets a fixed sparse random signature; a term's vector is the sum of the
 * signatures of the documents it occurs in (so terms used in the same listings get similar vectors, whatever
 * their characters); a document's vector is the idf-weighted sum of its terms' vectors. Adding or removing a
 * document only adds or subtracts its signature from its terms' vectors, so the space stays incremental.
 * Vectors exist only for terms seen in ≥ 2 documents: a term seen once co-occurs with nothing yet.
 */
export class SemanticSpace {
  private readonly vectors = new Map<number, Float32Array>();
  private readonly df = new Map<number, number>();
  private norms = new Float32Array(0);
  /** A pending first occurrence, replayed when the term's second document arrives. */
  private readonly first = new Map<number, { docKey: string; weight: number }>();

  constructor(
    readonly dims: number,
    private readonly nonZeros: number,
    private readonly seed: number,
  ) {}

  /** Sparse signature of a document: `nonZeros` positions with ±1. */
  signature(docKey: string): { idx: Int32Array; sign: Float32Array } {
    const idx = new Int32Array(this.nonZeros);
    const sign = new Float32Array(this.nonZeros);
    let h = hash(docKey, this.seed);
    for (let i = 0; i < this.nonZeros; i++) {
      h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
      h = Math.imul(h ^ (h >>> 13), 3266489917) >>> 0;
      idx[i] = h % this.dims;
      sign[i] = (h & 0x80000) === 0 ? 1 : -1;
    }
    return { idx, sign };
  }

  /** Adds (sign=+1) or removes (sign=-1) a document's contribution to its terms' vectors. */
  update(docKey: string, termIds: readonly number[], weights: readonly number[], direction: 1 | -1): void {
    const sig = this.signature(docKey);
    termIds.forEach((t, i) => {
      const w = (weights[i] ?? 1) * direction;
      const df = (this.df.get(t) ?? 0) + direction;
      if (df <= 0) {
        this.df.delete(t);
        this.vectors.delete(t);
        this.first.delete(t);
        return;
      }
      this.df.set(t, df);
      let vec = this.vectors.get(t);
      if (!vec) {
        if (direction === 1 && df === 1) {
          this.first.set(t, { docKey, weight: w });
          return;
        }
        vec = new Float32Array(this.dims);
        this.vectors.set(t, vec);
        const pending = this.first.get(t);
        if (pending && pending.docKey !== docKey)
          this.addSignature(vec, this.signature(pending.docKey), pending.weight);
        this.first.delete(t);
      }
      this.addSignature(vec, sig, w);
      this.norms = growFloat32(this.norms, t + 1);
      this.norms[t] = 0; // recomputed lazily
    });
  }

  private addSignature(vec: Float32Array, sig: { idx: Int32Array; sign: Float32Array }, w: number): void {
    for (let i = 0; i < sig.idx.length; i++) vec[sig.idx[i] as number] += (sig.sign[i] as number) * w;
  }

  private norm(t: number, vec: Float32Array): number {
    this.norms = growFloat32(this.norms, t + 1);
    let n = this.norms[t] as number;
    if (n === 0) {
      for (let i = 0; i < vec.length; i++) n += (vec[i] as number) * (vec[i] as number);
      n = Math.sqrt(n) || 1;
      this.norms[t] = n;
    }
    return n;
  }

  /** Unit vector of a weighted bag of terms, or undefined when none of its terms has a vector yet. */
  embed(termIds: readonly number[], weights: readonly number[]): Float32Array | undefined {
    const out = new Float32Array(this.dims);
    let used = 0;
    termIds.forEach((t, i) => {
      const vec = this.vectors.get(t);
      if (!vec) return;
      const w = (weights[i] ?? 1) / this.norm(t, vec);
      for (let d = 0; d < this.dims; d++) out[d] += (vec[d] as number) * w;
      used++;
    });
    if (used === 0) return undefined;
    let n = 0;
    for (let d = 0; d < this.dims; d++) n += (out[d] as number) * (out[d] as number);
    n = Math.sqrt(n);
    if (n === 0) return undefined;
    for (let d = 0; d < this.dims; d++) out[d] = (out[d] as number) / n;
    return out;
  }

  hasVector(t: number): boolean {
    return this.vectors.has(t);
  }

  get vocabularySize(): number {
    return this.vectors.size;
  }
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}
