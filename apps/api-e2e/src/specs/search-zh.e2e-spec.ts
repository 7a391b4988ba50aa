import { bearer, loginDemo } from '../support/auth';
import { resultPayload } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';

interface Hit {
  title: string;
  fieldCodes: string[];
  organization: { nameZh: string } | null;
  score: number | null;
}

/** Issue 15's search misses, each reproduced on the demo market before it was fixed. */
describe('Chinese search over the demo market (issue 15)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
  });
  afterAll(() => t.close());

  const search = async (q: string, kind: 'results' | 'needs' = 'results'): Promise<{ items: Hit[]; total: number }> =>
    (await t.http.get(`/api/${kind}`).query({ q, limit: 100 }).expect(200)).body;
  const filed = async (field: string, kind: 'results' | 'needs' = 'results'): Promise<string[]> =>
    (await t.http.get(`/api/${kind}`).query({ field, limit: 100 }).expect(200)).body.items.map((h: Hit) => h.title);
  const titles = (hits: Hit[]): string[] => hits.map((h) => h.title);

  describe('the technology-field tree is part of the text', () => {
    it('新材料 finds every result filed under 新材料 (it found none)', async () => {
      const underNm = await filed('NM');
      expect(underNm.length).toBeGreaterThan(3);
      const res = await search('新材料');
      expect(titles(res.items)).toEqual(expect.arrayContaining(underNm));
    });

    it('新能源 finds the results filed under 新能源 and its sub-fields (it found 3 unrelated ones)', async () => {
      const underNe = await filed('NE');
      const res = await search('新能源');
      expect(titles(res.items)).toEqual(expect.arrayContaining(underNe));
      // The first hits are filed under the field or say the word; hits that only say it in passing come later.
      expect(res.items[0]?.fieldCodes.some((c) => c.startsWith('NE'))).toBe(true);
    });

    it('人工智能 finds computer-vision and large-model results (it found one)', async () => {
      const res = await search('人工智能');
      const found = titles(res.items);
      expect(found).toEqual(expect.arrayContaining(await filed('AI.CV')));
      expect(found).toContain('面向企业知识库的大模型检索增强问答系统');
      expect(res.total).toBeGreaterThan(5);
    });

    it('ranks a listing found only through its field below a listing that says the word', async () => {
      const [researcher, broker] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'broker')]);
      const publish = async (overrides: Record<string, unknown>): Promise<void> => {
        const created = (await t.http.post('/api/results').set(...bearer(researcher)).send(resultPayload(overrides)).expect(201)).body;
        await t.http.post(`/api/results/${created.id}/submit`).set(...bearer(researcher)).send({}).expect(200);
        await t.http.post(`/api/results/${created.id}/approve`).set(...bearer(broker)).send({}).expect(200);
      };
      await publish({ title: '质子交换膜电解槽双极板涂层', fieldCodes: ['NE.H2'] });
      await publish({ title: '发酵罐溶氧在线监测', publicSummary: '可用于氢能与生物发酵两类装置的溶解气体在线监测。', fieldCodes: ['BIO.DRUG'] });
      const order = titles((await search('氢能')).items);
      expect(order).toContain('质子交换膜电解槽双极板涂层');
      expect(order.indexOf('发酵罐溶氧在线监测')).toBeLessThan(order.indexOf('质子交换膜电解槽双极板涂层'));
    });
  });

  describe('narrower terms (synonym groups with a relation)', () => {
    it('expands a broader term downward, ranked below a direct hit, and follows the admin', async () => {
      const admin = await loginDemo(t.http, 'admin');
      const term = '缺陷检测';
      const before = await search('视觉算法');
      const group = (await t.http.post('/api/synonyms').set(...bearer(admin)).send({ terms: ['视觉算法', term], relation: 'NARROWER' }).expect(201)).body;
      expect(group).toMatchObject({ terms: ['视觉算法', term], relation: 'NARROWER' });
      const after = await search('视觉算法');
      expect(after.total).toBeGreaterThan(before.total);
      const direct = titles(before.items);
      const widened = titles(after.items).filter((x) => !direct.includes(x));
      expect(widened.length).toBeGreaterThan(0);
      // Every direct hit stays ahead of what the narrower term added.
      const order = titles(after.items);
      for (const d of direct) for (const w of widened) expect(order.indexOf(d)).toBeLessThan(order.indexOf(w));
      // A narrower group may reuse a term of an equivalence group; an equivalence group may not.
      await t.http.post('/api/synonyms').set(...bearer(admin)).send({ terms: ['人工智能', '机器视觉'], relation: 'NARROWER' }).expect(201);
      await t.http.post('/api/synonyms').set(...bearer(admin)).send({ terms: ['机器视觉', '视觉识别'] }).expect(409);
      await t.http.delete(`/api/synonyms/${group.id}`).set(...bearer(admin)).expect(204);
      expect((await search('视觉算法')).total).toBe(before.total);
    });
  });

  describe('pinyin', () => {
    it('lidianchi and ldc find 锂电池 results (they found nothing)', async () => {
      const chinese = titles((await search('锂离子电池')).items);
      for (const q of ['lidianchi', 'ldc', 'LiDianChi']) {
        const res = await search(q);
        expect(res.total).toBeGreaterThan(0);
        expect(titles(res.items)).toContain('锂离子电池热失控多参量早期预警技术');
        for (const title of titles(res.items)) expect(chinese).toContain(title);
      }
    });

    it('finds listings by their organization’s pinyin and initials, never an anonymous need’s', async () => {
      const byName = (await t.http.get('/api/results').query({ q: 'njdx', limit: 100 }).expect(200)).body as { items: Hit[] };
      expect(byName.items.length).toBeGreaterThan(0);
      for (const hit of byName.items) expect(hit.organization?.nameZh).toBe('南京大学');
      const full = (await search('nanjingdaxue')).items;
      expect(titles(full).sort()).toEqual(titles(byName.items).sort());
      const needs = (await search('njdx', 'needs')).items;
      for (const hit of needs) expect(hit.organization).not.toBeNull();
    });
  });

  describe('an empty result offers corrections and related fields (it said only “没有找到…”)', () => {
    interface Suggestions {
      corrections: string[];
      relatedFields: Array<{ code: string; nameZh: string; nameEn: string }>;
    }
    const suggest = async (q: string, kind: 'results' | 'needs' = 'results'): Promise<{ total: number; suggestions: Suggestions | null }> =>
      (await t.http.get(`/api/${kind}`).query({ q }).expect(200)).body;

    it('corrects a homophone typo to a word with hits and names the field', async () => {
      const res = await suggest('锂电吃');
      expect(res.total).toBe(0);
      expect(res.suggestions?.corrections).toContain('锂电池');
      expect(res.suggestions?.relatedFields.map((f) => f.code)).toContain('NE.BAT');
      expect(res.suggestions?.relatedFields[0]).toEqual(expect.objectContaining({ nameZh: expect.any(String), nameEn: expect.any(String) }));
      // Every correction offered finds something.
      for (const correction of res.suggestions?.corrections ?? []) expect((await search(correction)).total).toBeGreaterThan(0);
    });

    it('turns a pinyin query without hits into the word', async () => {
      const res = await suggest('qingneng');
      expect(res.total).toBe(0);
      expect(res.suggestions?.corrections).toContain('氢能');
      expect(res.suggestions?.relatedFields.map((f) => f.code)).toContain('NE.H2');
    });

    it('offers nothing when there are hits, and no correction without hits behind it', async () => {
      expect((await suggest('锂离子电池')).suggestions).toBeNull();
      const nonsense = await suggest('zzzzqqq');
      expect(nonsense).toMatchObject({ total: 0, suggestions: { corrections: [], relatedFields: [] } });
    });
  });
});
