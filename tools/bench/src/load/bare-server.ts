/*
 * The bare side of bench:load: node:http + pg and nothing else, serving the five benchmarked routes with
 * the SQL the app sends (app-sql.ts, copied from the wire), in the same order and with the same
 * concurrency (the app's Promise.all stays a Promise.all), on a pool of the app's size (10). It also does
 * the domain work the app cannot skip — the query's tsquery and highlights (the app's own SearchTextService
 * methods, which are pure), the matching engine (libs/api/matching), the reasons' field names — so that the
 * ratio app/bare measures what the framework and its plumbing cost, not the work itself.
 * What it leaves out on purpose: routing tables, middleware (request ids, helmet headers, metrics, pino
 * request logging), validation pipes, DTO classes, the exception filter, TypeORM's entity hydration.
 * Run by bench-load.ts in its own process: `bare-server.ts <databaseUrl> <port> <jwtSecret> <rateLimit>`.
 */
import { Permission, ROLE_PERMISSIONS, Role } from '@xkx/contracts';
import { MatchHit, MatchIndex, NeedDoc, ResultDoc, CooperationMode } from '@xkx/matching';
import type { SearchTextService } from '@xkx/api/testing';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Pool } from 'pg';
import * as SQL from './app-sql';
import { BUILD_DIR, ROOT } from './children';

const [databaseUrl, portArg, jwtSecret, rateLimit] = process.argv.slice(2) as [string, string, string, string];
// The app's pool (apps/api/src/database/data-source.ts): TypeORM's poolSize 10, and its connectTimeoutMS 5000,
// which node-postgres also applies to waiting for a free client (a wait past it is the app's 503).
const pool = new Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5000, application_name: 'xiakexing-bare' });
// Made in main() with the app's analyzer (the database's synonyms), as MatchingService.newIndex does.
let index: MatchIndex;

/**
 * The app's SearchTextService from the bench's build of the API (compiled JS, quick to load), made without
 * Nest: its tsQuery/highlight methods are plain functions of the analyzer and the synonyms.
 */
const { SearchTextService: SearchText } = require(join(ROOT, BUILD_DIR, 'apps/api/src/modules/search/search-text.service.js')) as { SearchTextService: typeof SearchTextService };
const text = new SearchText(undefined as never, {
  synonymGroups: async () => (await pool.query<{ terms: string[]; relation: string }>('SELECT terms, relation FROM synonym_group ORDER BY created_at, id')).rows,
  fieldNames: async () => new Map((await pool.query<{ code: string; name_zh: string; name_en: string }>('SELECT code, name_zh, name_en FROM technology_field')).rows.map((r) => [r.code, `${r.name_zh} ${r.name_en}`])),
} as never);

type Json = Record<string, unknown>;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

const notFound = (res: ServerResponse): void => send(res, 404, { statusCode: 404, code: 'NOT_FOUND', message: 'not found' });

// --- health: one SELECT 1, as HealthService.databaseUp.
// and the change feed's head for the instance's freshness (HealthController: both at once).
async function health(res: ServerResponse): Promise<void> {
  const [ok, head] = await Promise.all([pool.query<{ ok: number }>(SQL.HEALTH), pool.query<{ head: string }>(SQL.FEED_HEAD)]);
  const up = ok.rows[0]?.ok === 1;
  const position = Number(head.rows[0]?.head ?? 0);
  send(res, up ? 200 : 503, { status: up ? 'ok' : 'error', database: up ? 'up' : 'down', ...(up ? { feed: { head: position, position, behind: 0 } } : {}) }, { 'Cache-Control': 'no-store' });
}

