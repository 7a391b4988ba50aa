import {
  Indicator,
  IpStatus,
  IpType,
  ListingKind,
  ListingStatus,
  MoneyRange,
  NeedFields,
  NeedType,
  OrganizationKind,
  Owner,
  PriceType,
  ResultFields,
  TransferMode,
} from '@xkx/contracts';

// Response shapes of /api/results, /api/needs, /api/fields and /api/imports, as the OpenAPI document
// describes them; @xkx/contracts holds the field vocabularies (ResultFields, NeedFields) they build on.

/** The two kinds as URL segments: /results/…, /needs/… and /api/results, /api/needs. */
export type ListingSegment = 'results' | 'needs';

export const LISTING_SEGMENT: Record<ListingKind, ListingSegment> = { RESULT: 'results', NEED: 'needs' };
export const segmentKind = (segment: ListingSegment): ListingKind => (segment === 'results' ? ListingKind.RESULT : ListingKind.NEED);

export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface ListingOrganization {
  id: string;
  nameZh: string;
  nameEn: string | null;
  kind: OrganizationKind;
}

export interface Money extends MoneyRange {
  priceType?: PriceType | null;
}

export interface SearchHit {
  id: string;
  code: string;
  title: string;
  subtitle: string;
  titleHighlight: HighlightSegment[];
  snippet: HighlightSegment[];
  organization: ListingOrganization | null;
  fieldCodes: string[];
  keywords: string[];
  trl: number | null;
  money: Money;
  modes: TransferMode[];
  status: ListingStatus;
  publishedAt: string | null;
  validUntil: string;
  deadline: string | null;
  bountyFen: number | null;
}

export interface FacetCount {
  value: string;
  count: number;
  label?: string;
}

export interface SearchFacets {
  fields: FacetCount[];
  trl: FacetCount[];
  modes: FacetCount[];
  organizations: FacetCount[];
}

export interface SearchResponse {
  items: SearchHit[];
  total: number;
  nextCursor: string | null;
  facets: SearchFacets | null;
}

export interface ListingManagement {
  reviewNote: string | null;
  ownerId: string | null;
  submittedAt: string | null;
  staleWarnedAt: string | null;
}

interface ListingCommon {
  id: string;
  code: string;
  status: ListingStatus;
  organization: ListingOrganization | null;
  confidentialVisible: boolean;
  staleSoon: boolean;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
  canManage: boolean;
  management: ListingManagement | null;
}

export interface IpAssetView {
  type: IpType;
  number: string;
  title: string | null;
  status: IpStatus;
}

export interface ResultDetail extends ListingCommon, Omit<ResultFields, 'ipAssets'> {
  kind?: never;
  ipAssets: IpAssetView[];
}

export interface NeedDetail extends ListingCommon, NeedFields {
  kind?: never;
}

export type ListingDetail = ResultDetail | NeedDetail;

export const isResult = (listing: ListingDetail): listing is ResultDetail => 'transferModes' in listing;

/** The write bodies (POST the whole, PATCH the changed keys plus `version`). */
export type ResultBody = Omit<ResultFields, 'ipAssets'> & { ipAssets: { type: IpType; number: string; title?: string; status: IpStatus }[]; organizationId?: string };
export type NeedBody = NeedFields & { organizationId?: string };
export type ListingBody = ResultBody | NeedBody;

export interface UpdateOutcome {
  status: ListingStatus;
  changedFields: string[];
  version: number;
}

export type DuplicateReason = 'PATENT_NUMBER' | 'SIMILAR_TITLE';

export interface Duplicate {
  id: string;
  code: string;
  title: string;
  status: ListingStatus;
  reasons: DuplicateReason[];
  sharedNumbers: string[];
  similarity: number;
}

export interface TransitionOutcome {
  status: ListingStatus;
  duplicates: Duplicate[];
}

export interface HistoryEntry {
  at: string;
  actorId: string | null;
  action: string;
  fromStatus: ListingStatus | null;
  toStatus: ListingStatus | null;
  changedFields: string[];
  note: string | null;
  version: number;
}

export type ReviewAction = 'start-review' | 'approve' | 'request-changes' | 'reject';
export type OwnerAction = 'submit' | 'renew' | 'archive';

export interface FieldNode {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  sort: number;
  active: boolean;
  children: FieldNode[];
}

/** A field as the administrators' tree page edits it (inactive ones included, with the version read). */
export interface AdminFieldNode extends FieldNode {
  version: number;
  children: AdminFieldNode[];
}

export interface FieldCreate {
  code: string;
  nameZh: string;
  nameEn: string;
  sort?: number;
}

export interface FieldUpdate {
  version: number;
  nameZh?: string;
  nameEn?: string;
  sort?: number;
  active?: boolean;
}

/** Terms that count as one word in search and matching; the first is canonical. */
export interface SynonymGroup {
  id: string;
  terms: string[];
  version: number;
  updatedAt: string;
}

export type ImportKind = ListingKind;
export type ImportStatus = 'VALIDATED' | 'IMPORTING' | 'DONE' | 'FAILED' | 'CANCELLED';

export interface ImportRowError {
  /** Spreadsheet row (header = 1). */
  row: number;
  column: string;
  field: string;
  message: string;
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  totalRows: number;
  validRows: number;
  processedRows: number;
  importedRows: number;
  errors: ImportRowError[];
  createdAt: string;
  finishedAt: string | null;
}

export type { Indicator, NeedType, Owner };
