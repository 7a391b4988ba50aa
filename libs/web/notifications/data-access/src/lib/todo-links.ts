import { TodoItem, TodoSectionKey } from '@xkx/contracts';
import { WebPath } from '@xkx/web/auth/data-access';

/**
 * Where a to-do item is done, as router commands: the deal page for deal work (next actions, objections,
 * notices, contracts, NDAs, a broker's introductions), the party's deals page for introductions to answer,
 * the listing form for changes requested, the review and verification queues for the brokers' queues.
 */
export function todoLink(key: TodoSectionKey, item: TodoItem): string[] {
  const segment = item.subject === 'NEED' ? 'needs' : 'results';
  switch (key) {
    case 'LISTINGS_TO_REVIEW':
      return ['/', WebPath.review];
    case 'ACCOUNTS_TO_VERIFY':
      return ['/', WebPath.verification];
    case 'LISTINGS_CHANGES_REQUESTED':
      return ['/', 'workspace', segment, item.subjectId, 'edit'];
    case 'LISTINGS_EXPIRING':
      return ['/', WebPath.myListings];
    case 'INTRODUCTIONS_TO_ANSWER':
      return ['/', WebPath.myDeals];
    case 'OVERDUE_ACTIONS':
    case 'TODAY_ACTIONS':
    case 'INTRODUCTIONS_AWAITING':
    case 'OBJECTIONS_TO_ANSWER':
    case 'NOTICES_ENDING':
    case 'CONTRACTS_TO_REGISTER':
    case 'CONTRACTS_AWAITING_PAYMENT':
    case 'NDAS_TO_SIGN':
      // By the deal's code (its address since issue 17's code URLs); the uuid only if a row had no code.
      return item.dealId ? ['/', WebPath.deals, item.code ?? item.dealId] : ['/', WebPath.workspace];
  }
}
