import type { SEARCH_ZH_CN } from '../search.messages';

/** English for search.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const SEARCH_EN: Record<keyof typeof SEARCH_ZH_CN, string> = {
  'search.resultsTitle': 'Technology results',
  'search.resultsLead':
    'Transferable results of Qixia’s universities and institutes: patent numbers in the open, price and maturity at a glance.',
  'search.needsTitle': 'Technology needs',
  'search.needsLead':
    'Technical problems and cooperation needs posted by enterprises, with budgets and deadlines.',
  'search.query': 'Search',
  'search.queryHint': 'Simplified or traditional Chinese, e.g. 锂电池 热失控',
  'search.submit': 'Search',
  'search.export': 'Export to Excel',
  'search.exportFailed': 'The export failed. Please try again later.',
  'search.filters': 'Filters',
  'search.field': 'Technology field',
  'search.from': 'From',
  'search.to': 'To',
  'search.min': 'Min',
  'search.max': 'Max',
  'search.wan': '×10k CNY',
  'search.includeNegotiable': 'Include “negotiable”',
  'search.total': '{n} found',
  'search.sort': 'Sort by',
  'search.sort.relevance': 'Relevance',
  'search.sort.newest': 'Newest',
  'search.sort.deadline': 'Deadline',
  'search.empty': 'Nothing matches. Try fewer filters or other words.',
  'search.didYouMean': 'Did you mean:',
  'search.relatedFields': 'Related technology fields:',
  'search.postAsNeed': 'Post “{q}” as a technology need',
  'search.listAsResult': 'List “{q}” as a technology result',
  'search.loadMore': 'Load more ({shown} of {total} shown)',
};
