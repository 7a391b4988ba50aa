import type { MATCH_ZH_CN } from '../match.messages';

/** English for match.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const MATCH_EN: Record<keyof typeof MATCH_ZH_CN, string> = {
  'match.score': 'Match',
  'match.recommended': 'Recommended counterparts',
  'match.recommendedLeadNeed':
    'Results recommended for this need from their technology, field, maturity, price and deal modes.',
  'match.recommendedLeadResult':
    'Needs recommended for this result from their technology, field, maturity, price and deal modes.',
  'match.none': 'No fitting recommendations yet.',
  'match.good': 'Good match',
  'match.markedGood': 'Marked as a good match',
  'match.decline': 'Decline',
  'match.declined': 'Declined; this pair will not be suggested again',
  'match.declineReason': 'Why it does not fit',
  'match.declineNote': 'Note (optional)',
  'match.declineConfirm': 'Decline',
  'match.workbenchTitle': 'Matching workbench',
  'match.workbenchLead':
    'Pick a need or a result, read the candidates beside it, mark good ones or decline, and open an introduction for a good pair.',
  'match.tabCandidates': 'Candidates',
  'match.tabOpportunities': 'New opportunities',
  'match.pickKind': 'Kind',
  'match.pickSearch': 'Search titles and keywords',
  'match.pickHint': 'Pick a need or a result above to see its candidates.',
  'match.candidates': 'Candidates',
  'match.organization': 'Organization',
  'match.markSeen': 'Mark as seen',
  'match.markedSeen': 'Look recorded; next time only newer pairs are shown',
  'match.since': 'New pairs since your last look on {date}',
  'match.sinceNever': 'First look: the best pairs right now',
  'match.noOpportunities': 'No new pairs since your last look.',
  'match.openInWorkbench': 'Open in the workbench',
};
