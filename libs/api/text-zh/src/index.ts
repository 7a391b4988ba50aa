export type { AnalyzedText, AnalyzeOptions, AnalyzerOptions, TsQueryOptions } from './lib/analyzer';
export {
  analyze,
  createAnalyzer,
  getDefaultAnalyzer,
  quoteLexeme,
  TextAnalyzer,
  toSearchDocument,
  toTsQuery,
} from './lib/analyzer';
export type { UserWord } from './lib/dictionaries';
export { readListFile, resolveDictDir } from './lib/dictionaries';
export { cjkBigrams } from './lib/ngrams';
export { cleanToken, foldToSimplified, isCjkChar, isCjkWord, normalizeText } from './lib/normalize';
export type { SegmenterOptions } from './lib/segmenter';
export { looksLikePinyin, pinyinKeys, pinyinTokens, wordPinyin } from './lib/pinyin';
export type { SegmenterBuild } from './lib/segmenter';
export { getSegmenter, lexiconWords, Segmenter, segmenterFor } from './lib/segmenter';
export { Speller } from './lib/speller';
export { createStopwordSet, defaultStopwords } from './lib/stopwords';
export type { SynonymGroupInput, SynonymIndex, SynonymRelation } from './lib/synonyms';
export { createSynonymIndex, defaultSynonymGroups, parseSynonymGroups } from './lib/synonyms';
