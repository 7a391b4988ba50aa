import { PRIORITY_CHAINS } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { loadConfig } from '@xkx/api/testing';
import { startTestApp, TestApp } from '../support/test-app';

describe('demo seed, organizations and overview', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
  });
  afterAll(() => t.close());

  it('seeds the Qixia institutions and enterprises into an empty database', async () => {
    const res = await t.http.get('/api/stats/overview').expect(200);
    expect(res.body.universities).toBeGreaterThanOrEqual(5);
    expect(res.body.institutes).toBeGreaterThanOrEqual(1);
    expect(res.body.enterprises).toBeGreaterThanOrEqual(5);
    expect(res.body.institutions).toBe(res.body.universities + res.body.institutes);
  });

  it('answers the home page in one public, cacheable request: newest listings, counts by field as the search counts them, running notices', async () => {
    const res = await t.http.get('/api/portal/home').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const home = res.body;
    const search = (await t.http.get('/api/results').query({ sort: 'newest', limit: 6 }).expect(200)).body;
    expect(home.latestResults.map((r: { id: string }) => r.id)).toEqual(search.items.map((r: { id: string }) => r.id));
    expect(home.latestNeeds.length).toBeGreaterThan(0);
    expect(home.fields.map((f: { code: string }) => f.code)).toEqual(PRIORITY_CHAINS.map((c) => c.code));
    for (const f of home.fields as Array<{ code: string; results: number }>) {
      expect(f.results).toBe(search.facets.fields.find((x: { value: string }) => x.value === f.code)?.count ?? 0);
    }
    const today = shanghaiDate();
    expect(home.noticeTotal).toBeGreaterThan(0);
    expect(home.notices.length).toBe(Math.min(4, home.noticeTotal));
    for (const n of home.notices as Array<{ startsOn: string; endsOn: string }>) expect(n.startsOn <= today && today <= n.endsOn).toBe(true);
    const running = (await t.http.get('/api/public-notices').expect(200)).body.items.filter((n: { startsOn: string }) => n.startsOn <= today);
    expect(home.noticeTotal).toBe(running.length);
  });

  it('serves the footer from the configuration, demo defaults included', async () => {
    const res = await t.http.get('/api/portal/site').expect(200);
    expect(res.body).toEqual({ operator: '栖霞区技术转移中心（演示站点）', contact: '025-0000 0000 · service@xkx.demo', icp: '苏ICP备00000000号（演示）' });
    expect(loadConfig({ XKX_SITE_ICP: 'none' }).XKX_SITE_ICP).toBe('none');
  });

  it('never seeds a database that has data', async () => {
    const { seedDemoData } = await import('@xkx/api/testing');
    const { DataSource } = await import('typeorm');
    const before = (await t.http.get('/api/organizations?limit=100').expect(200)).body.total;
    expect(await seedDemoData(t.app.get(DataSource))).toBe(false);
    const after = (await t.http.get('/api/organizations?limit=100').expect(200)).body.total;
    expect(after).toBe(before);
  });

  it.each([
    ['南京大学', '南京大学'],
    ['njdx', '南京大学'],
    ['nanjingyoudian', '南京邮电大学'],
    ['NJYDDX', '南京邮电大学'],
    ['南邮', '南京邮电大学'],
  ])('finds organizations by name, pinyin or initials: %s', async (q, expected) => {
    const res = await t.http.get('/api/organizations').query({ q }).expect(200);
    expect(res.body.items.map((o: { nameZh: string }) => o.nameZh)).toContain(expected);
  });

  it('filters by kind and never leaks internal columns', async () => {
    const res = await t.http.get('/api/organizations?kind=ENTERPRISE&limit=100').expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const org of res.body.items) {
      expect(org.kind).toBe('ENTERPRISE');
      expect(org).not.toHaveProperty('pinyin');
      expect(org).not.toHaveProperty('version');
    }
  });

  it('returns 404 with a code for an unknown organization', async () => {
    const res = await t.http.get('/api/organizations/00000000-0000-4000-8000-000000000000').expect(404);
    expect(res.body.code).toBe('ORGANIZATION_NOT_FOUND');
  });
});

describe('organization lookups for registration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
  });
  afterAll(() => t.close());

  it('filters by several kinds at once and finds an enterprise by its credit code', async () => {
    const both = await t.http.get('/api/organizations?kind=UNIVERSITY,INSTITUTE&limit=100').expect(200);
    const kinds = new Set(both.body.items.map((o: { kind: string }) => o.kind));
    expect(kinds).toEqual(new Set(['UNIVERSITY', 'INSTITUTE']));
    const ent = (await t.http.get('/api/organizations?kind=ENTERPRISE&limit=1').expect(200)).body.items[0];
    const detail = (await t.http.get(`/api/organizations/${ent.id}`).expect(200)).body;
    const byCode = await t.http.get('/api/organizations').query({ q: detail.creditCode.toLowerCase() }).expect(200);
    expect(byCode.body.items.map((o: { id: string }) => o.id)).toEqual([ent.id]);
  });
});
