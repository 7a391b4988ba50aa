/** Commercial modes shared by results (transfer modes) and needs (cooperation modes). */
export type CooperationMode =
  | 'TRANSFER'
  | 'LICENSE_EXCLUSIVE'
  | 'LICENSE_SOLE'
  | 'LICENSE_GENERAL'
  | 'EQUITY'
  | 'CO_DEVELOPMENT'
  | 'SERVICE';

export type MatchKind = 'result' | 'need';

/** A money range in fen (integers). `null` for the whole range means 面议 (negotiable); a null bound is open. */
export interface MoneyRangeFen {
  min: number | null;
  max: number | null;
}

interface MatchDocBase {
  id: string;
  title: string;
  keywords?: readonly string[];
  /** Technology-field tree codes, dot-separated by level: 'AI', 'AI.CV'. */
  fieldCodes?: readonly string[];
  updatedAt?: Date | string | null;
  validUntil?: Date | string | null;
  organizationId?: string | null;
}

/** A published result (科技成果), as the matcher sees it. */
export interface ResultDoc extends MatchDocBase {
  kind: 'result';
  summary?: string | null;
  trl?: number | null;
  price?: MoneyRangeFen | null;
  transferModes?: readonly CooperationMode[];
}

/** A published need (技术需求), as the matcher sees it. */
export interface NeedDoc extends MatchDocBase {
  kind: 'need';
  description?: string | null;
  minTrl?: number | null;
  budget?: MoneyRangeFen | null;
  cooperationModes?: readonly CooperationMode[];
}

export type MatchDoc = ResultDoc | NeedDoc;

/** IN-PART-style structured decline categories. */
export type DeclineReason =
  | 'TOO_EARLY_STAGE'
  | 'BENEFIT_UNCLEAR'
  | 'COMMERCIAL_ROUTE_UNCLEAR'
  | 'DESCRIPTION_UNCLEAR'
  | 'NOT_A_FIT'
  | 'PRICE'
  | 'OTHER';

/** A broker's verdict on a suggested pair. */
export interface MatchFeedback {
  needId: string;
  resultId: string;
  verdict: 'good' | 'declined';
  reason?: DeclineReason;
}

export type ReasonCode =
  | 'SHARED_TERMS'
  | 'RELATED_TERMS'
  | 'SAME_FIELD'
  | 'RELATED_FIELD'
  | 'DIFFERENT_FIELD'
  | 'TRL_MEETS'
  | 'TRL_BELOW'
  | 'PRICE_WITHIN_BUDGET'
  | 'PRICE_OVERLAPS_BUDGET'
  | 'PRICE_ABOVE_BUDGET'
  | 'PRICE_NEGOTIABLE'
  | 'MODES_MATCH'
  | 'MODES_DIFFER'
  | 'RECENTLY_UPDATED'
  | 'BROKER_FEEDBACK';

/** A human-readable reason, in Chinese and English, with the data behind it. */
export interface MatchReason {
  code: ReasonCode;
  zh: string;
  en: string;
  terms?: string[];
  fieldCodes?: string[];
  modes?: CooperationMode[];
}

/** Score components: relevance in [0, 1]; structured factors in [-1, 1], 0 = neutral or unknown. */
export interface ScoreComponents {
  text: number;
  semantic: number;
  /** Cosine of the two listings' dense vectors, scaled to [0, 1] over the pool (0 when the layer is off). */
  dense?: number;
  relevance: number;
  field: number;
  trl: number;
  price: number;
  modes: number;
  freshness: number;
  feedback: number;
  /** Share of the query's word mass (weight × idf) the counterpart contains: absolute, comparable across queries. */
  coverage?: number;
  /** Cosine of query and counterpart in the semantic space (not rescaled over the pool). */
  cosine?: number;
}

export interface MatchHit {
  id: string;
  kind: MatchKind;
  /** The ranking score: orders one query's hits (scaled within its candidates, not comparable across queries). */
  score: number;
  /**
   * The pair's strength in (0, 1) on one scale for every query (calibrated from absolute evidence): what a
   * person is shown. Set on the returned hits.
   */
  confidence: number;
  components: ScoreComponents;
  reasons: MatchReason[];
}

export interface QueryOptions {
  /** How many hits to return (default 20). */
  limit?: number;
  /** Evaluation time for freshness and expiry (default now). */
  now?: Date;
  /** Ids to leave out (e.g. already introduced). */
  excludeIds?: ReadonlySet<string>;
  /** Skip building reasons (faster for batch evaluation). */
  reasons?: boolean;
}
