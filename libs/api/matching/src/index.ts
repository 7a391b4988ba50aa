export type { FieldParams, MatchConfig, MatchConfigInput } from './lib/config';
export { DEFAULT_MATCH_CONFIG, resolveConfig } from './lib/config';
export type { Factor } from './lib/factors';
export {
  codeProximity,
  fieldFactor,
  freshnessFactor,
  isExpired,
  modesFactor,
  priceFactor,
  trlFactor,
} from './lib/factors';
export { FeedbackModel } from './lib/feedback';
export type { LabelledPair, LearnedFeature, LearnedWeights, LearnOptions } from './lib/learned-weights';
export { DEFAULT_LEARN_OPTIONS, LEARNED_FEATURES, learnedScore, learnWeights } from './lib/learned-weights';
export type { MatchIndexOptions } from './lib/match-index';
export { MatchIndex } from './lib/match-index';
export type { WordBag, WordVectorOptions } from './lib/word-vectors';
export { WordVectors } from './lib/word-vectors';
export type {
  CooperationMode,
  DeclineReason,
  MatchDoc,
  MatchFeedback,
  MatchHit,
  MatchKind,
  MatchReason,
  MoneyRangeFen,
  NeedDoc,
  QueryOptions,
  ReasonCode,
  ResultDoc,
  ScoreComponents,
} from './lib/types';
export type { Availability, PersonDoc, PersonFactors, PersonHit } from './lib/people';
export { AVAILABILITY_FACTOR, PeopleRanker, personScore, SENIORITY_WEIGHT } from './lib/people';
