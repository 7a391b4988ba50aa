import type { WordVectorOptions } from './word-vectors';

/** BM25F parameters of one field: `weight` multiplies its term frequency, `b` is its length normalisation. */
export interface FieldParams {
  weight: number;
  b: number;
}

export interface MatchConfig {
  bm25: {
    k1: number;
    title: FieldParams;
    keywords: FieldParams;
    body: FieldParams;
  };
  /** Weight of the character-bigram layer relative to words (the fallback for mis-segmented words). */
  bigramWeight: number;
  /** How much each field of the query listing counts when building the query. */
  queryFields: { title: number; keywords: number; body: number };
  /** Query terms kept after ranking by weight × idf (prunes long descriptions). */
  maxQueryTerms: number;
  /** Terms occurring in more than this share of documents are skipped (they rank nothing and cost most). */
  maxDocFrequencyRatio: number;
  /** Pseudo-relevance feedback: expand the query with terms typical of the first-pass top documents. */
  prf: { enabled: boolean; docs: number; terms: number; weight: number };
  /**
   * Semantic layer: latent semantic analysis (truncated SVD of the tf-idf listing × term matrix) learned from
   * the indexed listings themselves; no downloaded model.
   */
  semantic: {
    enabled: boolean;
    /** Dimensions kept from the SVD. */
    dims: number;
    /** @deprecated Ignored (parameter of the former random-indexing layer); kept so old configs still type-check. */
    nonZeros: number;
    /** Share of relevance given to the semantic similarity (the rest is BM25F text score). */
    weight: number;
    seed: number;
    /** Top text matches whose vectors are blended into the query vector (0 = off), and how strongly. */
    feedbackDocs: number;
    feedbackWeight: number;
    /** Rounds of semantic feedback: later rounds take the top documents by the blended relevance of the last. */
    feedbackRounds: number;
    /** Character bigrams are features of the space as well as words (robust to segmentation differences). */
    bigrams: boolean;
    /** Terms in fewer listings than this get no vector. */
    minDf: number;
    /** Power iterations of the randomized SVD. */
    powerIterations: number;
    /** Listing vectors are U·Σ^p (1 = classic LSA, 0 = every dimension equal). */
    spectrumPower: number;
    /** At most this many listings (an even sample of all) are used to learn the projection; all are embedded. */
    sampleDocs: number;
    /** Below this many listings an upsert refits the projection itself whenever the index grew by a quarter. */
    autoRefreshMaxDocs: number;
  };
  /**
   * Dense layer: fastText-style skip-gram word vectors (negative sampling, character n-grams) trained on the
   * indexed listings' words (word-vectors.ts); a listing is the idf-weighted mean of its words' vectors, and the
   * cosine of need and result is fused with the relevance ranking over the candidate pool.
   */
  dense: WordVectorOptions & {
    enabled: boolean;
    /** At most this many listings (an even sample of both kinds) are trained on; all are embedded. */
    sampleDocs: number;
    /** Below this many listings the layer is not trained (vectors from a handful of texts are noise). */
    minDocs: number;
    /** Share of the fused relevance given to the dense similarity. */
    weight: number;
    /** `rrf`: reciprocal-rank fusion of the two rankings (constant `rrfK`); `score`: min-max scaled scores. */
    fusion: 'rrf' | 'score';
    rrfK: number;
    /** Queries with fewer word terms than this get a proportionally smaller dense share (0: always `weight`). */
    fullWeightWords: number;
  };
  /**
   * Cluster-hypothesis smoothing over the candidate pool: each candidate's relevance is blended with the mean
   * relevance of its `neighbours` most similar candidates (cosine of semantic vectors), so a listing about
   * the same subject as the strong matches rises with them and an isolated word match sinks.
   */
  smoothing: { enabled: boolean; neighbours: number; weight: number; pool: number };
  /**
   * The query's best direct text match (first-pass BM25F) stays first unless its final score is more than
   * `margin` below the leader's (`shortQueryMargin` for queries of fewer than `shortQueryWords` word terms).
   */
  firstResult: {
    enabled: boolean;
    margin: number;
    /** Which candidate is kept first: the first-pass BM25F leader (`text`) or the leader before the dense layer (`relevance`). */
    source: 'text' | 'relevance';
    shortQueryWords: number;
    shortQueryMargin: number;
    shortQuerySource: 'text' | 'relevance';
    /** `text` only: the BM25F leader is kept when it leads the runner-up by at least this share of its score, else the relevance leader. */
    minLead: number;
    /** The margin when the relevance leader is the one kept (default `margin`). */
    relevanceMargin?: number;
  };
  /**
   * The displayed strength: σ(bias + coverage × share of the query's word mass found + semantic × cosine +
   * factors × the weighted structured factors), fitted on judged pairs of csl (tools/match-eval calibration.ts).
   */
  calibration: { bias: number; coverage: number; semantic: number; factors: number };
  /** Size of the candidate pool reranked by semantic and structured factors. */
  candidates: number;
  /** Final score = relevance × weights.relevance + Σ factor × weight (factors in [-1, 1]). */
  weights: {
    relevance: number;
    field: number;
    trl: number;
    price: number;
    modes: number;
    freshness: number;
    feedback: number;
  };
  freshnessHalfLifeDays: number;
  excludeExpired: boolean;
  excludeSameOrganization: boolean;
  /** Number of shared terms named in a SHARED_TERMS reason. */
  reasonTerms: number;
}

