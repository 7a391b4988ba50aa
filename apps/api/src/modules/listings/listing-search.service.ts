import { Injectable } from '@nestjs/common';
import { ListingKind, ListingStatus, TransferMode } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { NARROWER_RANK_FACTOR, RANK_WEIGHTS, SearchTextService } from '@xkx/api/modules/search/search-text.service';
import { looksLikePinyin } from '@xkx/text-zh';
import { SearchFacetsDto, SearchHitDto, SearchListingsQueryDto, SearchResponseDto, SearchSuggestionsDto } from './dto/search.dto';
import { isBroker } from './listing-access';

interface KindColumns {
  table: 'result' | 'need';
  modes: 'transfer_modes' | 'cooperation_modes';
  trl: 'trl' | 'min_trl';
  moneyNegotiable: string;
  moneyMin: string;
  moneyMax: string;
  subtitle: string;
}

const COLUMNS: Record<ListingKind, KindColumns> = {
  RESULT: { table: 'result', modes: 'transfer_modes', trl: 'trl', moneyNegotiable: 'price_negotiable', moneyMin: 'price_min_fen', moneyMax: 'price_max_fen', subtitle: 'value_proposition' },
  NEED: { table: 'need', modes: 'cooperation_modes', trl: 'min_trl', moneyNegotiable: 'budget_negotiable', moneyMin: 'budget_min_fen', moneyMax: 'budget_max_fen', subtitle: 'problem' },
};

interface HitRow {
  id: string;
  code: string;
  title: string;
  subtitle: string;
  public_summary: string;
  organization_id: string;
  org_name_zh: string;
  org_name_en: string | null;
  org_kind: string;
  anonymous: boolean;
  field_codes: string[];
  keywords: string[];
  trl: number | null;
  negotiable: boolean;
  min_fen: string | null;
  max_fen: string | null;
  price_type: string | null;
  modes: TransferMode[];
  status: ListingStatus;
  published_at: Date | null;
  valid_until: string;
  deadline: string | null;
  bounty_fen: string | null;
  rank: number | null;
}

interface Cursor {
  /** relevance: offset into the ranked list */
  o?: number;
  /** newest/deadline: the last row's sort key and id */
  k?: string | null;
  id?: string;
}

const fen = (v: string | null): number | null => (v === null ? null : Number(v));

const AGGREGATE_TTL_MS = 60_000;
const AGGREGATE_CACHE_SIZE = 500;

interface Aggregate {
  at: number;
  total: number;
  facets: SearchFacetsDto | null;
}

/**
 * Search over published listings in PostgreSQL (the same SQL on PGlite): tsquery over the segmented
 * search document with a bigram fallback, structured filters, facets, cursor pages, highlights.
 */
@Injectable()
export class ListingSearchService {
  /**
   * Totals and facets scan every matching row, which dominates a first page over a large market; the
   * same filters are asked again and again (the portal's landing list above all). Kept per version of
   * the data, as the KPI answers are (KpiCache): the version is the change feed's head, which moves in
   * the same commit as any listing or synonym change, on every instance alike. Reading it is one lookup
   * of the feed's primary key; a count is never staler than the listings it counts, whichever instance
   * made the change.
   */
  private readonly aggregates = new Map<string, Aggregate>();
  /**
   * Misses being computed, by key: concurrent searches with the same filters share one count and one set of
   * facet queries instead of each taking five pool connections (50 visitors arriving after the cache expired
   * made 250 queries and queued the pool into 503s; issue 14). A new feed head (a listing or synonym change
   * on any instance) empties both maps and bumps the generation, so a computation started before the change
   * is neither joined nor stored after it.
   */
  private readonly computing = new Map<string, Promise<Aggregate>>();
  private generation = 0;
  private version = '';

  constructor(
    private readonly dataSource: DataSource,
    private readonly text: SearchTextService,
  ) {}

