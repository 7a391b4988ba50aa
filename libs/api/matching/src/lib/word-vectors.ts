import { mulberry32 } from './lsa';
import { normalize } from './semantic';

export interface WordVectorOptions {
  dims: number;
  /** Largest context window (each centre word draws its own window in 1..window, as word2vec does). */
  window: number;
  /** Negative samples per (centre, context) pair, drawn from the unigram distribution to the power 0.75. */
  negatives: number;
  epochs: number;
  learningRate: number;
  /** Words seen fewer times than this have no own row (their character n-grams still give them a vector). */
  minCount: number;
  /** Character n-grams of `<word>` from minN to maxN characters (fastText subwords; 1–2 suits Chinese words). */
  minN: number;
  maxN: number;
  /** Frequent-word subsampling threshold (word2vec's t; 0 = off). */
  subsample: number;
  seed: number;
}

/** A weighted bag of words (the analyzer's words of one listing or query). */
export interface WordBag {
  words: readonly string[];
  weights: ArrayLike<number>;
}

const NEG_TABLE = 1 << 20;

/**
 * fastText-style skip-gram word vectors with negative sampling and character n-grams, trained on the listings'
 * own text (no downloaded model). A word's vector is the mean of its own row and its n-grams' rows, so an unseen
 * word that shares characters with known ones still has a vector. Training is single-threaded over typed arrays
 * with one seeded generator and a fixed order: the same sentences give the same vectors, bit for bit.
 */
/** A trained WordVectors model as plain data. */
export interface WordVectorState {
  dims: number;
  minN: number;
  maxN: number;
  /** Vocabulary words by row, then character n-grams by id. */
  words: string[];
  grams: string[];
  wordVecs: Float32Array<ArrayBuffer>;
  input: Float32Array<ArrayBuffer>;
  idfs: Float32Array<ArrayBuffer>;
  docs: number;
  trainedTokens: number;
}

export class WordVectors {
  readonly dims: number;
  private readonly wordId = new Map<string, number>();
  private readonly gramId = new Map<string, number>();
  /** Unit-length vector of each vocabulary word (mean of its subword rows), rows of `dims`. */
  private wordVecs = new Float32Array(0);
  /** Input rows: vocabulary words first, then character n-grams. */
  private input = new Float32Array(0);
  private idfs = new Float32Array(0);
  private docs = 0;
  /** Tokens seen by the last training (after vocabulary filtering, before subsampling), per epoch. */
  trainedTokens = 0;

  private constructor(dims: number) {
    this.dims = dims;
  }

  get vocabularySize(): number {
    return this.wordId.size;
  }

  /** Vocabulary words by row (most frequent first). */
  get words(): string[] {
    return [...this.wordId.keys()];
  }

  /** The unit-length input rows of the vocabulary, for tests (two trainings must give the same ones). */
  get vectors(): Float32Array {
    return this.wordVecs;
  }

  /** The trained model as plain data (index snapshots); fromState() gives back an identical model. */
  exportState(): WordVectorState {
    return {
      dims: this.dims,
      minN: this.minN,
      maxN: this.maxN,
      words: [...this.wordId.keys()],
      grams: [...this.gramId.keys()],
      wordVecs: this.wordVecs,
      input: this.input,
      idfs: this.idfs,
      docs: this.docs,
      trainedTokens: this.trainedTokens,
    };
  }

  static fromState(state: WordVectorState): WordVectors {
    const model = new WordVectors(state.dims);
    model.minN = state.minN;
    model.maxN = state.maxN;
    state.words.forEach((w, i) => model.wordId.set(w, i));
    state.grams.forEach((g, i) => model.gramId.set(g, i));
    model.wordVecs = state.wordVecs;
    model.input = state.input;
    model.idfs = state.idfs;
    model.docs = state.docs;
    model.trainedTokens = state.trainedTokens;
    return model;
  }