export const DEFAULT_MATCH_CONFIG: MatchConfig = {
  bm25: {
    k1: 1.2,
    title: { weight: 3, b: 0.5 },
    keywords: { weight: 2, b: 0.3 },
    body: { weight: 1, b: 0.75 },
  },
  bigramWeight: 0.5,
  queryFields: { title: 1.5, keywords: 1.5, body: 1 },
  maxQueryTerms: 64,
  maxDocFrequencyRatio: 0.5,
  prf: { enabled: true, docs: 10, terms: 30, weight: 0.7 },
  semantic: {
    enabled: true,
    dims: 48,
    nonZeros: 8,
    weight: 0.5,
    seed: 20250101,
    feedbackDocs: 10,
    feedbackWeight: 1,
    feedbackRounds: 1,
    bigrams: false,
    minDf: 2,
    powerIterations: 2,
    spectrumPower: 1,
    sampleDocs: 20000,
    autoRefreshMaxDocs: 2000,
  },
  dense: {
    enabled: true,
    dims: 100,
    window: 5,
    negatives: 5,
    epochs: 5,
    learningRate: 0.05,
    minCount: 2,
    minN: 1,
    maxN: 2,
    subsample: 1e-3,
    seed: 20261205,
    sampleDocs: 5000,
    minDocs: 500,
    weight: 0.4,
    fusion: 'score',
    rrfK: 60,
    fullWeightWords: 0,
  },
  smoothing: { enabled: true, neighbours: 10, weight: 0.5, pool: 150 },
  firstResult: { enabled: true, margin: 0.05, source: 'text', shortQueryWords: 0, shortQueryMargin: 0.05, shortQuerySource: 'text', minLead: 0.3 },
  calibration: { bias: -3.28, coverage: 0.43, semantic: 3.76, factors: 4 },
  candidates: 300,
  weights: { relevance: 1, field: 0.15, trl: 0.1, price: 0.08, modes: 0.05, freshness: 0.03, feedback: 0.2 },
  freshnessHalfLifeDays: 180,
  excludeExpired: true,
  excludeSameOrganization: true,
  reasonTerms: 5,
};

export type MatchConfigInput = {
  [K in keyof MatchConfig]?: MatchConfig[K] extends object ? Partial<MatchConfig[K]> : MatchConfig[K];
};

/** Defaults overridden one level deep (bm25 field params are replaced whole). */
export function resolveConfig(input: MatchConfigInput = {}): MatchConfig {
  const d = DEFAULT_MATCH_CONFIG;
  return {
    ...d,
    ...input,
    bm25: { ...d.bm25, ...input.bm25 },
    queryFields: { ...d.queryFields, ...input.queryFields },
    prf: { ...d.prf, ...input.prf },
    semantic: { ...d.semantic, ...input.semantic },
    dense: { ...d.dense, ...input.dense },
    smoothing: { ...d.smoothing, ...input.smoothing },
    firstResult: { ...d.firstResult, ...input.firstResult },
    calibration: { ...d.calibration, ...input.calibration },
    weights: { ...d.weights, ...input.weights },
  } as MatchConfig;
}
