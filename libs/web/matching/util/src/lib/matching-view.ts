import { DeclineReason, ListingKind, MatchCounterpart } from '@xkx/contracts';
import { ListingSegment } from '@xkx/web/listings/util';

// What the matching pages hold beside the API's shapes (those are in @xkx/contracts), and links.

/** What a decline form gives back. */
export interface DeclineChoice {
  reason: DeclineReason;
  note: string;
}

/** The opportunities page's filters as it holds them (null: all). */
export interface OpportunityQuery {
  field: string | null;
  organizationId: string | null;
}

/** A listing's page, by its code (/results/R2026-000012). */
export function counterpartLink(counterpart: Pick<MatchCounterpart, 'code' | 'kind'>): string[] {
  const segment: ListingSegment = counterpart.kind === ListingKind.RESULT ? 'results' : 'needs';
  return ['/', segment, counterpart.code];
}

/** The need and result ids of a pair, seen from one listing and its counterpart. */
export function pairIds(
  segment: ListingSegment,
  listingId: string,
  counterpartId: string,
): { needId: string; resultId: string } {
  return segment === 'needs'
    ? { needId: listingId, resultId: counterpartId }
    : { needId: counterpartId, resultId: listingId };
}