// --- a result's public detail by code: ListingsService.load for an anonymous caller (one round trip).
const CODE = /^R\d{4}-\d{6}$/;
async function resultDetail(res: ServerResponse, code: string): Promise<void> {
  if (!CODE.test(code)) return send(res, 400, { statusCode: 400, code: 'VALIDATION_FAILED' });
  const rows = (await pool.query<Record<string, unknown>>(SQL.RESULT_DETAIL_BY_CODE, [code])).rows;
  const r = rows[0];
  if (!r || r['l_status'] !== 'PUBLISHED') return notFound(res);
  const ipAssets = rows
    .filter((row) => row['ipAssets_id'] !== null)
    .sort((a, b) => Number(a['ipAssets_position']) - Number(b['ipAssets_position']))
    .map((row) => ({ type: row['ipAssets_type'], number: row['ipAssets_number'], title: row['ipAssets_title'], status: row['ipAssets_status'] }));
  const money = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  // The public layer, the fields toResultResponse writes for someone who does not manage the listing.
  send(res, 200, {
    id: r['l_id'], code: r['l_code'], kind: 'RESULT', version: r['l_version'], status: r['l_status'],
    title: r['l_title'], valueProposition: r['l_value_proposition'], publicSummary: r['l_public_summary'],
    problemSolved: r['l_problem_solved'], advantages: r['l_advantages'], indicators: r['l_indicators'], applications: r['l_applications'],
    fieldCodes: r['l_field_codes'], keywords: r['l_keywords'], form: r['l_form'], trl: r['l_trl'], stage: r['l_stage'],
    ipAssets, owners: r['l_owners'], transferModes: r['l_transfer_modes'],
    price: { negotiable: r['l_price_negotiable'], minFen: money(r['l_price_min_fen']), maxFen: money(r['l_price_max_fen']), priceType: r['l_price_type'] },
    organization: { id: r['org_id'], nameZh: r['org_name_zh'], nameEn: r['org_name_en'], kind: r['org_kind'], creditCode: r['org_credit_code'] },
    publishedAt: (r['l_published_at'] as Date | null)?.toISOString() ?? null, validUntil: r['l_valid_until'],
    canManage: false, confidentialVisible: false, confidentialDetail: null,
  });
}

// --- search: the rate-limit upsert (RateLimitGuard), then the page and the cached aggregates in parallel.
const [limitCount, limitWindow] = rateLimit.split('/') as [string, string];
const RATE_LIMIT = Number(limitCount);
const RATE_WINDOW_MS = Number(limitWindow.slice(0, -1)) * { s: 1000, m: 60_000, h: 3_600_000 }[limitWindow.slice(-1) as 's' | 'm' | 'h'];
const digest = (value: string): string => createHash('sha256').update(value).digest('base64url').slice(0, 32);

/** ListingSearchService's aggregate cache: same key shape, TTL and size, dropped when the change feed's head moves. */
const aggregates = new Map<string, { at: number; total: number; facets: Json | null }>();
let aggregatesVersion = '';
async function aggregate(whereSql: string, params: unknown[]): Promise<{ total: number; facets: Json | null }> {
  const version = (await pool.query<{ version: string }>(SQL.FEED_VERSION)).rows[0]?.version ?? '';
  if (version !== aggregatesVersion) {
    aggregatesVersion = version;
    aggregates.clear();
  }
  const key = `RESULT|true|${whereSql}|${JSON.stringify(params)}`;
  const hit = aggregates.get(key);
  if (hit && Date.now() - hit.at < 60_000) return hit;
  const [count, fields, trl, modes, organizations] = await Promise.all(SQL.searchAggregates(whereSql).map((sql) => pool.query(sql, params)));
  const value = { at: Date.now(), total: Number((count?.rows[0] as { n: string } | undefined)?.n ?? 0), facets: { fields: fields?.rows, trl: trl?.rows, modes: modes?.rows, organizations: organizations?.rows } };
  if (aggregates.size >= 500) aggregates.delete(aggregates.keys().next().value as string);
  aggregates.set(key, value);
  return value;
}

interface HitRow {
  id: string; code: string; title: string; subtitle: string; public_summary: string; organization_id: string; org_name_zh: string; org_name_en: string | null; org_kind: string;
  field_codes: string[]; keywords: string[]; trl: number | null; negotiable: boolean; min_fen: string | null; max_fen: string | null; modes: string[]; status: string;
  published_at: Date | null; valid_until: string; price_type: string | null; rank: number | null;
}

