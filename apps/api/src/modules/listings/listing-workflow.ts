import { ListingStatus } from '@xkx/contracts';

/** The listing life cycle as data: which action may move a listing from which status, and where to. */
export const ListingAction = {
  SUBMIT: 'SUBMIT',
  START_REVIEW: 'START_REVIEW',
  APPROVE: 'APPROVE',
  REQUEST_CHANGES: 'REQUEST_CHANGES',
  REJECT: 'REJECT',
  RENEW: 'RENEW',
  EXPIRE: 'EXPIRE',
  ARCHIVE: 'ARCHIVE',
  /** A material edit of a published listing sends it back to review. */
  MATERIAL_EDIT: 'MATERIAL_EDIT',
} as const;
export type ListingAction = (typeof ListingAction)[keyof typeof ListingAction];

const S = ListingStatus;

export const TRANSITIONS: Record<ListingAction, { from: readonly ListingStatus[]; to: ListingStatus }> = {
  SUBMIT: { from: [S.DRAFT, S.CHANGES_REQUESTED], to: S.SUBMITTED },
  START_REVIEW: { from: [S.SUBMITTED], to: S.IN_REVIEW },
  APPROVE: { from: [S.SUBMITTED, S.IN_REVIEW], to: S.PUBLISHED },
  REQUEST_CHANGES: { from: [S.SUBMITTED, S.IN_REVIEW], to: S.CHANGES_REQUESTED },
  REJECT: { from: [S.SUBMITTED, S.IN_REVIEW], to: S.REJECTED },
  RENEW: { from: [S.PUBLISHED, S.EXPIRED], to: S.PUBLISHED },
  EXPIRE: { from: [S.PUBLISHED], to: S.EXPIRED },
  ARCHIVE: { from: [S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.REJECTED, S.PUBLISHED, S.EXPIRED], to: S.ARCHIVED },
  MATERIAL_EDIT: { from: [S.PUBLISHED], to: S.SUBMITTED },
};

/** Statuses in which the owner may edit the content. In review, the reviewer's copy must not move. */
export const EDITABLE: readonly ListingStatus[] = [S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED, S.PUBLISHED, S.EXPIRED];

export function nextStatus(action: ListingAction, from: ListingStatus): ListingStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(from) ? rule.to : null;
}

/**
 * Fields whose change on a published listing needs a reviewer's eyes again. Keywords, validity and
 * the confidential layer (seen only under NDA) can change without pulling the listing off the portal.
 */
export const NON_MATERIAL_FIELDS: ReadonlySet<string> = new Set(['keywords', 'validUntil', 'confidentialDetail', 'version']);

export function isMaterialChange(changedFields: readonly string[]): boolean {
  return changedFields.some((f) => !NON_MATERIAL_FIELDS.has(f));
}
