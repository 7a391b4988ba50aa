import { bearer, loginDemo, Session } from '../support/auth';
import { expectStandardError } from '../support/error-body';
import { needPayload, resultPayload } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';

type Parameter = { name: string; in: string; schema?: { maximum?: number } };
type OpenApi = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

const HUGE = '9223372036854775807';
const fieldMessage = (body: { errors?: Array<{ field: string; message: string }> }, field: string): string | undefined =>
  body.errors?.find((e) => e.field === field)?.message;

describe('hostile input gets a 4xx with the standard body, never a 5xx', () => {
  let t: TestApp;
  let admin: Session;
  let researcher: Session;
  let enterprise: Session;
  let doc: OpenApi;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    [admin, researcher, enterprise] = await Promise.all([loginDemo(t.http, 'admin'), loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise')]);
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  }, 180_000);
  afterAll(() => t.close());

  /** Every GET operation of the OpenAPI document with a query parameter of this name. */
  const listRoutesWith = (name: string): Array<{ path: string; parameter: Parameter }> =>
    Object.entries(doc.paths).flatMap(([path, ops]) => {
      const parameter = ops['get']?.parameters?.find((p) => p.in === 'query' && p.name === name);
      return parameter && !path.includes('{') ? [{ path, parameter }] : [];
    });

  describe('paging', () => {
    it('declares a maximum for every limit and offset', () => {
      const routes = [...listRoutesWith('limit'), ...listRoutesWith('offset')];
      expect(routes.length).toBeGreaterThan(10);
      expect(routes.filter((r) => r.parameter.schema?.maximum === undefined).map((r) => `${r.path} ${r.parameter.name}`)).toEqual([]);
    });

    it.each(['offset', 'limit'])('refuses %s=9223372036854775807 on every list route with a field message', async (name) => {
      const routes = listRoutesWith(name);
      expect(routes.length).toBeGreaterThan(5);
      for (const { path } of routes) {
        const res = await t.http.get(`${path}?${name}=${HUGE}`).set(...bearer(admin));
        expectStandardError(res, 400);
        expect([path, fieldMessage(res.body, name)]).toEqual([path, expect.stringContaining('不能大于')]);
      }
      const en = await t.http.get(`/api/audit-logs?${name}=${HUGE}`).set(...bearer(admin)).set('Accept-Language', 'en');
      expect(fieldMessage(en.body, name)).toMatch(/must not be greater than \d+/);
    });

    it.each([
      ['a timestamp that is not one', { id: '00000000-0000-4000-8000-000000000000', k: 'garbage' }, 'newest'],
      ['a date that is not one', { id: '00000000-0000-4000-8000-000000000000', k: '2026-13-45' }, 'deadline'],
      ['an id that is not a uuid', { id: '------------------------------------', k: '2026-01-01T00:00:00.000Z' }, 'newest'],
    ])('refuses a cursor holding %s', async (_, cursor, sort) => {
      const raw = Buffer.from(JSON.stringify(cursor)).toString('base64url');
      const res = await t.http.get(`/api/results?sort=${sort}&cursor=${raw}`);
      expectStandardError(res, 400);
      expect(fieldMessage(res.body, 'cursor')).toBeDefined();
    });
  });

  describe('control characters', () => {
    const registration = (overrides: Record<string, unknown>) => ({
      email: `nul-${Math.random().toString(36).slice(2)}@example.com`,
      password: 'a-long-passphrase-nobody-uses',
      name: '张三',
      role: 'ENTERPRISE',
      enterprise: { creditCode: '91350100M000100Y43', nameZh: '南京栖霞新能源科技有限公司' },
      ...overrides,
    });

    it('refuses a NUL byte in the register name, field by field, in both languages', async () => {
      const zh = await t.http.post('/api/auth/register').send(registration({ name: '张\u0000三' }));
      expectStandardError(zh, 400);
      expect(zh.body.errors).toEqual([{ field: 'name', message: '不能包含控制字符' }]);
      const en = await t.http.post('/api/auth/register').set('Accept-Language', 'en').send(registration({ name: '张\u0000三' }));
      expect(en.body.errors).toEqual([{ field: 'name', message: 'must not contain control characters' }]);
    });

    it('refuses control characters in nested fields, arrays, query strings and path ids', async () => {
      const nested = await t.http.post('/api/auth/register').send(registration({ enterprise: { creditCode: '91350100M000100Y43', nameZh: '南京\u0007公司' } }));
      expectStandardError(nested, 400);
      expect(fieldMessage(nested.body, 'enterprise.nameZh')).toBe('不能包含控制字符');

      const array = await t.http.post('/api/results').set(...bearer(researcher)).send(resultPayload({ keywords: ['正极', 'a\u001bb'] }));
      expectStandardError(array, 400);
      expect(fieldMessage(array.body, 'keywords.1')).toBe('不能包含控制字符');

      const query = await t.http.get('/api/results?q=%E7%94%B5%00%E6%B1%A0');
      expectStandardError(query, 400);
      expect(fieldMessage(query.body, 'q')).toBe('不能包含控制字符');

      const path = await t.http.put('/api/contract-types/X%00Y').set(...bearer(admin)).send({});
      expectStandardError(path, 400);
      expect(fieldMessage(path.body, 'code')).toBe('不能包含控制字符');
    });

    it('keeps tabs and line breaks in free text', async () => {
      await t.http
        .post('/api/results')
        .set(...bearer(researcher))
        .send(resultPayload({ publicSummary: `${resultPayload()['publicSummary'] as string}\r\n\t第二段：中试线已建成。` }))
        .expect(201);
    });
  });

  describe('JSON depth', () => {
    const nested = (depth: number, open = '{"a":', close = '}') => `${open.repeat(depth)}1${close.repeat(depth)}`;

    it.each([
      ['objects', `{"email":${nested(1800)},"password":"x"}`],
      ['arrays', nested(1800, '[', ']')],
      ['strings that look like brackets do not count', `{"email":"${'['.repeat(5000)}","password":${nested(1800)}}`],
    ])('refuses a login body nested 1,800 levels deep (%s) before parsing it', async (_, body) => {
      const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(body);
      expectStandardError(res, 400);
      expect(res.body.code).toBe('JSON_TOO_DEEP');
    });

    it('still reads ordinary nesting and brackets inside strings', async () => {
      const res = await t.http
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(`{"email":"nobody@example.com","password":"${'{['.repeat(40)}"}`);
      expectStandardError(res, 401);
    });
  });

  describe('found by the fuzzer', () => {
    it('clears the profile mobile with null and refuses a null name', async () => {
      const cleared = await t.http.patch('/api/auth/me').set(...bearer(enterprise)).send({ mobile: null }).expect(200);
      expect(cleared.body.mobile ?? null).toBeNull();
      const res = await t.http.patch('/api/auth/me').set(...bearer(enterprise)).send({ name: null });
      expectStandardError(res, 400);
      expect(fieldMessage(res.body, 'name')).toBeDefined();
    });

    // An array where a list expects objects passed ValidateNested (it checks the inner array's items: none),
    // then the service read `terms` of an array: 500 (PUT /api/synonyms {"groups":[[]]}, seed 1118177861).
    it.each([
      ['put', '/api/synonyms', { groups: [[]] }, 'groups'],
      ['put', '/api/synonyms', { groups: [7] }, 'groups'],
    ] as const)('refuses an array or a number in a list of objects: %s %s %j', async (_method, url, body, field) => {
      const before = (await t.http.get('/api/synonyms').set(...bearer(admin)).expect(200)).body;
      const res = await t.http.put(url).set(...bearer(admin)).send(body);
      expectStandardError(res, 400);
      expect(fieldMessage(res.body, field)).toBeDefined();
      expect((await t.http.get('/api/synonyms').set(...bearer(admin)).expect(200)).body).toEqual(before);
    });

    // 1e21 is an integer to JavaScript but not a bigint to PostgreSQL: 500 (seed 1118978228).
    it.each(['/api/needs', '/api/results'])('refuses a money filter beyond a safe integer of fen on %s', async (path) => {
      const res = await t.http.get(`${path}?moneyMaxFen=1e%2B21&moneyMinFen=0`);
      expectStandardError(res, 400);
      expect(fieldMessage(res.body, 'moneyMaxFen')).toBeDefined();
    });

    // 2^31 is a valid integer to class-validator but not to the int column: 500 (POST /api/fields, seed 1145644795).
    it('refuses a field sort order beyond its column, creating nothing', async () => {
      const res = await t.http.post('/api/fields').set(...bearer(admin)).send({ code: 'NE.SS', parentCode: 'NE', nameZh: '超大排序', nameEn: 'Huge sort', sort: 2 ** 31 });
      expectStandardError(res, 400);
      expect(fieldMessage(res.body, 'sort')).toBeDefined();
      const fields = (await t.http.get('/api/fields').expect(200)).body as Array<{ code: string }>;
      expect(JSON.stringify(fields)).not.toContain('NE.SS');
    });

    it('answers a URL over 16 KB (refused by the HTTP parser) with the standard body', async () => {
      const res = await t.http.get(`/api/organizations?q=${'%E9%95%BF'.repeat(3000)}`);
      expectStandardError(res, 431);
      expect(res.body.code).toBe('HEADERS_TOO_LARGE');
    });
  });

  describe('blank titles', () => {
    it.each([
      ['zero-width spaces', '\u200b\u200b\u200b\u200b\u200b\u200b'],
      ['zero-width joiners and a word joiner', '\u200c\u200d\u2060\ufeff\u200c\u200d'],
      ['ideographic spaces', '\u3000\u3000\u3000\u3000\u3000'],
      ['a mix of both', ' \u200b\u3000\u00a0\u200b\t '],
    ])('refuses a result title of %s like an empty one', async (_, title) => {
      const empty = await t.http.post('/api/results').set(...bearer(researcher)).send(resultPayload({ title: '' }));
      const res = await t.http.post('/api/results').set(...bearer(researcher)).send(resultPayload({ title }));
      expectStandardError(res, 400);
      expect(fieldMessage(res.body, 'title')).toBe(fieldMessage(empty.body, 'title'));
    });

    it('refuses a zero-width need title too', async () => {
      const res = await t.http.post('/api/needs').set(...bearer(enterprise)).send(needPayload({ title: '\u200b'.repeat(10) }));
      expectStandardError(res, 400);
      expect(fieldMessage(res.body, 'title')).toBeDefined();
    });
  });
});
