import { ListingStatus, NeedFields, ResultFields } from '@xkx/contracts';

/**
 * A demo result. `organization` is the owning institution's nameZh (see demo-organizations.ts);
 * `ownerEmail` a demo account of that institution, or omitted (then a broker entered it).
 * validUntilDays: days from seeding (negative = already past). Money in integer fen.
 */
export interface DemoResult extends Omit<ResultFields, 'validUntil'> {
  organization: string;
  ownerEmail?: string;
  status: ListingStatus;
  validUntilDays: number;
  /** For CHANGES_REQUESTED / REJECTED: the reviewer's reason. */
  reviewNote?: string;
}

export interface DemoNeed extends Omit<NeedFields, 'validUntil' | 'deadline'> {
  organization: string;
  ownerEmail?: string;
  status: ListingStatus;
  validUntilDays: number;
  deadlineDays: number | null;
  reviewNote?: string;
}