async function search(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const key = `search:${digest(`ip:${req.socket.remoteAddress ?? 'unknown'}`)}`;
  const limited = (await pool.query<{ blocked_in: string | null }>(SQL.RATE_LIMIT_UPSERT, [key, RATE_WINDOW_MS, RATE_LIMIT, RATE_WINDOW_MS])).rows[0];
  if (limited?.blocked_in !== null && Number(limited?.blocked_in) > 0) return send(res, 429, { statusCode: 429, code: 'TOO_MANY_REQUESTS' });
  const q = query.get('q')?.trim() ?? '';
  const limit = 20;
  let page: string;
  let whereSql: string;
  let params: unknown[];
  if (q) {
    // The two shapes the bench asks for; anything else is not this server's business.
    const tsq = text.tsQuery(q);
    if (!tsq) return send(res, 400, { statusCode: 400 });
    page = SQL.SEARCH_WORD_PAGE;
    whereSql = SQL.SEARCH_WORD_WHERE;
    params = ['PUBLISHED', tsq];
  } else if (query.get('field') && query.get('trlMin')) {
    page = SQL.SEARCH_FIELD_TRL_PAGE;
    whereSql = SQL.SEARCH_FIELD_TRL_WHERE;
    params = ['PUBLISHED', query.get('field'), Number(query.get('trlMin'))];
  } else return notFound(res);
  const [rows, { total, facets }] = await Promise.all([pool.query<HitRow>(page, [...params, limit + 1, 0]), aggregate(whereSql, params)]);
  const terms = q ? text.highlightTerms(q) : [];
  const fen = (v: string | null): number | null => (v === null ? null : Number(v));
  const items = rows.rows.slice(0, limit).map((row) => ({
    id: row.id, code: row.code, title: row.title, subtitle: row.subtitle,
    titleHighlight: text.highlight(row.title, terms), snippet: text.highlight(row.public_summary, terms, 120),
    organization: { id: row.organization_id, nameZh: row.org_name_zh, nameEn: row.org_name_en, kind: row.org_kind },
    fieldCodes: row.field_codes, keywords: row.keywords, trl: row.trl,
    money: { negotiable: row.negotiable, minFen: fen(row.min_fen), maxFen: fen(row.max_fen), priceType: row.price_type ?? null },
    modes: row.modes, status: row.status, publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null, validUntil: row.valid_until,
    deadline: null, bountyFen: null, score: row.rank,
  }));
  const nextCursor = rows.rows.length > limit ? Buffer.from(JSON.stringify(q ? { o: limit } : { k: items[items.length - 1]?.publishedAt, id: items[items.length - 1]?.id })).toString('base64url') : null;
  send(res, 200, { items, total, nextCursor, facets });
}

