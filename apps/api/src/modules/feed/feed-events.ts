import type { DeclineReason, ListingKind, ListingStatus } from '@xkx/contracts';

/**
 * What the change feed carries, by topic. Payloads name what changed; consumers read the current rows
 * (a listing's event says "look at listing X again", not its fields), so applying an event twice, or an
 * old event after a fresher load, changes nothing.
 */
export interface FeedTopics {
  /** A listing was created, edited, moved in its life cycle or deleted (an import rolled back). */
  'listing.changed': { kind: ListingKind; id: string; status: ListingStatus | 'DELETED' };
  /** A counterpart declined an introduction: feedback for the matching engine (recorded once, cluster-wide). */
  'introduction.declined': { introductionId: string; needId: string | null; resultId: string | null; reason: DeclineReason; note: string | null; actorId: string };
  /** A match_feedback row was written: every instance's matching index learns it (once per row id). */
  'match.feedback': { feedbackId: string; needId: string; resultId: string; verdict: 'good' | 'declined'; reason: DeclineReason | null };
  /**
   * The synonym list changed: every other instance reloads its analyzer and rebuilds its matching index
   * (`origin`, the writing instance, did so in the request).
   */
  'synonyms.changed': { origin: string };
  /** A matching index snapshot was published (match_index_snapshot): instances swap to it when it is fresher than theirs. */
  'matching.snapshot': { version: number; feedPosition: number };
}

export type FeedTopic = keyof FeedTopics;

export interface FeedEvent<T extends FeedTopic = FeedTopic> {
  position: number;
  topic: T;
  payload: FeedTopics[T];
}

/** Narrows a batch to one topic. */
export function ofTopic<T extends FeedTopic>(events: readonly FeedEvent[], topic: T): Array<FeedEvent<T>> {
  return events.filter((e): e is FeedEvent<T> => e.topic === topic);
}
