import { shanghaiDate } from '@xkx/util';
import { DataSource } from 'typeorm';
import { bearer, loginDemo } from '../support/auth';
import { backdateNotice, DealDriver, DealSessions, publishedPair } from '../support/deals';
import { expectStandardError } from '../support/error-body';
import { startTestApp, TestApp } from '../support/test-app';

const carrierBody = (over: Record<string, unknown> = {}) => ({
  nameZh: '仙林测试孵化器',
  kind: 'INCUBATOR',
  address: '南京市栖霞区仙林大道 1 号',
  totalAreaM2: 20_000,
  availableAreaM2: 3_500,
  priceMinFenPerM2Month: 4_550,
  priceMaxFenPerM2Month: 8_999,
  fieldCodes: ['NE', 'EIC'],
  contactName: '周老师',
  contactPhone: '025-85550001',
  ...over,
});

type Figures = { landings: number; areaM2: number; jobsPlanned: number };

/**
 * Issue 16: innovation carriers (科创载体), the landing a broker records on a signed deal, the landed-projects
 * figure with its drill-down (behind the ledger's gates), and enterprise cultivation (高企, 专精特新).
 */
describe('innovation carriers, landings and the landed-projects and cultivation figures', () => {
  let t: TestApp;
  let ds: DataSource;
  let s: DealSessions;
  let drive: DealDriver;
  let carrierId: string;
  let signedDealId: string;
  const year = Number(shanghaiDate().slice(0, 4));
  const today = shanghaiDate();

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    ds = t.app.get(DataSource);
    const [researcher, enterprise, broker, admin] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'admin')]);
    s = { researcher, enterprise, broker, admin };
    drive = new DealDriver(t.http, s, backdateNotice(ds));
  }, 180_000);
  afterAll(() => t?.close());

  const landingKpi = async (view: 'signed' | 'registered') =>
    (await t.http.get(`/api/kpis/landings?year=${year}&view=${view}`).set(...bearer(s.broker)).expect(200)).body as {
      figures: Figures; notCounted: number; byCarrier: Array<Figures & { key: string }>; byField: Array<Figures & { key: string }>; definitions: unknown[];
    };

  it('the demo market has 8 illustrative carriers, 20 shared instruments, landed projects and certificates about to expire', async () => {
    const carriers = (await t.http.get('/api/carriers?limit=200').expect(200)).body;
    expect(carriers.total).toBe(8);
    expect(carriers.items.every((c: { illustrative: boolean }) => c.illustrative)).toBe(true);
    expect((await t.http.get('/api/instruments?limit=200').expect(200)).body.total).toBe(20);
    const kpi = await landingKpi('registered');
    expect(kpi.figures.landings).toBeGreaterThan(0);
    expect(kpi.notCounted).toBe(0);
    const cultivation = (await t.http.get(`/api/kpis/cultivation?year=${year}`).set(...bearer(s.broker)).expect(200)).body;
    expect(cultivation.expiring.map((e: { status: string }) => e.status).sort()).toEqual(['HIGH_TECH', 'SPECIALIZED']);
  });

  it('lets a broker add a carrier, lists it publicly with filters, and refuses others', async () => {
    const created = await t.http.post('/api/carriers').set(...bearer(s.broker)).send(carrierBody()).expect(201);
    carrierId = created.body.id;
    expect(created.body).toMatchObject({ nameZh: '仙林测试孵化器', availableAreaM2: 3_500, priceMinFenPerM2Month: 4_550, priceMaxFenPerM2Month: 8_999, active: true, landings: 0, version: 1 });
    const list = (await t.http.get('/api/carriers?kind=INCUBATOR&fieldCode=NE.BAT').expect(200)).body;
    expect(list.items.map((c: { id: string }) => c.id)).toContain(carrierId);
    expect(list.items[0]).not.toHaveProperty('contactPhone'); // the list is a summary; the detail has the contact
    expect((await t.http.get(`/api/carriers?kind=ACCELERATOR&q=仙林测试`).expect(200)).body.items).toEqual([]);
    expect((await t.http.get(`/api/carriers/${carrierId}`).expect(200)).body.contactPhone).toBe('025-85550001');
    await t.http.post('/api/carriers').send(carrierBody({ nameZh: '匿名' })).expect(401);
    await t.http.post('/api/carriers').set(...bearer(s.enterprise)).send(carrierBody({ nameZh: '企业' })).expect(403);
    const taken = await t.http.post('/api/carriers').set(...bearer(s.broker)).send(carrierBody()).expect(409);
    expect(taken.body.code).toBe('CARRIER_NAME_TAKEN');
    const rows = await ds.query(`SELECT action, subject_label FROM audit_log WHERE subject_id = $1`, [carrierId]);
    expect(rows).toEqual([{ action: 'CARRIER_CREATED', subject_label: '仙林测试孵化器' }]);
  });

  it('answers bad carrier input with field-level messages in Chinese and English', async () => {
    const body = carrierBody({ nameZh: '坏数据', availableAreaM2: 30_000, priceMinFenPerM2Month: 9_000, priceMaxFenPerM2Month: 100, fieldCodes: ['ZZZ'] });
    const zh = await t.http.post('/api/carriers').set(...bearer(s.broker)).send(body).expect(400);
    expectStandardError(zh, 400);
    const fields = (zh.body.errors as Array<{ field: string; message: string }>).map((e) => e.field).sort();
    expect(fields).toEqual(['availableAreaM2', 'fieldCodes', 'priceMaxFenPerM2Month']);
    expect(zh.body.errors.find((e: { field: string }) => e.field === 'availableAreaM2').message).toContain('可租面积不能大于总面积');
    const en = await t.http.post('/api/carriers').set(...bearer(s.broker)).set('Accept-Language', 'en').send({ ...body, contactPhone: 'call me', availableAreaM2: 1.5 }).expect(400);
    const byField = Object.fromEntries((en.body.errors as Array<{ field: string; message: string }>).map((e) => [e.field, e.message]));
    expect(byField['contactPhone']).toMatch(/invalid format/);
    expect(byField['availableAreaM2']).toMatch(/integer/);
    // A stale version is refused; the current one writes and is audited.
    await t.http.patch(`/api/carriers/${carrierId}`).set(...bearer(s.broker)).send({ version: 9, availableAreaM2: 3_000 }).expect(409);
    const patched = await t.http.patch(`/api/carriers/${carrierId}`).set(...bearer(s.broker)).send({ version: 1, availableAreaM2: 3_000 }).expect(200);
    expect(patched.body).toMatchObject({ availableAreaM2: 3_000, version: 2 });
    const [audit] = await ds.query(`SELECT details FROM audit_log WHERE subject_id = $1 AND action = 'CARRIER_UPDATED'`, [carrierId]);
    expect(audit.details.changes).toEqual({ availableAreaM2: { from: 3_500, to: 3_000 } });
  });

  it('records a landing only on a signed deal, not before the signing date, and shows it to the deal’s people', async () => {
    const pair = await publishedPair(t.http, s, '落地');
    const negotiating = await drive.walkTo('NEGOTIATING', pair);
    const landing = { carrierId, areaM2: 1_200, kind: 'SET_UP', companyName: '南京栖霞锂电新材料有限公司', jobsPlanned: 45, landedOn: '2026-05-20' };
    const early = await t.http.put(`/api/deals/${negotiating}/landing`).set(...bearer(s.broker)).send(landing).expect(409);
    expect(early.body.code).toBe('LANDING_DEAL_NOT_SIGNED');

    signedDealId = await drive.walkTo('CONTRACT_SIGNED', pair); // contract signed 2026-03-18
    const bad = await t.http.put(`/api/deals/${signedDealId}/landing`).set(...bearer(s.broker)).set('Accept-Language', 'en')
      .send({ ...landing, carrierId: '00000000-0000-4000-8000-000000000000', landedOn: '2026-03-01' }).expect(400);
    expect(Object.fromEntries((bad.body.errors as Array<{ field: string; message: string }>).map((e) => [e.field, e.message]))).toEqual({
      carrierId: expect.stringContaining('not an active innovation carrier'),
      landedOn: expect.stringContaining('2026-03-18'),
    });
    const future = await t.http.put(`/api/deals/${signedDealId}/landing`).set(...bearer(s.broker)).send({ ...landing, landedOn: '2099-01-01' }).expect(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'landedOn', message: expect.stringContaining('不能晚于今天') });
    await t.http.put(`/api/deals/${signedDealId}/landing`).set(...bearer(s.enterprise)).send(landing).expect(403);

    const before = await landingKpi('signed');
    const saved = await t.http.put(`/api/deals/${signedDealId}/landing`).set(...bearer(s.broker)).send(landing).expect(200);
    expect(saved.body.landing).toMatchObject({ carrierName: '仙林测试孵化器', areaM2: 1_200, jobsPlanned: 45, landedOn: '2026-05-20', version: 1 });
    const seen = (await t.http.get(`/api/deals/${signedDealId}/landing`).set(...bearer(s.enterprise)).expect(200)).body;
    expect(seen).toMatchObject({ canRecord: false, landing: { companyName: '南京栖霞锂电新材料有限公司' } });
    expect((await t.http.get(`/api/deals/${signedDealId}/landing`).set(...bearer(s.broker)).expect(200)).body.canRecord).toBe(true);
    const timeline = (await t.http.get(`/api/deals/${signedDealId}/timeline`).set(...bearer(s.broker)).expect(200)).body as Array<{ kind: string; note: string }>;
    expect(timeline.find((e) => e.kind === 'LANDING_RECORDED')?.note).toContain('落地仙林测试孵化器，1200 平方米');

    // A correction needs the version read; it is audited with before → after.
    await t.http.put(`/api/deals/${signedDealId}/landing`).set(...bearer(s.broker)).send({ ...landing, jobsPlanned: 50 }).expect(409);
    await t.http.put(`/api/deals/${signedDealId}/landing`).set(...bearer(s.broker)).send({ ...landing, jobsPlanned: 50, version: 1 }).expect(200);
    const audit = await ds.query(`SELECT action, details FROM audit_log WHERE subject_id = $1 AND action LIKE 'LANDING_%' ORDER BY created_at`, [signedDealId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['LANDING_RECORDED', 'LANDING_UPDATED']);
    expect(audit[1].details.changes).toEqual({ jobsPlanned: { from: 45, to: 50 } });

    // The signed view counts it at once; the registered view only once the contract is registered.
    const after = await landingKpi('signed');
    expect(after.figures).toEqual({ landings: before.figures.landings + 1, areaM2: before.figures.areaM2 + 1_200, jobsPlanned: before.figures.jobsPlanned + 50 });
    expect(after.byCarrier.find((b) => b.key === carrierId)).toMatchObject({ landings: 1, areaM2: 1_200, jobsPlanned: 50 });
    expect(after.definitions.length).toBeGreaterThan(0);
    const registeredBefore = await landingKpi('registered');
    expect(registeredBefore.byCarrier.find((b) => b.key === carrierId)).toBeUndefined();
    await drive.step(signedDealId, 'REGISTERED');
    expect((await landingKpi('registered')).byCarrier.find((b) => b.key === carrierId)).toMatchObject({ landings: 1 });
  });

  it('drills down to the landings behind a bar, adding up to it, and leaves out landings whose chain is incomplete', async () => {
    const kpi = await landingKpi('signed');
    for (const bar of [...kpi.byCarrier.map((b) => ({ ...b, dimension: 'CARRIER' })), ...kpi.byField.map((b) => ({ ...b, dimension: 'FIELD' }))]) {
      const records = (await t.http.get(`/api/kpis/landings/records?year=${year}&view=signed&dimension=${bar.dimension}&key=${encodeURIComponent(bar.key)}`).set(...bearer(s.broker)).expect(200)).body;
      expect(records.totals).toEqual({ landings: bar.landings, areaM2: bar.areaM2, jobsPlanned: bar.jobsPlanned });
      expect(records.items.reduce((a: number, r: { areaM2: number }) => a + r.areaM2, 0)).toBe(bar.areaM2);
    }
    const all = (await t.http.get(`/api/kpis/landings/records?year=${year}&view=signed`).set(...bearer(s.broker)).expect(200)).body;
    expect(all.totals).toEqual(kpi.figures);
    expect(all.items.some((r: { dealId: string }) => r.dealId === signedDealId)).toBe(true);

    // A landing written behind the API's gate, on a deal that never reached signing, is reported, not counted.
    const pair = await publishedPair(t.http, s, '未签落地');
    const open = await drive.walkTo('TRIAGE', pair);
    await ds.query(
      `INSERT INTO tech_contract (code, deal_id, type_code, project_name, signed_on, term_start, term_end, seller_name, seller_area_code, seller_legal_person_type, buyer_name, buyer_area_code, buyer_legal_person_type, contract_amount_fen, non_technical_cost_fen, technical_amount_fen, registration_status)
       VALUES ('C-LANDING-SQL', $1, 'LICENSE.PATENT', 'SQL 合同', '2026-03-01', '2026-03-01', '2026-03-01', '南京大学', '320113', 'UNIVERSITY', '某企业', '320113', 'ENTERPRISE', 100, 0, 100, 'NOT_SUBMITTED')`,
      [open],
    );
    await ds.query(`INSERT INTO project_landing (deal_id, carrier_id, area_m2, kind, company_name, jobs_planned, landed_on) VALUES ($1, $2, 999, 'EXPANDED', 'SQL 公司', 9, '2026-04-01')`, [open, carrierId]);
    const gated = await landingKpi('signed');
    expect(gated.figures).toEqual(kpi.figures);
    expect(gated.notCounted).toBe(kpi.notCounted + 1);
  });

  it('keeps 高企 and 专精特新 certificates, counts holders and their contracts, and lists statuses about to expire', async () => {
    const [ent] = await ds.query<Array<{ id: string; version: number; name_zh: string }>>(`SELECT o.id, o.version, o.name_zh FROM organization o JOIN app_user u ON u.organization_id = o.id WHERE u.email = $1`, ['enterprise@xkx.demo']);
    const org = ent!;
    const patch = () => t.http.patch(`/api/organizations/${org.id}`).set(...bearer(s.admin));
    let version = (await t.http.get(`/api/organizations/${org.id}`).expect(200)).body.version as number;
    const bad = await patch().set('Accept-Language', 'en').send({ version, highTechIssuedOn: '2026-01-01', highTechExpiresOn: '2025-01-01', specializedExpiresOn: '2026-13-01' }).expect(400);
    expect((bad.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['specializedExpiresOn']);
    const order = await patch().send({ version, highTechIssuedOn: '2026-01-01', highTechExpiresOn: '2025-01-01' }).expect(400);
    expect(order.body.errors).toEqual([{ field: 'highTechExpiresOn', message: expect.stringContaining('有效期须晚于发证日期') }]);

    version = (await patch().send({ version, isHighTech: false, isSpecialized: false }).expect(200)).body.version;
    const cultivation = async () => (await t.http.get(`/api/kpis/cultivation?year=${year}&view=signed`).set(...bearer(s.broker)).expect(200)).body;
    const before = await cultivation();
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
    const saved = await patch().send({ version, isHighTech: true, highTechCertNo: 'GR202532009999', highTechIssuedOn: '2025-01-01', highTechExpiresOn: soon }).expect(200);
    expect(saved.body).toMatchObject({ highTechCertNo: 'GR202532009999', highTechIssuedOn: '2025-01-01', highTechExpiresOn: soon });
    const after = await cultivation();
    // The enterprise's counted contracts of the year, from the ledger's own drill-down.
    const ledger = (await t.http.get(`/api/kpis/records?year=${year}&view=signed&dimension=ENTERPRISE&key=${org.id}`).set(...bearer(s.broker)).expect(200)).body;
    const high = (r: { figures: Array<{ status: string; enterprises: number; contracts: number; contractAmountFen: number }> }) => r.figures.find((f) => f.status === 'HIGH_TECH')!;
    expect(high(after).enterprises).toBe(high(before).enterprises + 1);
    expect(high(after).contracts - high(before).contracts).toBe(ledger.totals.projects);
    expect(high(after).contractAmountFen - high(before).contractAmountFen).toBe(ledger.totals.contractAmountFen);
    expect(ledger.totals.projects).toBeGreaterThan(0);
    expect(after.expiring).toContainEqual({ organizationId: org.id, name: org.name_zh, status: 'HIGH_TECH', certificateNo: 'GR202532009999', expiresOn: soon });
    const audit = await ds.query(`SELECT details FROM audit_log WHERE subject_id = $1 AND action = 'ORGANIZATION_UPDATED' ORDER BY created_at DESC LIMIT 1`, [org.id]);
    expect(audit[0].details.changes.highTechCertNo).toEqual({ from: expect.anything(), to: 'GR202532009999' }); // the demo seed gave it one
  });
});
