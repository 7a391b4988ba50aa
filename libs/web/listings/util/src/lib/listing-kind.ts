import { ListingDetail, ListingKind, ResultDetail } from '@xkx/contracts';

/** The two kinds as URL segments: /results/…, /needs/… and /api/results, /api/needs. */
export type ListingSegment = 'results' | 'needs';

export const LISTING_SEGMENT: Record<ListingKind, ListingSegment> = { RESULT: 'results', NEED: 'needs' };
export const segmentKind = (segment: ListingSegment): ListingKind =>
  segment === 'results' ? ListingKind.RESULT : ListingKind.NEED;

export const isResult = (listing: ListingDetail): listing is ResultDetail => 'transferModes' in listing;

/** The moves of a listing, as the last segment of their routes (POST /api/results/:id/<action>). */
export type ReviewAction = 'start-review' | 'approve' | 'request-changes' | 'reject';
export type OwnerAction = 'submit' | 'renew' | 'archive';
