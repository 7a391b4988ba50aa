import { ListingStatus, NeedType, TransferMode } from '@xkx/contracts';
import { wanToFen } from './money';

export type SearchSort = 'relevance' | 'newest' | 'deadline';
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'newest', 'deadline'];

/** What a search page asks for. It lives in the URL, so a search can be shared and bookmarked. */
export interface SearchQuery {
  q: string;
  field: string | null;
  trlMin: number | null;
  trlMax: number | null;
  modes: TransferMode[];
  /** 万元 as typed: the URL stays readable (`min=50`), the API gets fen. */
  minWan: string;
  maxWan: string;
  includeNegotiable: boolean;
  org: string | null;
  needType: NeedType | null;
  sort: SearchSort;
  /** Brokers only. */
  status: ListingStatus | null;
}

export const EMPTY_QUERY: SearchQuery = {
  q: '',
  field: null,
  trlMin: null,
  trlMax: null,
  modes: [],
  minWan: '',
  maxWan: '',
  includeNegotiable: true,
  org: null,
  needType: null,
  sort: 'relevance',
  status: null,
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

const trl = (value: string | null): number | null => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
};

/** Reads the URL (`?q=电池&field=NE&trl=4-7&mode=TRANSFER,EQUITY&min=50&max=500`); junk is ignored. */
export function queryFromParams(get: (name: string) => string | null): SearchQuery {
  const [low = null, high = null] = (get('trl') ?? '').split('-');
  return {
    q: get('q') ?? '',
    field: get('field') || null,
    trlMin: trl(low),
    trlMax: trl(high),
    modes: (get('mode') ?? '')
      .split(',')
      .map((m) => oneOf(Object.values(TransferMode), m))
      .filter((m): m is TransferMode => m !== null),
    minWan: wanToFen(get('min')) ? (get('min') ?? '') : '',
    maxWan: wanToFen(get('max')) ? (get('max') ?? '') : '',
    includeNegotiable: get('negotiable') !== 'no',
    org: get('org') || null,
    needType: oneOf(Object.values(NeedType), get('type')),
    sort: oneOf(SEARCH_SORTS, get('sort')) ?? 'relevance',
    status: oneOf(Object.values(ListingStatus), get('status')),
  };
}

/** The URL's query parameters; defaults are left out so links stay short. */
export function queryToParams(query: SearchQuery): Record<string, string | null> {
  return {
    q: query.q.trim() || null,
    field: query.field,
    trl: query.trlMin !== null || query.trlMax !== null ? `${query.trlMin ?? 1}-${query.trlMax ?? 9}` : null,
    mode: query.modes.length ? query.modes.join(',') : null,
    min: query.minWan.trim() || null,
    max: query.maxWan.trim() || null,
    negotiable: query.includeNegotiable ? null : 'no',
    org: query.org,
    type: query.needType,
    sort: query.sort === 'relevance' ? null : query.sort,
    status: query.status,
  };
}

/** The API's parameters: money in fen, modes as a comma list. */
export function queryToApiParams(query: SearchQuery, needs: boolean): Record<string, string> {
  const params: Record<string, string> = {};
  const set = (name: string, value: string | number | null | undefined): void => {
    if (value !== null && value !== undefined && value !== '') params[name] = String(value);
  };
  set('q', query.q.trim());
  set('field', query.field);
  set('trlMin', query.trlMin);
  set('trlMax', query.trlMax);
  set('mode', query.modes.join(','));
  const min = wanToFen(query.minWan);
  const max = wanToFen(query.maxWan);
  set('moneyMinFen', min);
  set('moneyMaxFen', max);
  if ((min || max) && !query.includeNegotiable) set('includeNegotiable', 'false');
  set('organizationId', query.org);
  if (needs) set('needType', query.needType);
  set('status', query.status);
  set('sort', query.sort === 'relevance' ? null : query.sort);
  return params;
}