// --- a need's top-20 matches for a broker: token → user (JwtStrategy), need, engine, counterparts, orgs, verdicts, field names.
const b64url = (s: string): Buffer => Buffer.from(s, 'base64url');
/** HS256 with our issuer and audience, not expired: what passport-jwt checks, without passport. */
function verifyToken(header: string | undefined): { sub: string; sid: string } | null {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return null;
  const expected = createHmac('sha256', jwtSecret).update(`${head}.${body}`).digest();
  const given = b64url(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(b64url(body).toString()) as { typ?: string; sub?: string; sid?: string; exp?: number; iss?: string; aud?: string | string[] };
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.typ !== 'access' || claims.iss !== 'xiakexing' || !audience.includes('xiakexing-api') || !claims.sub || !claims.sid || (claims.exp ?? 0) < Date.now() / 1000) return null;
  return { sub: claims.sub, sid: claims.sid };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function needMatches(req: IncomingMessage, res: ServerResponse, needId: string, query: URLSearchParams): Promise<void> {
  const claims = verifyToken(req.headers.authorization);
  if (!claims) return send(res, 401, { statusCode: 401, code: 'UNAUTHENTICATED' });
  const user = (await pool.query<{ id: string; role: Role; status: string }>(SQL.USER_BY_TOKEN, [claims.sub, claims.sid])).rows[0];
  if (!user || user.status === 'SUSPENDED') return send(res, 401, { statusCode: 401, code: 'UNAUTHENTICATED' });
  const permissions: readonly string[] = user.status === 'ACTIVE' ? ROLE_PERMISSIONS[user.role] : [];
  if (!permissions.includes(Permission.MATCH_READ)) return send(res, 403, { statusCode: 403, code: 'FORBIDDEN' });
  if (!UUID.test(needId)) return send(res, 400, { statusCode: 400, code: 'VALIDATION_FAILED' });
  const limit = Number(query.get('limit') ?? 20);
  const needRow = (await pool.query<Record<string, unknown>>(SQL.NEED_BY_ID, [needId])).rows[0];
  // Brokers may ask for any need's matches (MatchingService.docFor).
  if (!needRow || !permissions.includes(Permission.LISTING_READ_ALL)) return notFound(res);
  const hits = index.get('need', needId) !== undefined ? index.matchesFor('need', needId, { limit }) : index.match(needDoc(prefixed(needRow, 'NeedEntity_')), { limit });
  const ids = [...new Set(hits.map((h) => h.id))];
  const rows = ids.length ? (await pool.query<Record<string, unknown>>(SQL.resultsByIds(ids.length), [...ids, 'PUBLISHED'])).rows : [];
  const orgIds = [...new Set(rows.map((r) => r['ResultEntity_organization_id']))];
  const orgs = new Map(orgIds.length ? (await pool.query<Record<string, unknown>>(SQL.organizationsByIds(orgIds.length), orgIds)).rows.map((o) => [o['OrganizationEntity_id'] as string, o]) : []);
  const verdictRows = hits.length ? (await pool.query<{ MatchFeedbackEntity_need_id: string; MatchFeedbackEntity_result_id: string; MatchFeedbackEntity_verdict: string }>(SQL.feedbackForPairs(hits.length), hits.flatMap((h) => [needId, h.id]))).rows : [];
  const verdicts = new Map(verdictRows.map((v) => [`${v.MatchFeedbackEntity_need_id}:${v.MatchFeedbackEntity_result_id}`, v.MatchFeedbackEntity_verdict]));
  const fields = new Map((await pool.query<{ TechnologyFieldEntity_code: string; TechnologyFieldEntity_name_zh: string; TechnologyFieldEntity_name_en: string }>(SQL.FIELD_NAMES)).rows.map((f) => [f.TechnologyFieldEntity_code, { zh: f.TechnologyFieldEntity_name_zh, en: f.TechnologyFieldEntity_name_en }]));
  const counterparts = new Map(rows.map((r) => [r['ResultEntity_id'] as string, r]));
  const items = hits.flatMap((hit) => {
    const r = counterparts.get(hit.id);
    if (!r) return [];
    const org = orgs.get(r['ResultEntity_organization_id'] as string);
    const money = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
    const counterpart = {
      id: r['ResultEntity_id'], kind: 'RESULT', code: r['ResultEntity_code'], title: r['ResultEntity_title'], subtitle: r['ResultEntity_value_proposition'], publicSummary: r['ResultEntity_public_summary'],
      organization: org ? { id: org['OrganizationEntity_id'], nameZh: org['OrganizationEntity_name_zh'], nameEn: org['OrganizationEntity_name_en'], kind: org['OrganizationEntity_kind'] } : null,
      fieldCodes: r['ResultEntity_field_codes'], keywords: r['ResultEntity_keywords'], trl: r['ResultEntity_trl'],
      money: { negotiable: r['ResultEntity_price_negotiable'], minFen: money(r['ResultEntity_price_min_fen']), maxFen: money(r['ResultEntity_price_max_fen']), priceType: r['ResultEntity_price_type'] },
      modes: r['ResultEntity_transfer_modes'],
    };
    return [{ ...scored(hit, fields), counterpart, origin: 'ALGORITHM', verdict: verdicts.get(`${needId}:${hit.id}`) ?? 'NONE' }];
  });
  send(res, 200, { items });
}

/** MatchingService.scored: field codes in the engine's reasons become names, whole codes only, longest first. */
function scored(hit: MatchHit, fields: ReadonlyMap<string, { zh: string; en: string }>): Json {
  const named = (s: string, codes: readonly string[] | undefined, locale: 'zh' | 'en'): string => {
    if (!codes?.length) return s;
    const alternatives = [...codes].sort((a, b) => b.length - a.length).map((c) => c.replace(/\./g, '\\.'));
    return s.replace(new RegExp(`(?<![\\w.])(?:${alternatives.join('|')})(?![\\w.])`, 'g'), (code) => fields.get(code)?.[locale] ?? code);
  };
  return {
    score: Math.round(hit.score * 1000) / 1000,
    components: hit.components,
    reasons: hit.reasons.map((r) => ({ code: r.code, 'zh-CN': named(r.zh, r.fieldCodes, 'zh'), en: named(r.en, r.fieldCodes, 'en'), ...(r.terms ? { terms: r.terms } : {}) })),
  };
}

// --- the engine's documents, as matchDoc in apps/api/src/modules/listings/listing-kinds.ts writes them from entities.
type Row = Record<string, unknown>;
const prefixed = (row: Row, prefix: string): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.startsWith(prefix) ? k.slice(prefix.length) : k, v]));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const names = (v: unknown): string => ((v as Array<{ name: string }> | null) ?? []).map((i) => i.name).join(' ');

