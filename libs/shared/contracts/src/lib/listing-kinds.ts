import { ListingKind } from './listings';
import { OrganizationKind } from './organizations';

/**
 * What a result (科技成果) and a need (技术需求) are called and where they live, in one place for
 * the API and the web. Code that would otherwise branch on the kind reads these facts instead.
 */
export interface ListingKindFacts {
  kind: ListingKind;
  /** The other kind: the one a listing of this kind is matched and introduced to. */
  counterpart: ListingKind;
  /** Table name; also the audit subject type and the matching engine's kind. */
  table: 'result' | 'need';
  /** First letter of the human code (R2026-000012). */
  codePrefix: 'R' | 'N';
  /** URL segment of the public pages and the API (/results/R2026-000012). */
  path: 'results' | 'needs';
  nameZh: string;
  nameEn: string;
  /** The field naming a listing of this kind in a pair (feedback, introductions, deals). */
  idField: 'resultId' | 'needId';
  /** The organizations that publish this kind. */
  publishers: readonly OrganizationKind[];
}

export const LISTING_KINDS: Readonly<Record<ListingKind, ListingKindFacts>> = {
  RESULT: {
    kind: 'RESULT',
    counterpart: 'NEED',
    table: 'result',
    codePrefix: 'R',
    path: 'results',
    nameZh: '科技成果',
    nameEn: 'Technology result',
    idField: 'resultId',
    publishers: ['UNIVERSITY', 'INSTITUTE'],
  },
  NEED: {
    kind: 'NEED',
    counterpart: 'RESULT',
    table: 'need',
    codePrefix: 'N',
    path: 'needs',
    nameZh: '技术需求',
    nameEn: 'Technology need',
    idField: 'needId',
    publishers: ['ENTERPRISE'],
  },
};