  private async aggregate(kind: ListingKind, whereSql: string, params: unknown[], wantFacets: boolean): Promise<Aggregate> {
    const [row] = await this.dataSource.query<Array<{ version: string }>>(`SELECT coalesce(max(position), 0)::text AS version FROM change_feed`);
    if ((row?.version ?? '') !== this.version) {
      this.version = row?.version ?? '';
      this.generation += 1;
      this.aggregates.clear();
      this.computing.clear();
    }
    const key = `${kind}|${wantFacets}|${whereSql}|${JSON.stringify(params)}`;
    const hit = this.aggregates.get(key);
    if (hit && Date.now() - hit.at < AGGREGATE_TTL_MS) return hit;
    const pending = this.computing.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const computed = this.computeAggregate(kind, whereSql, params, wantFacets).then(
      (value) => {
        if (this.computing.get(key) === computed) this.computing.delete(key);
        if (generation === this.generation) {
          if (this.aggregates.size >= AGGREGATE_CACHE_SIZE) this.aggregates.delete(this.aggregates.keys().next().value as string);
          this.aggregates.set(key, value);
        }
        return value;
      },
      (error: unknown) => {
        if (this.computing.get(key) === computed) this.computing.delete(key);
        throw error;
      },
    );
    this.computing.set(key, computed);
    return computed;
  }

  private async computeAggregate(kind: ListingKind, whereSql: string, params: unknown[], wantFacets: boolean): Promise<Aggregate> {
    const c = COLUMNS[kind];
    const [totalRows, facets] = await Promise.all([
      this.dataSource.query<Array<{ n: string }>>(`SELECT count(*)::text AS n FROM "${c.table}" l WHERE ${whereSql}`, params),
      wantFacets ? this.facets(kind, whereSql, params) : Promise.resolve(null),
    ]);
    return { at: Date.now(), total: Number(totalRows[0]?.n ?? 0), facets };
  }

