import { ListingStatus, NeedType, TransferMode } from '@xkx/contracts';
import { fenToWan, wanToFen } from './money';
import { EMPTY_QUERY, queryFromParams, queryToApiParams, queryToParams, SearchQuery } from './search-query';

const params = (query: string) => {
  const search = new URLSearchParams(query);
  return (name: string) => search.get(name);
};

describe('search query in the URL', () => {
  it('reads a shared link', () => {
    expect(queryFromParams(params('q=电池&field=NE&trl=4-7&mode=TRANSFER,EQUITY&min=50&max=500&negotiable=no&type=TECH_BREAKTHROUGH&sort=newest'))).toEqual({
      ...EMPTY_QUERY,
      q: '电池',
      field: 'NE',
      trlMin: 4,
      trlMax: 7,
      modes: [TransferMode.TRANSFER, TransferMode.EQUITY],
      minWan: '50',
      maxWan: '500',
      includeNegotiable: false,
      needType: NeedType.TECH_BREAKTHROUGH,
      sort: 'newest',
    });
  });

  it('ignores junk instead of failing: unknown modes, sorts and statuses, TRL out of 1–9, text that is not money', () => {
    expect(queryFromParams(params('trl=0-12&mode=GIVEAWAY,LICENSE&sort=price&status=LOST&min=abc&type=NOPE'))).toEqual(EMPTY_QUERY);
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(Object.entries(queryToParams(EMPTY_QUERY)).filter(([, v]) => v !== null)).toEqual([]);
    const query: SearchQuery = { ...EMPTY_QUERY, q: ' 钙钛矿 ', trlMin: 3, modes: [TransferMode.LICENSE_EXCLUSIVE], maxWan: '1.5亿', status: ListingStatus.SUBMITTED };
    const written = queryToParams(query);
    expect(written).toMatchObject({ q: '钙钛矿', trl: '3-9', mode: 'LICENSE_EXCLUSIVE', max: '1.5亿', sort: null, negotiable: null });
    const search = new URLSearchParams(Object.entries(written).filter((e): e is [string, string] => e[1] !== null));
    expect(queryFromParams((name) => search.get(name))).toEqual({ ...query, q: '钙钛矿', trlMax: 9 });
  });

  it('asks the API in fen, keeps 面议 unless money is filtered and the user said no, and sends need types for needs only', () => {
    const query: SearchQuery = { ...EMPTY_QUERY, minWan: '50', includeNegotiable: false, needType: NeedType.TECH_BREAKTHROUGH, sort: 'deadline' };
    expect(queryToApiParams(query, true)).toEqual({ moneyMinFen: '50000000', includeNegotiable: 'false', needType: 'TECH_BREAKTHROUGH', sort: 'deadline' });
    expect(queryToApiParams(query, false)).toEqual({ moneyMinFen: '50000000', includeNegotiable: 'false', sort: 'deadline' });
    expect(queryToApiParams({ ...EMPTY_QUERY, includeNegotiable: false }, false)).toEqual({});
  });
});

describe('万元 fields', () => {
  it('turn text into fen through the one parser and back without rounding', () => {
    expect(wanToFen('')).toBeUndefined();
    expect(wanToFen('abc')).toBeNull();
    expect(wanToFen('12.345')).toBe(12_345_000);
    expect(wanToFen('300万')).toBe(300_000_000);
    expect(fenToWan(12_345_000)).toBe('12.345');
    expect(fenToWan(1)).toBe('0.000001');
    expect(fenToWan(50_000_000)).toBe('50');
    expect(fenToWan(null)).toBe('');
  });
});
