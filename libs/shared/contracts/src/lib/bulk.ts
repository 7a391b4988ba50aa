import type { ErrorBody } from './error-codes';

/** The most items one bulk request may carry: a queue page, not a whole table. */
export const BULK_MAX_ITEMS = 100;

/** A reviewer's decision on several listings at once, with one note (required to send back or reject). */
export const ListingReviewDecision = { APPROVE: 'APPROVE', REQUEST_CHANGES: 'REQUEST_CHANGES', REJECT: 'REJECT' } as const;
export type ListingReviewDecision = (typeof ListingReviewDecision)[keyof typeof ListingReviewDecision];

/** A broker's decision on several pending accounts at once. */
export const VerificationDecision = { VERIFY: 'VERIFY', REJECT: 'REJECT' } as const;
export type VerificationDecision = (typeof VerificationDecision)[keyof typeof VerificationDecision];

/** One record of a bulk request: its id and, where the record has one, the version the caller read. */
export interface BulkItem {
  id: string;
  version?: number;
}

/**
 * One item of a bulk action. Each item is applied on its own (its own transaction, audit entry and
 * notification) through the same service as the single action, so a failing item changes nothing and
 * does not stop or undo the others: `error` is the body the single action would have answered.
 */
export interface BulkItemResult {
  id: string;
  ok: boolean;
  /** The record's version after the change (null when it has none, or on error). */
  version: number | null;
  error: ErrorBody | null;
}

export interface BulkResult {
  results: BulkItemResult[];
  succeeded: number;
  failed: number;
}