  async search(kind: ListingKind, query: SearchListingsQueryDto, user: AuthUser | undefined): Promise<SearchResponseDto> {
    const c = COLUMNS[kind];
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    // The public and listing owners search what is published; brokers may look at any status.
    const status = query.status && isBroker(user) ? query.status : 'PUBLISHED';
    where.push(`l.status = ${p(status)}`);
    const q = query.q?.trim() ?? '';
    const tsq = q ? this.text.tsQuery(q) : '';
    const hasText = tsq.length > 0;
    // Narrower terms (人工智能 → 机器视觉, 大语言模型 …) widen the match and count for less in the rank.
    const narrower = hasText ? this.text.narrowerTsQuery(q) : '';
    const tsParam = hasText ? p(tsq) : '';
    const narrowerParam = narrower ? p(narrower) : '';
    if (hasText) {
      const match = narrower ? `(to_tsquery('simple', ${tsParam}) || to_tsquery('simple', ${narrowerParam}))` : `to_tsquery('simple', ${tsParam})`;
      // A pinyin query also names organizations (njdx → 南京大学); an anonymous need never shows its enterprise.
      const org = looksLikePinyin(q)
        ? ` OR l.organization_id IN (SELECT o2.id FROM organization o2 WHERE o2.pinyin = ${p(q.toLowerCase())} OR o2.pinyin_initials = ${p(q.toLowerCase())})${kind === 'NEED' ? ' AND NOT l.anonymous' : ''}`
        : '';
      where.push(org ? `(l.search_doc @@ ${match}${org})` : `l.search_doc @@ ${match}`);
    } else if (q) where.push('false'); // only stopwords or punctuation: nothing can match
    if (query.field) where.push(`l.field_paths @> ARRAY[${p(query.field)}]::text[]`);
    if (query.trlMin !== undefined) where.push(`l.${c.trl} >= ${p(query.trlMin)}`);
    if (query.trlMax !== undefined) where.push(`l.${c.trl} <= ${p(query.trlMax)}`);
    if (query.mode?.length) where.push(`l.${c.modes} && ${p(query.mode)}::text[]`);
    if (query.organizationId) {
      // Shared URLs name an organization by its 统一社会信用代码 (what the facets give); old ones by its id.
      const org = UUID.test(query.organizationId) ? p(query.organizationId) : `(SELECT o2.id FROM organization o2 WHERE o2.credit_code = ${p(query.organizationId)})`;
      where.push(`l.organization_id = ${org}${kind === 'NEED' ? ' AND NOT l.anonymous' : ''}`);
    }
    if (kind === 'NEED' && query.needType) where.push(`l.need_type = ${p(query.needType)}`);
    if (query.moneyMinFen !== undefined || query.moneyMaxFen !== undefined) {
      const overlap: string[] = [];
      if (query.moneyMaxFen !== undefined) overlap.push(`coalesce(l.${c.moneyMin}, 0) <= ${p(query.moneyMaxFen)}`);
      if (query.moneyMinFen !== undefined) overlap.push(`coalesce(l.${c.moneyMax}, l.${c.moneyMin}, 0) >= ${p(query.moneyMinFen)}`);
      const ranged = `(NOT l.${c.moneyNegotiable} AND ${overlap.join(' AND ')})`;
      where.push(query.includeNegotiable === false ? ranged : `(l.${c.moneyNegotiable} OR ${ranged})`);
    }
    const whereSql = where.join(' AND ');
    const sort = query.sort ?? (hasText ? 'relevance' : 'newest');
    const limit = query.limit ?? 20;
    const cursor = decodeCursor(query.cursor, sort === 'relevance' ? null : sort === 'newest' ? 'timestamp' : 'date');
    const rankOf = (param: string): string => `ts_rank_cd('${RANK_WEIGHTS}'::float4[], l.search_doc, to_tsquery('simple', ${param}), 1)`;
    const rankSql = hasText ? `(${rankOf(tsParam)}${narrower ? ` + ${NARROWER_RANK_FACTOR} * ${rankOf(narrowerParam)}` : ''})::float8` : 'NULL::float8';

    const pageWhere: string[] = [];
    let order: string;
    let offset = 0;
    if (sort === 'relevance') {
      order = hasText ? `rank DESC, l.published_at DESC NULLS LAST, l.id DESC` : `l.published_at DESC NULLS LAST, l.id DESC`;
      offset = cursor.o ?? 0;
    } else if (sort === 'newest') {
      order = `l.published_at DESC NULLS LAST, l.id DESC`;
      if (cursor.id) pageWhere.push(`(l.published_at, l.id) < (${p(cursor.k)}::timestamptz, ${p(cursor.id)}::uuid)`);
    } else {
      // Deadline: soonest first; needs without a deadline, and all results, by valid-until.
      const key = kind === 'NEED' ? `coalesce(l.deadline, l.valid_until)` : `l.valid_until`;
      order = `${key} ASC, l.id ASC`;
      if (cursor.id) pageWhere.push(`(${key}, l.id) > (${p(cursor.k)}::date, ${p(cursor.id)}::uuid)`);
    }
    const extraCols = kind === 'NEED' ? `l.anonymous, l.deadline, l.bounty_fen::text AS bounty_fen, NULL AS price_type` : `false AS anonymous, NULL::date AS deadline, NULL AS bounty_fen, l.price_type`;
    const sql = `
      SELECT l.id, l.code, l.title, l.${c.subtitle} AS subtitle, l.public_summary, l.organization_id,
             o.name_zh AS org_name_zh, o.name_en AS org_name_en, o.kind AS org_kind,
             l.field_codes, l.keywords, l.${c.trl} AS trl, l.${c.moneyNegotiable} AS negotiable,
             l.${c.moneyMin}::text AS min_fen, l.${c.moneyMax}::text AS max_fen, l.${c.modes} AS modes,
             l.status, l.published_at, l.valid_until::text AS valid_until, ${extraCols}, ${rankSql} AS rank
      FROM "${c.table}" l JOIN organization o ON o.id = l.organization_id
      WHERE ${[whereSql, ...pageWhere].join(' AND ')}
      ORDER BY ${order}
      LIMIT ${p(limit + 1)} OFFSET ${p(offset)}`;
    const wantFacets = query.facets !== false && !query.cursor;
    const [rows, { total, facets }] = await Promise.all([
      this.dataSource.query<HitRow[]>(sql, params),
      this.aggregate(kind, whereSql, params.slice(0, countParams(whereSql)), wantFacets),
    ]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    let nextCursor: string | null = null;
    if (rows.length > limit && last) {
      nextCursor =
        sort === 'relevance'
          ? encodeCursor({ o: offset + limit })
          : sort === 'newest'
            ? encodeCursor({ k: last.published_at?.toISOString() ?? null, id: last.id })
            : encodeCursor({ k: kind === 'NEED' ? (last.deadline ?? last.valid_until) : last.valid_until, id: last.id });
    }
    const terms = query.q ? this.text.highlightTerms(query.q) : [];
    const broker = isBroker(user);
    return {
      items: page.map((row) => this.toHit(row, terms, broker)),
      total,
      nextCursor,
      facets,
      suggestions: q && total === 0 && !query.cursor ? await this.suggestions(kind, q, status) : null,
    };
  }

  /**
   * For a text query without a hit: the corrections that have hits (under the same status, without the other
   * filters, at most three) and the fields the query or a correction names. Only the empty path pays for it.
   */
  private async suggestions(kind: ListingKind, q: string, status: string): Promise<SearchSuggestionsDto> {
    const corrections: string[] = [];
    for (const candidate of this.text.corrections(q, 6)) {
      if (corrections.length >= 3) break;
      const tsq = this.text.tsQuery(candidate);
      if (!tsq) continue;
      const rows = await this.dataSource.query<Array<{ hit: boolean }>>(
        `SELECT EXISTS (SELECT 1 FROM "${COLUMNS[kind].table}" l WHERE l.status = $1 AND l.search_doc @@ to_tsquery('simple', $2)) AS hit`,
        [status, tsq],
      );
      if (rows[0]?.hit) corrections.push(candidate);
    }
    return { corrections, relatedFields: await this.text.relatedFields([q, ...corrections]) };
  }

  private async facets(kind: ListingKind, whereSql: string, params: unknown[]): Promise<SearchFacetsDto> {
    const c = COLUMNS[kind];
    const from = `FROM "${c.table}" l`;
    const [fields, trl, modes, orgs] = await Promise.all([
      this.dataSource.query<Array<{ value: string; count: number }>>(`SELECT f AS value, count(*)::int AS count ${from}, unnest(l.field_paths) f WHERE ${whereSql} AND strpos(f, '.') = 0 GROUP BY f ORDER BY count DESC, f`, params),
      this.dataSource.query<Array<{ value: string; count: number }>>(`SELECT l.${c.trl}::text AS value, count(*)::int AS count ${from} WHERE ${whereSql} AND l.${c.trl} IS NOT NULL GROUP BY l.${c.trl} ORDER BY l.${c.trl}`, params),
      this.dataSource.query<Array<{ value: string; count: number }>>(`SELECT m AS value, count(*)::int AS count ${from}, unnest(l.${c.modes}) m WHERE ${whereSql} GROUP BY m ORDER BY count DESC, m`, params),
      this.dataSource.query<Array<{ value: string; count: number; label: string }>>(
        `SELECT coalesce(min(o.credit_code), l.organization_id::text) AS value, min(o.name_zh) AS label, count(*)::int AS count ${from} JOIN organization o ON o.id = l.organization_id
         WHERE ${whereSql}${kind === 'NEED' ? ' AND NOT l.anonymous' : ''} GROUP BY l.organization_id ORDER BY count DESC, label LIMIT 12`,
        params,
      ),
    ]);
    return { fields, trl, modes, organizations: orgs };
  }

  private toHit(row: HitRow, terms: readonly string[], broker: boolean): SearchHitDto {
    const hideOrg = row.anonymous && !broker;
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      subtitle: row.subtitle,
      titleHighlight: this.text.highlight(row.title, terms),
      snippet: this.text.highlight(row.public_summary, terms, 120),
      organization: hideOrg ? null : { id: row.organization_id, nameZh: row.org_name_zh, nameEn: row.org_name_en, kind: row.org_kind as never },
      fieldCodes: row.field_codes,
      keywords: row.keywords,
      trl: row.trl,
      money: { negotiable: row.negotiable, minFen: fen(row.min_fen), maxFen: fen(row.max_fen), priceType: (row.price_type as never) ?? null },
      modes: row.modes,
      status: row.status,
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
      validUntil: row.valid_until,
      deadline: row.deadline,
      bountyFen: fen(row.bounty_fen),
      score: row.rank,
    };
  }
}

/** How many of the positional parameters the filter uses ($1…$n). */
function countParams(sql: string): number {
  let max = 0;
  for (const m of sql.matchAll(/\$(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_KEY: Record<'timestamp' | 'date', RegExp> = {
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

/**
 * A cursor is client input: every part of it goes into SQL as a typed parameter, so each is checked
 * against the type the sort casts it to (a bad date or uuid used to be a 500 from PostgreSQL).
 */
function decodeCursor(raw: string | undefined, key: 'timestamp' | 'date' | null): Cursor {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString()) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const c = parsed as Cursor;
      const offsetOk = c.o === undefined || (Number.isInteger(c.o) && c.o >= 0 && c.o <= 100_000);
      const idOk = c.id === undefined || (typeof c.id === 'string' && UUID.test(c.id));
      const keyOk = c.k === undefined || c.k === null || (key !== null && typeof c.k === 'string' && CURSOR_KEY[key].test(c.k) && !Number.isNaN(Date.parse(c.k)) && new Date(c.k).toISOString().startsWith(c.k.slice(0, 10)));
      if (offsetOk && idOk && keyOk) return c;
    }
  } catch {
    // fall through
  }
  throw DomainException.validation([{ field: 'cursor', constraint: 'invalid', args: [] }]);
}
