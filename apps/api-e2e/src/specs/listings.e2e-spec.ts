import { ListingsService } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { futureDate, needPayload, resultPayload } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';

describe('results and needs: life cycle, access, search', () => {
  let t: TestApp;
  let researcher: Session;
  let otherResearcher: Session;
  let enterprise: Session;
  let broker: Session;
  let admin: Session;
  let pending: Session;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    [researcher, enterprise, broker, admin, pending] = await Promise.all([
      loginDemo(t.http, 'researcher'),
      loginDemo(t.http, 'enterprise'),
      loginDemo(t.http, 'broker'),
      loginDemo(t.http, 'admin'),
      loginDemo(t.http, 'pending'),
    ]);
    const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.8.0.1').send({ email: 'researcher.njupt@xkx.demo', password: 'Xiake-Research-2026' }).expect(200);
    otherResearcher = { accessToken: res.body.tokens.accessToken, refreshToken: res.body.tokens.refreshToken, userId: res.body.user.id };
  });
  afterAll(() => t.close());

  const createResult = async (overrides: Record<string, unknown> = {}, who: Session = researcher) =>
    (await t.http.post('/api/results').set(...bearer(who)).send(resultPayload(overrides)).expect(201)).body;

  const publish = async (kind: 'results' | 'needs', id: string, owner: Session) => {
    await t.http.post(`/api/${kind}/${id}/submit`).set(...bearer(owner)).send({}).expect(200);
    await t.http.post(`/api/${kind}/${id}/approve`).set(...bearer(broker)).send({}).expect(200);
  };

  describe('validation', () => {
    it.each([
      [{ ipAssets: [{ type: 'INVENTION_PATENT', number: 'CN202310000001.6', status: 'GRANTED' }] }, 'ipAssets.0.number', '专利申请号'],
      [{ trl: 10 }, 'trl', '不能大于 9'],
      [{ price: { negotiable: false, minFen: 200, maxFen: 100, priceType: 'FIRM' } }, 'price.maxFen', '最高值不能低于最低值'],
      [{ price: { negotiable: false, minFen: 1.5, maxFen: 100, priceType: 'FIRM' } }, 'price.minFen', '整数'],
      [{ validUntil: '2020-01-01' }, 'validUntil', '不能早于今天'],
      [{ fieldCodes: ['NE.NOPE'] }, 'fieldCodes', 'NE.NOPE'],
      [{ transferModes: ['GIVEAWAY'] }, 'transferModes', '取值必须是以下之一'],
    ])('refuses %j with a message on %s', async (overrides, field, text) => {
      const res = await t.http.post('/api/results').set(...bearer(researcher)).send(resultPayload(overrides)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const error = (res.body.errors as Array<{ field: string; message: string }>).find((e) => e.field === field);
      expect(error?.message).toContain(text);
    });

    it('names the other end of a range by words, never by its code (it said “不能小于 minFen”)', async () => {
      const price = { negotiable: false, minFen: 200, maxFen: 100, priceType: 'FIRM' };
      for (const language of ['zh-CN', 'en']) {
        const res = await t.http.post('/api/results').set(...bearer(researcher)).set('Accept-Language', language).send(resultPayload({ price })).expect(400);
        const messages = (res.body.errors as Array<{ message: string }>).map((e) => e.message).join(' ');
        expect(messages).not.toMatch(/Fen\b/);
        expect(messages).toContain(language === 'en' ? 'the maximum must not be below the minimum' : '最高值不能低于最低值');
      }
    });

    it('words field errors in English on request', async () => {
      const res = await t.http.post('/api/results').set(...bearer(researcher)).set('Accept-Language', 'en').send(resultPayload({ trl: 0 })).expect(400);
      expect(res.body.errors).toEqual([{ field: 'trl', message: 'must not be less than 1' }]);
    });

    it('keeps enterprises to needs and researchers to results', async () => {
      await t.http.post('/api/results').set(...bearer(enterprise)).send(resultPayload()).expect(403);
      await t.http.post('/api/needs').set(...bearer(researcher)).send(needPayload()).expect(403);
    });
  });

  describe('life cycle', () => {
    it('takes a result from draft through review to the public portal', async () => {
      const draft = await createResult();
      expect(draft).toMatchObject({ status: 'DRAFT', version: 1, canManage: true, confidentialVisible: true, organization: { nameZh: '南京大学' } });
      expect(draft.code).toMatch(/^R\d{4}-\d{6}$/);
      expect(draft.confidentialDetail).toContain('工艺卡');
      await t.http.get(`/api/results/${draft.id}`).expect(404);
      await t.http.get(`/api/results/${draft.id}`).set(...bearer(otherResearcher)).expect(404);

      const submitted = await t.http.post(`/api/results/${draft.id}/submit`).set(...bearer(researcher)).send({ version: 1 }).expect(200);
      expect(submitted.body).toMatchObject({ status: 'SUBMITTED', version: 2 });
      const queue = await t.http.get('/api/results/review-queue').set(...bearer(broker)).expect(200);
      expect(queue.body.map((r: { id: string }) => r.id)).toContain(draft.id);
      await t.http.post(`/api/results/${draft.id}/start-review`).set(...bearer(broker)).send({}).expect(200);
      await t.http.post(`/api/results/${draft.id}/request-changes`).set(...bearer(broker)).send({ note: '' }).expect(400);
      await t.http.post(`/api/results/${draft.id}/request-changes`).set(...bearer(broker)).send({ note: '请补充中试数据' }).expect(200);
      const mine = await t.http.get(`/api/results/${draft.id}`).set(...bearer(researcher)).expect(200);
      expect(mine.body.management.reviewNote).toBe('请补充中试数据');
      await t.http.patch(`/api/results/${draft.id}`).set(...bearer(researcher)).send({ version: mine.body.version, advantages: '1000 次循环容量保持率由 72% 提升至 91%，中试 3 批次一致' }).expect(200);
      await t.http.post(`/api/results/${draft.id}/submit`).set(...bearer(researcher)).send({}).expect(200);
      await t.http.post(`/api/results/${draft.id}/approve`).set(...bearer(broker)).send({}).expect(200);

      const anonymous = await t.http.get(`/api/results/${draft.id}`).expect(200);
      expect(anonymous.body).toMatchObject({ status: 'PUBLISHED', confidentialDetail: null, confidentialVisible: false, canManage: false, management: null });
      expect(anonymous.body.ipAssets[0].number).toBe('CN202310000001.5');
      const asBroker = await t.http.get(`/api/results/${draft.id}`).set(...bearer(broker)).expect(200);
      expect(asBroker.body.confidentialDetail).toContain('工艺卡');
      const other = await t.http.get(`/api/results/${draft.id}`).set(...bearer(otherResearcher)).expect(200);
      expect(other.body.confidentialDetail).toBeNull();

      const history = await t.http.get(`/api/results/${draft.id}/history`).set(...bearer(researcher)).expect(200);
      expect(history.body.map((h: { action: string }) => h.action)).toEqual(['CREATED', 'SUBMIT', 'START_REVIEW', 'REQUEST_CHANGES', 'UPDATED', 'SUBMIT', 'APPROVE']);
      expect(history.body[4]).toMatchObject({ actorId: researcher.userId, actorName: '张教授', changedFields: ['advantages'] });
    });

    it('refuses illegal moves with 409 and a code', async () => {
      const draft = await createResult({ title: '非法状态迁移测试成果' });
      const res = await t.http.post(`/api/results/${draft.id}/approve`).set(...bearer(broker)).send({}).expect(409);
      expect(res.body).toMatchObject({ code: 'LISTING_TRANSITION_NOT_ALLOWED', status: 'DRAFT' });
    });

    it('makes pending accounts wait for verification before submitting', async () => {
      const draft = (await t.http.post('/api/results').set(...bearer(pending)).send(resultPayload({ title: '待审核用户的草稿成果' })).expect(201)).body;
      const res = await t.http.post(`/api/results/${draft.id}/submit`).set(...bearer(pending)).send({}).expect(403);
      expect(res.body.code).toBe('ACCOUNT_NOT_VERIFIED');
    });

    it('answers a stale update with 409 and the current version, overwriting nothing', async () => {
      const draft = await createResult({ title: '乐观锁测试成果' });
      await t.http.patch(`/api/results/${draft.id}`).set(...bearer(researcher)).send({ version: 1, applications: '储能电站' }).expect(200);
      const stale = await t.http.patch(`/api/results/${draft.id}`).set(...bearer(researcher)).send({ version: 1, applications: '覆盖写入' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
      const now = await t.http.get(`/api/results/${draft.id}`).set(...bearer(researcher)).expect(200);
      expect(now.body.applications).toBe('储能电站');
    });

    it('sends a published listing back to review on a material edit, not on a keyword edit', async () => {
      const r = await createResult({ title: '固态电解质界面修饰技术', keywords: ['固态电池'] });
      await publish('results', r.id, researcher);
      let current = (await t.http.get(`/api/results/${r.id}`).set(...bearer(researcher))).body;
      const minor = await t.http.patch(`/api/results/${r.id}`).set(...bearer(researcher)).send({ version: current.version, keywords: ['固态电池', '界面'] }).expect(200);
      expect(minor.body).toMatchObject({ status: 'PUBLISHED', changedFields: ['keywords'] });
      current = (await t.http.get(`/api/results/${r.id}`).set(...bearer(researcher))).body;
      const major = await t.http.patch(`/api/results/${r.id}`).set(...bearer(researcher)).send({ version: current.version, trl: 7 }).expect(200);
      expect(major.body.status).toBe('SUBMITTED');
      await t.http.get(`/api/results/${r.id}`).expect(404);
    });

    it('forbids non-owners from changing a published result', async () => {
      const r = await createResult({ title: '非本人修改测试成果' });
      await publish('results', r.id, researcher);
      const current = (await t.http.get(`/api/results/${r.id}`)).body;
      await t.http.patch(`/api/results/${r.id}`).set(...bearer(otherResearcher)).send({ version: current.version, title: '被别人改了' }).expect(403);
      await t.http.post(`/api/results/${r.id}/archive`).set(...bearer(otherResearcher)).send({}).expect(403);
      expect((await t.http.get(`/api/results/${r.id}`)).body.title).toBe('非本人修改测试成果');
    });

    it('shows possible duplicates on submit: a shared patent number', async () => {
      const first = await createResult({ title: '钠离子电池层状氧化物正极', ipAssets: [{ type: 'INVENTION_PATENT', number: 'CN202310000003.4', status: 'PENDING' }] });
      await publish('results', first.id, researcher);
      const second = await createResult({ title: '一种钠电正极材料及其制备方法', ipAssets: [{ type: 'INVENTION_PATENT', number: 'cn 202310000003.4', status: 'PENDING' }] });
      const res = await t.http.post(`/api/results/${second.id}/submit`).set(...bearer(researcher)).send({}).expect(200);
      expect(res.body.duplicates).toEqual([expect.objectContaining({ id: first.id, reasons: ['PATENT_NUMBER'], sharedNumbers: ['CN202310000003.4'] })]);
      const forReviewer = await t.http.get(`/api/results/${second.id}/duplicates`).set(...bearer(broker)).expect(200);
      expect(forReviewer.body.items[0].id).toBe(first.id);
    });

    it('warns before expiry, expires, and renews', async () => {
      const r = await createResult({ title: '即将过期的成果', validUntil: futureDate(20) });
      await publish('results', r.id, researcher);
      const service = t.app.get(ListingsService);
      const first = await service.runExpiry(new Date());
      expect(first.warned).toBeGreaterThanOrEqual(1);
      const again = await service.runExpiry(new Date());
      expect(again.warned).toBe(0);
      const warned = (await t.http.get(`/api/results/${r.id}`).set(...bearer(researcher))).body;
      expect(warned.staleSoon).toBe(true);
      expect(warned.management.staleWarnedAt).not.toBeNull();
      await service.runExpiry(new Date(Date.now() + 25 * 86_400_000));
      const expired = (await t.http.get(`/api/results/${r.id}`).set(...bearer(researcher))).body;
      expect(expired.status).toBe('EXPIRED');
      await t.http.get(`/api/results/${r.id}`).expect(404);
      const renewed = await t.http.post(`/api/results/${r.id}/renew`).set(...bearer(researcher)).send({ validUntil: futureDate(300) }).expect(200);
      expect(renewed.body.status).toBe('PUBLISHED');
      await t.http.get(`/api/results/${r.id}`).expect(200);
    });
  });

  describe('search totals and facets under concurrent visitors (issue 14)', () => {
    it('computes the count and facets once for simultaneous identical searches, and again after a change', async () => {
      const dataSource = t.app.get(DataSource);
      const query = jest.spyOn(dataSource, 'query');
      const counts = (): number => query.mock.calls.filter(([sql]) => /^SELECT count\(\*\)::text AS n FROM "result"/.test(String(sql).trim())).length;
      try {
        // A filter no other test asks for, so the cache is cold.
        const ask = () => t.http.get('/api/results').query({ trlMin: 2, trlMax: 8, mode: 'LICENSE_GENERAL' }).expect(200);
        const answers = await Promise.all(Array.from({ length: 8 }, ask));
        expect(counts()).toBe(1);
        expect(new Set(answers.map((a) => JSON.stringify([a.body.total, a.body.facets]))).size).toBe(1);

        const created = await createResult();
        await publish('results', created.id, researcher);
        const after = await ask();
        expect(counts()).toBe(2);
        expect(after.body.total).toBeGreaterThanOrEqual(answers[0]!.body.total);
      } finally {
        query.mockRestore();
      }
    });
  });

  describe('cache headers on public reads (issue 14)', () => {
    it('anonymous answers are public and revalidated by ETag (304); signed-in ones are stored nowhere', async () => {
      const created = await createResult();
      await publish('results', created.id, researcher);
      const anonymous = await t.http.get(`/api/results/${created.code}`).expect(200);
      expect(anonymous.headers['cache-control']).toBe('public, no-cache');
      expect(anonymous.headers['vary']).toMatch(/\bAuthorization\b/i);
      const etag = anonymous.headers['etag'] as string;
      expect(etag).toBeTruthy();
      const again = await t.http.get(`/api/results/${created.code}`).set('If-None-Match', etag).expect(304);
      expect(again.text).toBe('');
      expect(again.headers['cache-control']).toBe('public, no-cache');

      // The confidential layer, or only the management flags: never in a cache, and never the anonymous copy.
      for (const who of [broker, researcher, otherResearcher]) {
        const signedIn = await t.http.get(`/api/results/${created.code}`).set(...bearer(who)).expect(200);
        expect(signedIn.headers['cache-control']).toBe('private, no-store');
        expect(signedIn.headers['vary']).toMatch(/\bAuthorization\b/i);
      }
      const asBroker = await t.http.get(`/api/results/${created.code}`).set(...bearer(broker)).set('If-None-Match', etag).expect(200);
      expect(asBroker.body.confidentialDetail).toContain('工艺卡');

      // An edit changes the ETag: the cached anonymous copy is not confirmed.
      await t.http.patch(`/api/results/${created.id}`).set(...bearer(researcher)).send({ version: asBroker.body.version, keywords: ['新关键词'] }).expect(200);
      const edited = await t.http.get(`/api/results/${created.code}`).set('If-None-Match', etag).expect(200);
      expect(edited.body.keywords).toEqual(['新关键词']);

      // Errors are not marked cacheable (their words follow Accept-Language).
      const missing = await t.http.get('/api/results/R2026-999999').expect(404);
      expect(missing.headers['cache-control'] ?? '').not.toContain('public');
    });

    it('marks search pages the same way', async () => {
      const page = await t.http.get('/api/results').query({ q: '电池' }).expect(200);
      expect(page.headers['cache-control']).toBe('public, no-cache');
      expect(page.headers['vary']).toMatch(/\bAuthorization\b/i);
      await t.http.get('/api/results').query({ q: '电池' }).set('If-None-Match', page.headers['etag'] as string).expect(304);
      const asBroker = await t.http.get('/api/needs').set(...bearer(broker)).expect(200);
      expect(asBroker.headers['cache-control']).toBe('private, no-store');
    });
  });

  describe('needs', () => {
    it('hides the enterprise of an anonymous need from the public, not from brokers', async () => {
      const need = (await t.http.post('/api/needs').set(...bearer(enterprise)).send(needPayload({ title: '匿名发布的储能需求', anonymous: true })).expect(201)).body;
      await publish('needs', need.id, enterprise);
      const pub = await t.http.get(`/api/needs/${need.id}`).expect(200);
      expect(pub.body.organization).toBeNull();
      expect(pub.body.confidentialDetail).toBeNull();
      const forBroker = await t.http.get(`/api/needs/${need.id}`).set(...bearer(broker)).expect(200);
      expect(forBroker.body.organization.nameZh).toBe('南京栖霞新能源科技有限公司');
      const search = await t.http.get('/api/needs').query({ q: '匿名发布的储能需求' }).expect(200);
      expect(search.body.items[0]).toMatchObject({ id: need.id, organization: null });
    });

    it('keeps budgets exact to the fen', async () => {
      const need = (await t.http.post('/api/needs').set(...bearer(enterprise)).send(needPayload({ title: '预算精度测试需求', budget: { negotiable: false, minFen: 123_456_789_01, maxFen: 9_007_199_254_740_991 } })).expect(201)).body;
      expect(need.budget).toEqual({ negotiable: false, minFen: 12_345_678_901, maxFen: 9_007_199_254_740_991 });
    });
  });

  describe('search', () => {
    beforeAll(async () => {
      const ids: Array<[string, Record<string, unknown>]> = [
        ['results', { title: '锂离子电池硅碳负极预锂化技术', keywords: ['硅碳负极', '预锂化'], fieldCodes: ['NE.BAT'], trl: 5, stage: 'SMALL_PILOT', transferModes: ['TRANSFER'], price: { negotiable: false, minFen: 80_000_000, maxFen: 150_000_000, priceType: 'FLOOR' } }],
        ['results', { title: '基于深度学习的钢材表面缺陷检测系统', keywords: ['机器视觉', '缺陷检测'], fieldCodes: ['AI.CV'], trl: 7, stage: 'PILOT', transferModes: ['LICENSE_GENERAL'], form: 'SOFTWARE', ipAssets: [], price: { negotiable: true, minFen: null, maxFen: null, priceType: null } }],
      ];
      for (const [kind, overrides] of ids) {
        const created = (await t.http.post(`/api/${kind}`).set(...bearer(researcher)).send(resultPayload(overrides)).expect(201)).body;
        await publish('results', created.id, researcher);
      }
    });

    it('finds by Chinese words with highlights', async () => {
      const res = await t.http.get('/api/results').query({ q: '硅碳负极' }).expect(200);
      const hit = res.body.items.find((h: { title: string }) => h.title === '锂离子电池硅碳负极预锂化技术');
      expect(hit).toBeDefined();
      expect(hit.titleHighlight.filter((s: { match: boolean }) => s.match).map((s: { text: string }) => s.text).join('')).toContain('硅碳负极');
    });

    it('finds simplified text with a traditional-character query', async () => {
      const res = await t.http.get('/api/results').query({ q: '鋰離子電池 負極' }).expect(200);
      expect(res.body.items.map((h: { title: string }) => h.title)).toContain('锂离子电池硅碳负极预锂化技术');
    });

    it('still finds a word the segmenter cut differently, through character bigrams', async () => {
      const res = await t.http.get('/api/results').query({ q: '碳负极预锂' }).expect(200);
      expect(res.body.items.map((h: { title: string }) => h.title)).toContain('锂离子电池硅碳负极预锂化技术');
    });

    it('follows admin synonyms after they change', async () => {
      const before = await t.http.get('/api/results').query({ q: '视觉质检' }).expect(200);
      expect(before.body.items.map((h: { title: string }) => h.title)).not.toContain('基于深度学习的钢材表面缺陷检测系统');
      await t.http.put('/api/synonyms').set(...bearer(admin)).send({ groups: [{ terms: ['缺陷检测', '视觉质检'] }] }).expect(200);
      const after = await t.http.get('/api/results').query({ q: '视觉质检' }).expect(200);
      expect(after.body.items.map((h: { title: string }) => h.title)).toContain('基于深度学习的钢材表面缺陷检测系统');
      await t.http.put('/api/synonyms').set(...bearer(broker)).send({ groups: [] }).expect(403);
    });

    it('filters by field with sub-fields, TRL, mode and money overlap; counts facets', async () => {
      const byField = await t.http.get('/api/results').query({ field: 'NE', limit: 100 }).expect(200);
      expect(byField.body.items.length).toBeGreaterThan(0);
      for (const hit of byField.body.items) expect(hit.fieldCodes.some((c: string) => c === 'NE' || c.startsWith('NE.'))).toBe(true);
      expect(byField.body.facets.fields).toEqual(expect.arrayContaining([{ value: 'NE', count: byField.body.total }]));
      const trl = await t.http.get('/api/results').query({ trlMin: 7, trlMax: 9, limit: 100 }).expect(200);
      for (const hit of trl.body.items) expect(hit.trl).toBeGreaterThanOrEqual(7);
      const mode = await t.http.get('/api/results').query({ mode: 'TRANSFER', limit: 100 }).expect(200);
      for (const hit of mode.body.items) expect(hit.modes).toContain('TRANSFER');
      const money = await t.http.get('/api/results').query({ moneyMinFen: 130_000_000, moneyMaxFen: 140_000_000, includeNegotiable: false, limit: 100 }).expect(200);
      const titles = money.body.items.map((h: { title: string }) => h.title);
      expect(titles).toContain('锂离子电池硅碳负极预锂化技术');
      expect(titles).not.toContain('基于深度学习的钢材表面缺陷检测系统');
      for (const hit of money.body.items) expect(hit.money.maxFen).toBeGreaterThanOrEqual(130_000_000);
    });

    it('pages with a cursor without losing or repeating a hit', async () => {
      const all = await t.http.get('/api/results').query({ sort: 'newest', limit: 100 }).expect(200);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.http.get('/api/results').query({ sort: 'newest', limit: 7, ...(cursor ? { cursor } : {}) }).expect(200);
        seen.push(...page.body.items.map((h: { id: string }) => h.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all.body.items.map((h: { id: string }) => h.id));
      await t.http.get('/api/results').query({ cursor: 'garbage!' }).expect(400);
    });

    it('offers the technology-field tree publicly', async () => {
      const res = await t.http.get('/api/fields').expect(200);
      expect(res.body.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['NE', 'BIO', 'AI', 'IME', 'ICV', 'EIC', 'NM', 'PC', 'EP']));
      expect(res.body.find((f: { code: string }) => f.code === 'NE').children.length).toBeGreaterThan(2);
    });
  });
});