  /**
   * Trains on sentences (each an array of the analyzer's words in text order); `documents` are the sentences'
   * listings' word sets for idf (a listing gives several sentences: title, keywords, body).
   */
  static train(
    sentences: readonly (readonly string[])[],
    documents: readonly (readonly string[])[],
    options: WordVectorOptions,
  ): WordVectors {
    const model = new WordVectors(options.dims);
    model.fit(sentences, documents, options);
    return model;
  }

  private fit(
    sentences: readonly (readonly string[])[],
    documents: readonly (readonly string[])[],
    o: WordVectorOptions,
  ): void {
    const dims = o.dims;
    this.minN = o.minN;
    this.maxN = o.maxN;
    const counts = new Map<string, number>();
    for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
    const vocab = [...counts]
      .filter(([, c]) => c >= o.minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    vocab.forEach(([w], i) => this.wordId.set(w, i));
    const v = vocab.length;

    // Subword rows of each word: [own row, n-gram rows...] in CSR form.
    const subPtr = new Int32Array(v + 1);
    const subIdx: number[] = [];
    vocab.forEach(([w], i) => {
      subIdx.push(i);
      for (const g of this.ngrams(w)) {
        let id = this.gramId.get(g);
        if (id === undefined) {
          id = this.gramId.size;
          this.gramId.set(g, id);
        }
        subIdx.push(v + id);
      }
      subPtr[i + 1] = subIdx.length;
    });
    const sub = Int32Array.from(subIdx);
    const rows = v + this.gramId.size;

    const rand = mulberry32(o.seed);
    const input = new Float32Array(rows * dims);
    for (let i = 0; i < input.length; i++) input[i] = (rand() - 0.5) / dims;
    const output = new Float32Array(v * dims);

    // Unigram^0.75 table for negatives; keep probabilities for subsampling.
    const negTable = new Int32Array(v > 0 ? NEG_TABLE : 0);
    let z = 0;
    for (const [, c] of vocab) z += c ** 0.75;
    let cum = 0;
    let p = 0;
    vocab.forEach(([, c], i) => {
      cum += c ** 0.75 / z;
      const end = Math.min(NEG_TABLE, Math.round(cum * NEG_TABLE));
      while (p < end) negTable[p++] = i;
    });
    while (p < negTable.length) negTable[p++] = v - 1;
    let total = 0;
    for (const [, c] of vocab) total += c;
    const keep = new Float32Array(v);
    vocab.forEach(([, c], i) => {
      const f = c / Math.max(total, 1);
      keep[i] = o.subsample > 0 ? Math.min(1, (Math.sqrt(f / o.subsample) + 1) * (o.subsample / f)) : 1;
    });

    const encoded = sentences.map((s) => {
      const ids: number[] = [];
      for (const w of s) {
        const id = this.wordId.get(w);
        if (id !== undefined) ids.push(id);
      }
      return Int32Array.from(ids);
    });
    this.trainedTokens = total;
    const planned = Math.max(1, o.epochs * total);
    let processed = 0;
    const hidden = new Float32Array(dims);
    const grad = new Float32Array(dims);
    const line = new Int32Array(encoded.reduce((m, s) => Math.max(m, s.length), 0));
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      for (const sentence of encoded) {
        processed += sentence.length;
        const lr = o.learningRate * Math.max(1e-4, 1 - processed / planned);
        let n = 0;
        for (const id of sentence) if (rand() < (keep[id] as number)) line[n++] = id;
        for (let pos = 0; pos < n; pos++) {
          const centre = line[pos] as number;
          const s0 = subPtr[centre] as number;
          const s1 = subPtr[centre + 1] as number;
          hidden.fill(0);
          for (let q = s0; q < s1; q++) {
            const r = (sub[q] as number) * dims;
            for (let d = 0; d < dims; d++) hidden[d] = (hidden[d] as number) + (input[r + d] as number);
          }
          const inv = 1 / (s1 - s0);
          for (let d = 0; d < dims; d++) hidden[d] = (hidden[d] as number) * inv;
          grad.fill(0);
          const b = 1 + Math.floor(rand() * o.window);
          for (let c = Math.max(0, pos - b); c < Math.min(n, pos + b + 1); c++) {
            if (c === pos) continue;
            const context = line[c] as number;
            for (let k = 0; k <= o.negatives; k++) {
              const target = k === 0 ? context : (negTable[Math.floor(rand() * NEG_TABLE)] as number);
              if (k > 0 && target === context) continue;
              const t = target * dims;
              let f = 0;
              for (let d = 0; d < dims; d++) f += (hidden[d] as number) * (output[t + d] as number);
              const sig = f > 8 ? 1 : f < -8 ? 0 : 1 / (1 + Math.exp(-f));
              const g = ((k === 0 ? 1 : 0) - sig) * lr;
              for (let d = 0; d < dims; d++) {
                grad[d] = (grad[d] as number) + g * (output[t + d] as number);
                output[t + d] = (output[t + d] as number) + g * (hidden[d] as number);
              }
            }
          }
          for (let q = s0; q < s1; q++) {
            const r = (sub[q] as number) * dims;
            for (let d = 0; d < dims; d++) input[r + d] = (input[r + d] as number) + (grad[d] as number);
          }
        }
      }
    }

    this.input = input;
    this.wordVecs = new Float32Array(v * dims);
    for (let i = 0; i < v; i++) {
      const vec = this.meanOfRows(sub.subarray(subPtr[i], subPtr[i + 1]));
      if (vec) this.wordVecs.set(vec, i * dims);
    }
    const df = new Int32Array(v);
    for (const doc of documents) {
      for (const w of new Set(doc)) {
        const id = this.wordId.get(w);
        if (id !== undefined) df[id]++;
      }
    }
    this.docs = documents.length;
    this.idfs = Float32Array.from(df, (d) => Math.log((this.docs + 1) / (d + 1)) + 1);
  }