function resultDoc(r: Row): ResultDoc {
  return {
    kind: 'result', id: r['id'] as string, title: r['title'] as string,
    summary: [r['value_proposition'], r['public_summary'], r['problem_solved'], r['advantages'], r['applications'], names(r['indicators'])].join('\n'),
    keywords: r['keywords'] as string[], fieldCodes: r['field_codes'] as string[], trl: num(r['trl']),
    price: r['price_negotiable'] ? null : { min: num(r['price_min_fen']), max: num(r['price_max_fen']) },
    transferModes: r['transfer_modes'] as CooperationMode[], updatedAt: r['updated_at'] as Date, validUntil: r['valid_until'] as string, organizationId: r['organization_id'] as string,
  };
}

function needDoc(r: Row): NeedDoc {
  return {
    kind: 'need', id: r['id'] as string, title: r['title'] as string,
    description: [r['public_summary'], r['problem'], ((r['must_haves'] as string[]) ?? []).join(' '), ((r['nice_to_haves'] as string[]) ?? []).join(' '), names(r['indicators'])].join('\n'),
    keywords: r['keywords'] as string[], fieldCodes: r['field_codes'] as string[], minTrl: num(r['min_trl']),
    budget: r['budget_negotiable'] ? null : { min: num(r['budget_min_fen']), max: num(r['budget_max_fen']) },
    cooperationModes: r['cooperation_modes'] as CooperationMode[], updatedAt: r['updated_at'] as Date, validUntil: r['valid_until'] as string, organizationId: r['organization_id'] as string,
  };
}

/** MatchingService.load: published listings read in id order, batches of 2,000, added at once; feedback; then the semantic layer once. */
async function loadIndex(): Promise<void> {
  index = new MatchIndex({ analyzer: text.textAnalyzer });
  const docs: Array<ResultDoc | NeedDoc> = [];
  for (const table of ['result', 'need'] as const) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await pool.query<Row>(`SELECT * FROM "${table}" WHERE status = 'PUBLISHED' AND id > $1 ORDER BY id LIMIT 2000`, [after])).rows;
      if (rows.length === 0) break;
      for (const r of rows) docs.push(table === 'result' ? resultDoc(r) : needDoc(r));
      after = rows[rows.length - 1]?.['id'] as string;
    }
  }
  index.addAll(docs, { refresh: false });
  const feedback = (await pool.query<{ need_id: string; result_id: string; verdict: string; reason: string | null }>('SELECT need_id, result_id, verdict, reason FROM match_feedback ORDER BY created_at')).rows;
  index.setFeedback(feedback.map((f) => ({ needId: f.need_id, resultId: f.result_id, verdict: f.verdict === 'GOOD' ? 'good' : 'declined', reason: (f.reason ?? undefined) as never })));
  index.refreshSemantics();
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://bare');
  const path = url.pathname;
  if (req.method !== 'GET') return notFound(res);
  if (path === '/api/health') return health(res);
  if (path === '/api/results') return search(req, res, url.searchParams);
  const detail = /^\/api\/results\/([^/]+)$/.exec(path);
  if (detail) return resultDetail(res, decodeURIComponent(detail[1] as string));
  const matches = /^\/api\/needs\/([^/]+)\/matches$/.exec(path);
  if (matches) return needMatches(req, res, matches[1] as string, url.searchParams);
  return notFound(res);
}

async function main(): Promise<void> {
  await text.reloadSynonyms();
  await loadIndex();
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(String(error));
      // Like the app's filter: a database that cannot be reached (or a pool wait that timed out) is a 503.
      const unavailable = error instanceof Error && /timeout exceeded when trying to connect|ECONNREFUSED/.test(error.message);
      if (!res.headersSent) send(res, unavailable ? 503 : 500, { statusCode: unavailable ? 503 : 500, code: unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL' });
      else res.destroy();
    });
  });
  // Node's default keep-alive timeout (5 s) is what the app's HTTP server runs with too.
  server.listen(Number(portArg), '127.0.0.1', () => process.send?.({ ready: true }));
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void pool.end().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
