import { AuditEntityType, ListingKind, LISTING_KINDS } from '@xkx/contracts';

/** How an audit entry names its entity: type, id and the label people know it by. */
export interface AuditSubject {
  subjectType: AuditEntityType;
  subjectId: string;
  subjectLabel: string;
}

export const dealSubject = (d: { id: string; code: string; title: string }): AuditSubject => ({ subjectType: 'deal', subjectId: d.id, subjectLabel: `${d.code} ${d.title}` });

export const contractSubject = (c: { id: string; code: string; projectName: string }): AuditSubject => ({ subjectType: 'contract', subjectId: c.id, subjectLabel: `${c.code} ${c.projectName}` });

export const listingSubject = (kind: ListingKind, l: { id: string; code: string; title: string }): AuditSubject => ({
  subjectType: LISTING_KINDS[kind].table,
  subjectId: l.id,
  subjectLabel: `${l.code} ${l.title}`,
});
