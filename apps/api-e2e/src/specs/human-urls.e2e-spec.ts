import { bearer, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 17: people read, type and share /results/R2026-000012, so each detail route answers to the
 * record's code as it does to its uuid (the web's old uuid links keep working).
 */
describe('detail routes by code or uuid', () => {
  let t: TestApp;
  let broker: Session;
  let researcher: Session;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    [broker, researcher] = await Promise.all([loginDemo(t.http, 'broker'), loginDemo(t.http, 'researcher')]);
  }, 180_000);
  afterAll(() => t.close());

  it.each([
    ['results', /^R\d{4}-\d{6}$/],
    ['needs', /^N\d{4}-\d{6}$/],
  ])('GET /api/%s/:code answers like /:id, publicly; lower case is read too', async (segment, format) => {
    const hit = (await t.http.get(`/api/${segment}?limit=1`).expect(200)).body.items[0] as { id: string; code: string };
    expect(hit.code).toMatch(format);
    const byId = await t.http.get(`/api/${segment}/${hit.id}`).expect(200);
    const byCode = await t.http.get(`/api/${segment}/${hit.code}`).expect(200);
    expect(byCode.body).toEqual(byId.body);
    expect((await t.http.get(`/api/${segment}/${hit.code.toLowerCase()}`).expect(200)).body.id).toBe(hit.id);
  });

  it('GET /api/deals/:code and /api/contracts/:code answer like /:id, with the same access rule', async () => {
    const deals = (await t.http.get('/api/deals?limit=50').set(...bearer(broker)).expect(200)).body.items as Array<{ id: string; code: string }>;
    const deal = deals[0];
    if (!deal) throw new Error('the demo seed has deals');
    expect(deal.code).toMatch(/^D\d{4}-\d{6}$/);
    const dealById = await t.http.get(`/api/deals/${deal.id}`).set(...bearer(broker)).expect(200);
    const dealByCode = await t.http.get(`/api/deals/${deal.code}`).set(...bearer(broker)).expect(200);
    expect(dealByCode.body).toEqual(dealById.body);

    const contracts = (await t.http.get('/api/contracts?limit=1').set(...bearer(broker)).expect(200)).body.items as Array<{ id: string; code: string }>;
    const contract = contracts[0];
    if (!contract) throw new Error('the demo seed has contracts');
    expect(contract.code).toMatch(/^C\d{4}-\d{6}$/);
    const byId = await t.http.get(`/api/contracts/${contract.id}`).set(...bearer(broker)).expect(200);
    const byCode = await t.http.get(`/api/contracts/${contract.code}`).set(...bearer(broker)).expect(200);
    expect(byCode.body).toEqual(byId.body);

    // A code is no key past the access rule: someone outside a deal gets the same 404 as for an unknown code.
    const outsider = await loginDemo(t.http, 'enterprise');
    const theirs = new Set(((await t.http.get('/api/deals?limit=50').set(...bearer(outsider)).expect(200)).body.items as Array<{ id: string }>).map((d) => d.id));
    const notTheirs = deals.find((d) => !theirs.has(d.id));
    if (notTheirs) expect((await t.http.get(`/api/deals/${notTheirs.code}`).set(...bearer(outsider)).expect(404)).body.code).toBe('DEAL_NOT_FOUND');
  });

  it('introductions, their duplicate refusal and notifications name the deal by its code too', async () => {
    const enterprise = await loginDemo(t.http, 'enterprise');
    const results = (await t.http.get('/api/results?limit=50').expect(200)).body.items as Array<{ id: string }>;
    const message = '我司希望了解该技术的中试数据与许可条件，请安排对接。';
    let asked: { dealId: string | null; dealCode: string | null } | undefined;
    let resultId = '';
    for (const r of results) {
      const res = await t.http.post('/api/introductions').set(...bearer(enterprise)).send({ resultId: r.id, message });
      if (res.status === 201) {
        asked = res.body;
        resultId = r.id;
        break;
      }
    }
    if (!asked?.dealId) throw new Error('the enterprise can ask for an introduction to some demo result');
    const deal = (await t.http.get(`/api/deals/${asked.dealId}`).set(...bearer(broker)).expect(200)).body as { code: string };
    expect(asked.dealCode).toBe(deal.code);
    const again = await t.http.post('/api/introductions').set(...bearer(enterprise)).send({ resultId, message }).expect(409);
    expect(again.body).toMatchObject({ code: 'INTRODUCTION_DUPLICATE', dealId: asked.dealId, dealCode: deal.code });
    const bell = (await t.http.get('/api/notifications?limit=50').set(...bearer(broker)).expect(200)).body.items as Array<{ dealId: string | null; dealCode: string | null }>;
    expect(bell.find((n) => n.dealId === asked?.dealId)?.dealCode).toBe(deal.code);
    expect(bell.filter((n) => n.dealId === null).every((n) => n.dealCode === null)).toBe(true);
  });

  it.each([
    ['results', 'R2099-999999', 'LISTING_NOT_FOUND'],
    ['needs', 'N2099-999999', 'LISTING_NOT_FOUND'],
    ['deals', 'D2099-999999', 'DEAL_NOT_FOUND'],
    ['contracts', 'C2099-999999', 'CONTRACT_NOT_FOUND'],
  ])('an unknown code on /api/%s is 404 %s', async (segment, code, error) => {
    const res = await t.http.get(`/api/${segment}/${code}`).set(...bearer(broker)).set('Accept-Language', 'zh-CN').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: error });
  });

  it.each([
    ['results', 'N2026-000001'],
    ['needs', 'R2026-000001'],
    ['deals', 'C2026-000001'],
    ['contracts', 'not-a-code'],
    ['results', 'R2026-1'],
  ])('/api/%s/%s (another kind’s code, or no code at all) is 400 like a malformed uuid', async (segment, ref) => {
    const res = await t.http.get(`/api/${segment}/${ref}`).set(...bearer(researcher)).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});