  /** Character n-grams of `<word>` (the markers alone are not n-grams, nor is the whole bracketed word). */
  private ngrams(word: string): string[] {
    const chars = ['<', ...word, '>'];
    const out: string[] = [];
    for (let n = this.minN; n <= this.maxN; n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        if (n === chars.length) continue;
        const g = chars.slice(i, i + n).join('');
        if (g === '<' || g === '>') continue;
        out.push(g);
      }
    }
    return out;
  }

  private minN = 1;
  private maxN = 2;

  private meanOfRows(rows: ArrayLike<number>): Float32Array | undefined {
    if (rows.length === 0) return undefined;
    const dims = this.dims;
    const out = new Float32Array(dims);
    for (let q = 0; q < rows.length; q++) {
      const r = (rows[q] as number) * dims;
      for (let d = 0; d < dims; d++) out[d] = (out[d] as number) + (this.input[r + d] as number);
    }
    return normalize(out);
  }

  /** Unit vector of a word: its own (trained) vector, else the mean of its known n-grams, else undefined. */
  wordVector(word: string): Float32Array | undefined {
    const id = this.wordId.get(word);
    if (id !== undefined) return this.wordVecs.subarray(id * this.dims, (id + 1) * this.dims);
    const rows: number[] = [];
    for (const g of this.ngrams(word)) {
      const gid = this.gramId.get(g);
      if (gid !== undefined) rows.push(this.wordId.size + gid);
    }
    return this.meanOfRows(rows);
  }

  /** Inverse document frequency of a word among the training listings (unseen words count as rarest). */
  idf(word: string): number {
    const id = this.wordId.get(word);
    return id === undefined ? Math.log(this.docs + 1) + 1 : (this.idfs[id] as number);
  }

  /** Unit-length idf × weight-weighted mean of the bag's word vectors, or undefined when none has a vector. */
  embed(bag: WordBag): Float32Array | undefined {
    const out = new Float32Array(this.dims);
    let used = 0;
    for (let j = 0; j < bag.words.length; j++) {
      const w = bag.words[j] as string;
      const vec = this.wordVector(w);
      if (!vec) continue;
      const x = (bag.weights[j] as number) * this.idf(w);
      for (let d = 0; d < this.dims; d++) out[d] = (out[d] as number) + x * (vec[d] as number);
      used++;
    }
    return used > 0 ? normalize(out) : undefined;
  }
}
