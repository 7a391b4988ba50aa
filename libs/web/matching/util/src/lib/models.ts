import {
  DeclineReason,
  ListingKind,
  MatchComponents,
  MatchReasonView,
  MatchVerdict,
  TransferMode,
} from '@xkx/contracts';
import { ListingOrganization, ListingSegment, Money } from '@xkx/web/listings/util';

// Response shapes of /api/{needs|results}/:id/matches, /api/matches/feedback and /api/matches/opportunities,
// as the OpenAPI document describes them.

/** One side of a pair: its public layer only. */
export interface MatchCounterpart {
  id: string;
  kind: ListingKind;
  code: string;
  title: string;
  subtitle: string;
  publicSummary: string;
  organization: ListingOrganization | null;
  fieldCodes: string[];
  keywords: string[];
  trl: number | null;
  money: Money;
  modes: TransferMode[];
}

export type MatchVerdictState = MatchVerdict | 'NONE';

export interface Match {
  /** Overall score in [0, 1]. */
  score: number;
  components: MatchComponents;
  reasons: MatchReasonView[];
  counterpart: MatchCounterpart;
  origin: 'ALGORITHM';
  verdict: MatchVerdictState;
}

export interface MatchList {
  items: Match[];
}

export interface MatchFeedback {
  needId: string;
  resultId: string;
  verdict: MatchVerdict;
  /** Required when declining. */
  reason?: DeclineReason;
  note?: string;
}

export interface FeedbackRecorded {
  verdict: MatchVerdict;
  at: string;
}

/** What a decline form gives back. */
export interface DeclineChoice {
  reason: DeclineReason;
  note: string;
}

export interface Opportunity {
  need: MatchCounterpart;
  result: MatchCounterpart;
  score: number;
  components: MatchComponents;
  reasons: MatchReasonView[];
}

export interface OpportunityList {
  items: Opportunity[];
  /** The previous look; the pairs are newer than this. */
  since: string | null;
}

export interface OpportunityQuery {
  field: string | null;
  organizationId: string | null;
}

/** The public page of a counterpart: /results/:id or /needs/:id. */
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
