import { servedRoutes } from '@xkx/api/testing';
import { bearer, login, loginDemo, registerAndSignIn, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Who may call what, written down by hand and checked against the running app (issue 11).
 *
 * The routes come from the HTTP server's own router, so a route inherited from the listing controller
 * factory, or declared any other way, is seen. Every served route must have a row here, and every row a
 * route: a new route fails this test until someone decides, in this table, who may call it. The expected
 * outcomes are not read from the routes' declarations, so a wrong declaration fails too.
 *
 * Callers (columns, in this order):
 *   anonymous  no token
 *   pending    an ENTERPRISE account that registered with the credit code of the demo enterprise and is
 *              not yet approved (the attack of issue 11)
 *   member     a verified member of that enterprise (enterprise@xkx.demo)
 *   other      a verified ENTERPRISE member of another enterprise
 *   broker     broker@xkx.demo
 *   admin      admin@xkx.demo
 *
 * Outcomes:
 *   +  allowed: 2xx, or a 4xx that is about the request (400, 409 …), not 401/403/404
 *   ~  passes the access check: anything but 401/403 (used where the id is made up, so 404 is fine)
 *   1  401 not signed in
 *   3  403 forbidden (any code but ACCOUNT_NOT_VERIFIED)
 *   P  403 ACCOUNT_NOT_VERIFIED: the role may, once its membership is approved
 *   4  404: the caller may not know the record exists
 * No caller may ever get a 5xx.
 *
 * Reads use real records (the enterprise's published need, its deal and the organization; a published result
 * and a contract of other parties);
 * writes use a made-up id and an empty body unless REQUESTS says otherwise, so the table changes nothing.
 */
const TABLE: Record<string, string> = {
  //                                                     anon pend memb othr brok admn
  'GET /api/attachments':                                '+ + + + + +',
  'POST /api/attachments':                               '1 + + + + +',
  'GET /api/attachments/:id/content':                    '~ ~ ~ ~ ~ ~',
  'DELETE /api/attachments/:id':                         '1 ~ ~ ~ ~ ~',
  'GET /api/audit-logs':                                 '1 3 3 3 3 +',
  'GET /api/audit-logs/export.xlsx':                     '1 3 3 3 3 +',
  'GET /api/carriers':                                   '+ + + + + +',
  'POST /api/carriers':                                  '1 3 3 3 + +',
  'GET /api/carriers/:id':                               '~ ~ ~ ~ ~ ~',
  'PATCH /api/carriers/:id':                             '1 3 3 3 ~ ~',
  'GET /api/instruments':                                '+ + + + + +',
  'POST /api/instruments':                               '1 3 3 3 + +',
  'GET /api/instruments/:id':                            '~ ~ ~ ~ ~ ~',
  'PATCH /api/instruments/:id':                          '1 3 3 3 ~ ~',
  'POST /api/instruments/:id/requests':                  '1 P ~ ~ ~ ~',
  'GET /api/instrument-requests':                        '1 P + + + +',
  'GET /api/instrument-requests/:id':                    '1 P ~ ~ ~ ~',
  'POST /api/instrument-requests/:id/answer':            '1 3 3 3 ~ ~',
  'POST /api/auth/change-password':                      '1 + + + + +',
  'POST /api/auth/forgot-password':                      '+ + + + + +',
  'POST /api/auth/login':                                '+ + + + + +',
  'POST /api/auth/logout':                               '+ + + + + +',
  'GET /api/auth/me':                                    '1 + + + + +',
  'PATCH /api/auth/me':                                  '1 + + + + +',
  'POST /api/auth/refresh':                              '+ + + + + +',
  'POST /api/auth/register':                             '+ + + + + +',
  'POST /api/auth/reset-password':                       '+ + + + + +',
  'GET /api/contract-types':                             '1 + + + + +',
  'PUT /api/contract-types/:code':                       '1 3 3 3 3 ~',
  'GET /api/contracts':                                  '1 3 3 3 + +',
  'POST /api/contracts':                                 '1 3 3 3 + +',
  'GET /api/contracts/:id':                              '1 P 4 4 + +',
  'GET /api/contracts/:id/history':                      '1 P 4 4 + +',
  'PATCH /api/contracts/:id':                            '1 3 3 3 ~ ~',
  'POST /api/contracts/:id/amendments':                  '1 3 3 3 ~ ~',
  'POST /api/contracts/:id/payments':                    '1 3 3 3 ~ ~',
  'PUT /api/contracts/:id/registration':                 '1 3 3 3 ~ ~',
  'GET /api/deals':                                      '1 P + + + +',
  'POST /api/deals':                                     '1 3 3 3 + +',
  'GET /api/deals/board':                                '1 3 3 3 + +',
  'GET /api/deals/export.xlsx':                          '1 3 3 3 + +',
  'POST /api/deals/bulk-reassign':                       '1 3 3 3 + +',
  'GET /api/deals/:id':                                  '1 P + 4 + +',
  'PATCH /api/deals/:id':                                '1 3 3 3 ~ ~',
  'GET /api/deals/:id/messages':                         '1 P + 4 + +',
  'POST /api/deals/:id/messages':                        '1 P + 4 + +',
  'POST /api/deals/:id/nda/accept':                      '1 P ~ ~ ~ ~',
  'GET /api/deals/:id/offers':                           '1 P + 4 + +',
  'POST /api/deals/:id/offers':                          '1 P ~ ~ ~ ~',
  'POST /api/deals/:id/offers/:offerId/accept':          '1 P ~ ~ ~ ~',
  'POST /api/deals/:id/offers/:offerId/decline':         '1 P ~ ~ ~ ~',
  'POST /api/deals/:id/participants':                    '1 3 3 3 ~ ~',
  'GET /api/deals/:id/timeline':                         '1 P + 4 + +',
  'GET /api/deals/:id/landing':                          '1 P + 4 + +',
  'PUT /api/deals/:id/landing':                          '1 3 3 3 ~ ~',
  'GET /api/deals/:id/history':                          '1 P + 4 + +',
  'GET /api/deals/:id/closure':                          '1 P + 4 + +',
  'POST /api/deals/:id/closure/confirm':                 '1 3 3 3 ~ ~',
  'POST /api/deals/:id/closure/keep':                    '1 3 3 3 ~ ~',
  'POST /api/deals/:id/transitions':                     '1 3 3 3 ~ ~',
  'GET /api/exports/:kind':                              '1 3 3 3 + +',
  'GET /api/fields':                                     '+ + + + + +',
  'POST /api/fields':                                    '1 3 3 3 3 +',
  'PATCH /api/fields/:code':                             '1 3 3 3 3 ~',
  'GET /api/health':                                     '+ + + + + +',
  'GET /api/health/live':                                '+ + + + + +',
  'GET /api/health/ready':                               '+ + + + + +',
  'POST /api/imports':                                   '1 3 3 3 + +',
  'GET /api/imports/template':                           '1 3 3 3 + +',
  'GET /api/imports/:id':                                '1 3 3 3 ~ ~',
  'POST /api/imports/:id/decision':                      '1 3 3 3 ~ ~',
  'GET /api/introductions':                              '1 P + + + +',
  'POST /api/introductions':                             '1 P + + + +',
  'GET /api/introductions/:id':                          '1 P ~ ~ ~ ~',
  'POST /api/introductions/:id/answer':                  '1 P ~ ~ ~ ~',
  'GET /api/jobs':                                       '1 3 3 3 3 +',
  'GET /api/jobs/:id':                                   '1 3 3 3 3 ~',
  'POST /api/jobs/:id/retry':                            '1 3 3 3 3 ~',
  'GET /api/kpis':                                       '1 3 3 3 + +',
  'GET /api/kpis/breakdown':                             '1 3 3 3 + +',
  'GET /api/kpis/export.csv':                            '1 3 3 3 + +',
  'GET /api/kpis/export.xlsx':                           '1 3 3 3 + +',
  'GET /api/kpis/funnel':                                '1 3 3 3 + +',
  'GET /api/kpis/landings':                              '1 3 3 3 + +',
  'GET /api/kpis/landings/records':                      '1 3 3 3 + +',
  'GET /api/kpis/cultivation':                           '1 3 3 3 + +',
  'GET /api/kpis/public':                                '+ + + + + +',
  'GET /api/kpis/records':                               '1 3 3 3 + +',
  'GET /api/kpis/reports/monthly.xlsx':                  '1 3 3 3 + +',
  'PUT /api/kpis/related-parties/:contractId':           '1 3 3 3 3 ~',
  'GET /api/kpis/rnd-spending':                          '1 3 3 3 + +',
  'GET /api/kpis/rnd-spending/mine':                     '1 P + + + +',
  'PUT /api/kpis/rnd-spending/:organizationId/:year':    '1 P + 3 + +',
  'GET /api/kpis/subsidies':                             '1 3 3 3 + +',
  'GET /api/kpis/subsidies/export.xlsx':                 '1 3 3 3 + +',
  'GET /api/kpis/targets':                               '1 3 3 3 + +',
  'PUT /api/kpis/targets':                               '1 3 3 3 3 +',
  'POST /api/matches/feedback':                          '1 P + + + +',
  'GET /api/matches/opportunities':                      '1 3 3 3 + +',
  'GET /api/nda/current':                                '1 + + + + +',
  'GET /api/nda/versions':                               '1 3 3 3 3 +',
  'POST /api/nda/versions':                              '1 3 3 3 3 +',
  'GET /api/nda/views':                                  '1 4 + 4 + +',
  'GET /api/me/notification-preferences':               '1 + + + + +',
  'PUT /api/me/notification-preferences':               '1 + + + + +',
  'GET /api/me/todo':                                    '1 + + + + +',
  'GET /api/experts':                                    '+ + + + + +',
  'POST /api/experts':                                   '1 3 3 3 + +',
  'GET /api/experts/me':                                 '1 3 3 3 ~ ~',
  'GET /api/experts/import-template':                    '1 3 3 3 + +',
  'POST /api/experts/import':                           '1 3 3 3 + +',
  'GET /api/experts/:id':                                '~ ~ ~ ~ ~ ~',
  'PATCH /api/experts/:id':                              '1 3 3 3 ~ ~',
  'POST /api/experts/:id/verify':                        '1 3 3 3 ~ ~',
  'GET /api/laboratories':                               '+ + + + + +',
  'POST /api/laboratories':                              '1 3 3 3 + +',
  'GET /api/laboratories/:id':                           '~ ~ ~ ~ ~ ~',
  'PATCH /api/laboratories/:id':                         '1 3 3 3 ~ ~',
  'GET /api/needs':                                      '+ + + + + +',
  'POST /api/needs':                                     '1 + + + + +',
  'GET /api/needs/mine':                                 '1 + + + + +',
  'GET /api/needs/review-queue':                         '1 3 3 3 + +',
  'POST /api/needs/bulk-review':                         '1 3 3 3 + +',
  'GET /api/needs/:id':                                  '+ + + + + +',
  'PATCH /api/needs/:id':                                '1 3 + 3 + +',
  'POST /api/needs/:id/approve':                         '1 3 3 3 ~ ~',
  'POST /api/needs/:id/archive':                         '1 ~ ~ ~ ~ ~',
  'GET /api/needs/:id/duplicates':                       '1 4 + 4 + +',
  'GET /api/needs/:id/history':                          '1 4 + 4 + +',
  'GET /api/needs/:id/matches':                          '1 P + 4 + +',
  'GET /api/needs/:id/expert-matches':                   '1 P + 4 + +',
  'GET /api/needs/:id/laboratory-matches':               '1 P + 4 + +',
  'POST /api/needs/:id/reject':                          '1 3 3 3 ~ ~',
  'POST /api/needs/:id/renew':                           '1 ~ ~ ~ ~ ~',
  'POST /api/needs/:id/request-changes':                 '1 3 3 3 ~ ~',
  'POST /api/needs/:id/start-review':                    '1 3 3 3 ~ ~',
  'POST /api/needs/:id/submit':                          '1 P ~ ~ ~ ~',
  'GET /api/notifications':                              '1 + + + + +',
  'POST /api/notifications/read-all':                    '1 + + + + +',
  'POST /api/notifications/:id/read':                    '1 ~ ~ ~ ~ ~',
  'GET /api/organizations':                              '+ + + + + +',
  'POST /api/organizations':                             '1 3 3 3 3 +',
  'GET /api/organizations/import-template':              '1 3 3 3 3 +',
  'GET /api/organizations/:id':                          '+ + + + + +',
  'PATCH /api/organizations/:id':                        '1 3 3 3 3 ~',
  'GET /api/outbox':                                     '1 3 3 3 3 +',
  'GET /api/portal/home':                                '+ + + + + +',
  'GET /api/portal/site':                                '+ + + + + +',
  'GET /api/public-notices':                             '+ + + + + +',
  'GET /api/public-notices/:id':                         '~ ~ ~ ~ ~ ~',
  'GET /api/public-notices/:id/objections':              '1 3 3 3 ~ ~',
  'POST /api/public-notices/:id/objections':             '~ ~ ~ ~ ~ ~',
  'POST /api/public-notices/:id/objections/:objectionId/answer': '1 3 3 3 ~ ~',
  'GET /api/registration-fields':                        '1 + + + + +',
  'PUT /api/registration-fields/:key':                   '1 3 3 3 3 ~',
  'GET /api/results':                                    '+ + + + + +',
  'POST /api/results':                                   '1 3 3 3 + +',
  'GET /api/results/mine':                               '1 3 3 3 + +',
  'GET /api/results/review-queue':                       '1 3 3 3 + +',
  'POST /api/results/bulk-review':                       '1 3 3 3 + +',
  'GET /api/results/:id':                                '+ + + + + +',
  'PATCH /api/results/:id':                              '1 3 3 3 + +',
  'POST /api/results/:id/approve':                       '1 3 3 3 ~ ~',
  'POST /api/results/:id/archive':                       '1 3 3 3 ~ ~',
  'GET /api/results/:id/duplicates':                     '1 3 3 3 + +',
  'GET /api/results/:id/history':                        '1 3 3 3 + +',
  'GET /api/results/:id/matches':                        '1 P 4 4 + +',
  'POST /api/results/:id/reject':                        '1 3 3 3 ~ ~',
  'POST /api/results/:id/renew':                         '1 3 3 3 ~ ~',
  'POST /api/results/:id/request-changes':               '1 3 3 3 ~ ~',
  'POST /api/results/:id/start-review':                  '1 3 3 3 ~ ~',
  'POST /api/results/:id/submit':                        '1 P ~ ~ ~ ~',
  'GET /api/setup':                                      '+ + + + + +',
  'POST /api/setup/administrator':                       '+ + + + + +',
  'GET /api/stats/overview':                             '+ + + + + +',
  'GET /api/synonyms':                                   '1 3 3 3 3 +',
  'PUT /api/synonyms':                                   '1 3 3 3 3 +',
  'POST /api/synonyms':                                  '1 3 3 3 3 +',
  'PATCH /api/synonyms/:id':                             '1 3 3 3 3 ~',
  'DELETE /api/synonyms/:id':                            '1 3 3 3 3 ~',
  'GET /api/users':                                      '1 3 3 3 + +',
  'POST /api/users':                                     '1 3 3 3 3 +',
  'POST /api/users/invitations':                         '1 3 3 3 3 +',
  'GET /api/users/verification-queue':                   '1 3 3 3 + +',
  'POST /api/users/bulk-verify':                         '1 3 3 3 + +',
  'GET /api/users/:id':                                  '1 3 3 3 + +',
  'POST /api/users/:id/reject':                          '1 3 3 3 ~ ~',
  'PATCH /api/users/:id/role':                           '1 3 3 3 3 ~',
  'PATCH /api/users/:id/status':                         '1 3 3 3 3 ~',
  'POST /api/users/:id/verify':                          '1 3 3 3 ~ ~',
};

/** Writes that act on the enterprise's real records, with a body that reaches the ownership check but changes nothing lasting. */
const REQUESTS: Record<string, { body?: (f: Fixtures) => object; query?: (f: Fixtures) => Record<string, string> }> = {
  // A stale version: whoever may edit gets 409 and nothing is written; the others never get that far.
  'PATCH /api/needs/:id': { body: () => ({ version: 999_999 }) },
  'PATCH /api/results/:id': { body: () => ({ version: 999_999 }) },
  'POST /api/deals/:id/messages': { body: () => ({ body: '授权矩阵测试消息' }) },
  'PUT /api/kpis/rnd-spending/:organizationId/:year': { body: () => ({ amountFen: 100 }) },
  'GET /api/nda/views': { query: (f) => ({ kind: 'NEED', listingId: f.needId }) },
  'GET /api/exports/:kind': {},
  // The attachments of the enterprise's published need: public, like the need.
  'GET /api/attachments': { query: (f) => ({ targetType: 'NEED', targetId: f.needId }) },
};

const COLUMNS = ['anonymous', 'pending', 'member', 'other', 'broker', 'admin'] as const;
type Column = (typeof COLUMNS)[number];
const MADE_UP = '00000000-0000-4000-8000-000000000000';

interface Fixtures {
  orgId: string;
  needId: string;
  resultId: string;
  dealId: string;
  contractId: string;
  applicantId: string;
}

describe('authorization matrix', () => {
  let t: TestApp;
  let f: Fixtures;
  const sessions = new Map<Column, Session>();

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    const [member, broker, admin] = [await loginDemo(t.http, 'enterprise'), await loginDemo(t.http, 'broker'), await loginDemo(t.http, 'admin')];
    const password = 'Matrix-Callers-2026!';
    const orgId: string = (await t.http.get('/api/auth/me').set(...bearer(member)).expect(200)).body.organization.id;
    const orgs = (await t.http.get('/api/organizations').query({ kind: 'ENTERPRISE', limit: 100 }).expect(200)).body.items as Array<{ id: string; kind: string }>;
    const otherOrg = orgs.find((o) => o.kind === 'ENTERPRISE' && o.id !== orgId);
    if (!otherOrg) throw new Error('the demo data has only one enterprise');
    await t.http.post('/api/users').set(...bearer(admin)).send({ email: 'other@matrix.cn', password, name: '别家企业', role: 'ENTERPRISE', organizationId: otherOrg.id }).expect(201);
    const creditCode: string = (await t.http.get(`/api/organizations/${orgId}`).expect(200)).body.creditCode;
    const register = (email: string, ip: string) => registerAndSignIn(t.http, { email, password, name: '申请加入', role: 'ENTERPRISE', enterprise: { creditCode } }, ip);
    sessions.set('pending', await register('pending@matrix.cn', '10.12.0.1'));
    const applicantId = (await register('applicant@matrix.cn', '10.12.0.2')).userId;
    sessions.set('member', member);
    sessions.set('other', await login(t.http, 'other@matrix.cn', password, '10.12.0.3'));
    sessions.set('broker', broker);
    sessions.set('admin', admin);

    const needs = (await t.http.get('/api/needs/mine').set(...bearer(member)).expect(200)).body as Array<{ id: string; status: string }>;
    const results = (await t.http.get('/api/results').query({ limit: 1 }).expect(200)).body.items as Array<{ id: string }>;
    const deals = (await t.http.get('/api/deals').set(...bearer(member)).query({ limit: 100 }).expect(200)).body.items as Array<{ id: string }>;
    const contracts = (await t.http.get('/api/contracts').set(...bearer(broker)).query({ limit: 100 }).expect(200)).body.items as Array<{ id: string; dealId: string | null }>;
    // The demo enterprise's deals have no contract yet: the contract row reads a contract of other parties.
    const contract = contracts.find((c) => c.dealId && !deals.some((d) => d.id === c.dealId));
    const need = needs.find((n) => n.status === 'PUBLISHED');
    if (!need || !results[0] || !deals[0] || !contract) throw new Error('the demo data lacks a published need, a result, a deal or a contract');
    f = { orgId, needId: need.id, resultId: results[0].id, dealId: deals[0].id, contractId: contract.id, applicantId };
  }, 240_000);
  afterAll(() => t.close());

  /** The real record a read (or a REQUESTS write) names; writes otherwise name a made-up id. */
  const pathFor = (route: string): string => {
    const [method, path] = route.split(' ');
    const real = method === 'GET' || route in REQUESTS;
    const resource = path.split('/')[2];
    const ids: Record<string, string> = { needs: f.needId, results: f.resultId, deals: f.dealId, contracts: f.contractId, organizations: f.orgId, users: f.applicantId };
    return path.replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'kind') return 'needs';
      if (name === 'year') return '2025';
      if (name === 'organizationId') return real ? f.orgId : MADE_UP;
      if (name === 'id' && real && ids[resource]) return ids[resource];
      return MADE_UP;
    });
  };

  const call = (route: string, session: Session | undefined) => {
    const method = route.split(' ')[0];
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const extra = REQUESTS[route];
    const req = t.http[verb](pathFor(route)).set('X-Forwarded-For', '10.99.0.1');
    if (session) req.set(...bearer(session));
    if (extra?.query) req.query(extra.query(f));
    if (verb === 'get' || verb === 'delete') return req;
    return req.send(extra?.body ? extra.body(f) : {});
  };

  const matches = (expected: string, status: number, code: unknown): boolean => {
    if (status >= 500) return false;
    switch (expected) {
      case '+': return ![401, 403, 404].includes(status);
      case '~': return ![401, 403].includes(status);
      case '1': return status === 401;
      case '3': return status === 403 && code !== 'ACCOUNT_NOT_VERIFIED';
      case 'P': return status === 403 && code === 'ACCOUNT_NOT_VERIFIED';
      case '4': return status === 404;
      default: throw new Error(`unknown outcome ${expected}`);
    }
  };

  // Swagger UI and its document are public by design and not part of the API; the catch-all answers 404.
  const served = () => servedRoutes(t.app).filter((r) => !/ \/api\/docs/.test(r) && !r.includes('{*') && !/ \/api$/.test(r));

  it('has a row for every served route, and a served route for every row', () => {
    const routes = served();
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => !(r in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((r) => !routes.includes(r))).toEqual([]);
    // The listing controller factory's routes are there for both kinds (the old test missed them).
    expect(routes).toEqual(expect.arrayContaining(['GET /api/needs/mine', 'PATCH /api/needs/:id', 'POST /api/results/:id/submit', 'GET /api/results/:id/history']));
  });

  it('answers every route as the table says, for every caller', async () => {
    const problems: string[] = [];
    for (const route of served()) {
      const row = TABLE[route]?.split(' ');
      if (!row) continue;
      for (const [i, column] of COLUMNS.entries()) {
        const res = await call(route, sessions.get(column));
        if (!matches(row[i], res.status, res.body?.code)) problems.push(`${route}: ${column} expected ${row[i]}, got ${res.status} ${res.body?.code ?? ''}`);
      }
    }
    expect(problems).toEqual([]);
    // About 1,600 requests: ~50 s on a quiet 2-core machine, several minutes when the machine is loaded.
  }, 300_000);
});
