import { DataSource } from 'typeorm';
import { bearer, login, loginDemo, Session } from '../support/auth';
import { expectStandardError } from '../support/error-body';
import { startTestApp, TestApp } from '../support/test-app';

const instrumentBody = (laboratoryId: string, over: Record<string, unknown> = {}) => ({
  laboratoryId,
  nameZh: '场发射扫描电子显微镜（测试）',
  model: 'Zeiss Sigma 300',
  capability: '材料表面形貌观察，分辨率 1.2 nm；配能谱仪做元素分析',
  location: '仙林校区化学楼 B102',
  bookingTerms: '提前 3 个工作日预约；样品须干燥、导电',
  priceFen: 40_001,
  priceUnit: 'SAMPLE',
  ...over,
});

/**
 * Issue 16: shared instruments (大型科研仪器共享). The laboratory's organization keeps its instruments, an
 * enterprise asks for use, the laboratory answers once with the fee, and a paid use opens a 技术服务 deal.
 */
describe('shared instruments: booking requests, answers, fees and the 技术服务 deal', () => {
  let t: TestApp;
  let ds: DataSource;
  let researcher: Session;
  let otherResearcher: Session;
  let enterprise: Session;
  let broker: Session;
  let labId: string;
  let instrumentId: string;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    ds = t.app.get(DataSource);
    [researcher, enterprise, broker] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker')]);
    otherResearcher = await login(t.http, 'researcher.njupt@xkx.demo', 'Xiake-Research-2026', '10.9.3.1');
    const [lab] = await ds.query<Array<{ id: string }>>(
      `SELECT l.id FROM laboratory l JOIN organization o ON o.id = l.organization_id WHERE o.name_zh = '南京大学' ORDER BY l.name_zh LIMIT 1`,
    );
    if (!lab) throw new Error('the demo seed has no laboratory of 南京大学');
    labId = lab.id;
  }, 180_000);
  afterAll(() => t?.close());

  it('lets the laboratory’s own researcher add an instrument, refuses another organization’s, and answers bad input per field', async () => {
    const created = await t.http.post('/api/instruments').set(...bearer(researcher)).send(instrumentBody(labId)).expect(201);
    instrumentId = created.body.id;
    expect(created.body).toMatchObject({ laboratoryId: labId, priceFen: 40_001, priceUnit: 'SAMPLE', active: true, version: 1 });
    expect(created.body.laboratoryName).not.toBe('');
    const refused = await t.http.post('/api/instruments').set(...bearer(otherResearcher)).send(instrumentBody(labId, { nameZh: '别人的仪器' })).expect(403);
    expect(refused.body.code).toBe('INSTRUMENT_NOT_YOURS');
    await t.http.post('/api/instruments').set(...bearer(enterprise)).send(instrumentBody(labId)).expect(403);
    const bad = await t.http.post('/api/instruments').set(...bearer(researcher)).set('Accept-Language', 'en').send(instrumentBody(labId, { priceFen: 1.5, priceUnit: 'WEEK', model: '' })).expect(400);
    expectStandardError(bad, 400);
    expect((bad.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['model', 'priceFen', 'priceUnit']);
    const zh = await t.http.post('/api/instruments').set(...bearer(broker)).send(instrumentBody('00000000-0000-4000-8000-000000000000')).expect(400);
    expect(zh.body.errors).toEqual([{ field: 'laboratoryId', message: '实验室或平台不存在' }]);
    const list = (await t.http.get(`/api/instruments?laboratoryId=${labId}&q=Sigma`).expect(200)).body;
    expect(list.items.map((i: { id: string }) => i.id)).toContain(instrumentId);
  });

  it('records an enterprise’s request and the laboratory’s paid answer, which opens a 技术服务 deal', async () => {
    const asked = await t.http.post(`/api/instruments/${instrumentId}/requests`).set(...bearer(enterprise)).send({ purpose: '锂电正极材料包覆层形貌与元素分布表征', quantity: 6, preferredOn: '2026-12-20' }).expect(201);
    expect(asked.body).toMatchObject({ status: 'REQUESTED', quantity: 6, feeFen: null, dealId: null, canAnswer: false });
    await t.http.post(`/api/instruments/${instrumentId}/requests`).set(...bearer(researcher)).send({ purpose: '研究员不能申请', quantity: 1 }).expect(403);

    const mine = (await t.http.get('/api/instrument-requests').set(...bearer(researcher)).expect(200)).body;
    expect(mine.items.find((r: { id: string }) => r.id === asked.body.id)).toMatchObject({ canAnswer: true });
    expect((await t.http.get('/api/instrument-requests').set(...bearer(otherResearcher)).expect(200)).body.items.map((r: { id: string }) => r.id)).not.toContain(asked.body.id);
    await t.http.get(`/api/instrument-requests/${asked.body.id}`).set(...bearer(otherResearcher)).expect(404);
    await t.http.post(`/api/instrument-requests/${asked.body.id}/answer`).set(...bearer(otherResearcher)).send({ accept: false, note: '不归我管' }).expect(404);

    const noFee = await t.http.post(`/api/instrument-requests/${asked.body.id}/answer`).set(...bearer(researcher)).send({ accept: true }).expect(400);
    expect(noFee.body.errors[0].field).toBe('feeFen');
    const fee = 240_006; // 6 samples × ¥400.01
    const answered = await t.http.post(`/api/instrument-requests/${asked.body.id}/answer`).set(...bearer(researcher)).send({ accept: true, feeFen: fee, note: '12 月 20 日上午上机' }).expect(200);
    expect(answered.body).toMatchObject({ status: 'ACCEPTED', feeFen: fee, answerNote: '12 月 20 日上午上机', canAnswer: false });
    expect(answered.body.dealId).toEqual(expect.any(String));
    expect(answered.body.dealCode).toMatch(/^D\d{4}-\d{6}$/);
    const again = await t.http.post(`/api/instrument-requests/${asked.body.id}/answer`).set(...bearer(researcher)).send({ accept: false, note: '改主意了' }).expect(409);
    expect(again.body.code).toBe('INSTRUMENT_REQUEST_ANSWERED');

    const [deal] = await ds.query(`SELECT stage, contract_type, laboratory_id, next_action, agreed_price_fen FROM deal WHERE id = $1`, [answered.body.dealId]);
    expect(deal).toMatchObject({ stage: 'LEAD', contract_type: 'SERVICE', laboratory_id: labId });
    // The fee is the deal's agreed price, to the fen.
    expect(Number(deal.agreed_price_fen)).toBe(fee);
    expect(deal.next_action).toContain('¥2,400.06');
    // The enterprise is in the deal and sees it.
    const seen = (await t.http.get(`/api/deals/${answered.body.dealId}`).set(...bearer(enterprise)).expect(200)).body;
    expect(seen).toMatchObject({ agreedPriceFen: fee, contractType: 'SERVICE', person: { kind: 'LABORATORY', id: labId } });
    // The enterprise was told of the answer; the laboratory's researcher was told of the request.
    const told = (await t.http.get('/api/notifications').query({ limit: 50 }).set(...bearer(enterprise)).expect(200)).body.items as Array<{ kind: string; dealId: string | null; body: string }>;
    expect(told.find((n) => n.kind === 'INSTRUMENT_ANSWERED' && n.dealId === answered.body.dealId)?.body).toContain('¥2,400.06');
    const asked2 = (await t.http.get('/api/notifications').query({ limit: 50 }).set(...bearer(researcher)).expect(200)).body.items as Array<{ kind: string; link: string | null }>;
    expect(asked2.find((n) => n.kind === 'INSTRUMENT_REQUESTED')?.link).toBe(`/laboratories/${labId}`);
    const audit = await ds.query(`SELECT action, details FROM audit_log WHERE subject_id = $1 ORDER BY created_at`, [asked.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['INSTRUMENT_REQUESTED', 'INSTRUMENT_REQUEST_ANSWERED']);
    expect(audit[1].details.changes).toEqual({ requestStatus: { from: 'REQUESTED', to: 'ACCEPTED' }, feeFen: { from: null, to: fee } });
  });

  it('opens no deal for a free use or a declined request', async () => {
    const deals = async () => Number((await ds.query(`SELECT count(*)::int AS n FROM deal WHERE laboratory_id = $1`, [labId]))[0].n);
    const before = await deals();
    for (const answer of [{ accept: true, feeFen: 0 }, { accept: false, note: '设备检修中' }]) {
      const asked = await t.http.post(`/api/instruments/${instrumentId}/requests`).set(...bearer(enterprise)).send({ purpose: '试测一个样品', quantity: 1 }).expect(201);
      const answered = await t.http.post(`/api/instrument-requests/${asked.body.id}/answer`).set(...bearer(broker)).send(answer).expect(200);
      expect(answered.body).toMatchObject({ status: answer.accept ? 'ACCEPTED' : 'DECLINED', feeFen: answer.accept ? 0 : null, dealId: null });
    }
    expect(await deals()).toBe(before);
  });

  it('lists a laboratory’s queue, and wants a reason to decline, in Chinese and English', async () => {
    const asked = await t.http.post(`/api/instruments/${instrumentId}/requests`).set(...bearer(enterprise)).send({ purpose: '测一个样品的元素分布', quantity: 1 }).expect(201);
    expect(asked.body.laboratoryId).toBe(labId);
    const queue = (await t.http.get('/api/instrument-requests').query({ laboratoryId: labId, status: 'REQUESTED' }).set(...bearer(researcher)).expect(200)).body.items as Array<{ id: string; laboratoryId: string }>;
    expect(queue.map((r) => r.id)).toContain(asked.body.id);
    expect(queue.every((r) => r.laboratoryId === labId)).toBe(true);
    const [otherLab] = await ds.query<Array<{ id: string }>>(`SELECT id FROM laboratory WHERE id <> $1 LIMIT 1`, [labId]);
    expect((await t.http.get('/api/instrument-requests').query({ laboratoryId: otherLab?.id }).set(...bearer(broker)).expect(200)).body.items.map((r: { id: string }) => r.id)).not.toContain(asked.body.id);
    await t.http.get('/api/instrument-requests').query({ laboratoryId: 'nope' }).set(...bearer(broker)).expect(400);

    const zh = await t.http.post(`/api/instrument-requests/${asked.body.id}/answer`).set(...bearer(researcher)).send({ accept: false }).expect(400);
    expect(zh.body.errors).toContainEqual({ field: 'note', message: '不能为空' });
    expect(zh.body.errors.every((e: { field: string }) => e.field === 'note')).toBe(true);
    const en = await t.http.post(`/api/instrument-requests/${asked.body.id}/answer`).set(...bearer(researcher)).set('Accept-Language', 'en').send({ accept: false, note: '   ' }).expect(400);
    expect(en.body.errors).toEqual([{ field: 'note', message: 'must not be empty' }]);
    const fractional = await t.http.post(`/api/instrument-requests/${asked.body.id}/answer`).set(...bearer(researcher)).send({ accept: true, feeFen: 100.5 }).expect(400);
    expect(fractional.body.errors[0].field).toBe('feeFen');
    const declined = (await t.http.post(`/api/instrument-requests/${asked.body.id}/answer`).set(...bearer(researcher)).send({ accept: false, note: '设备年度检修，1 月后再约' }).expect(200)).body;
    expect(declined).toMatchObject({ status: 'DECLINED', answerNote: '设备年度检修，1 月后再约', feeFen: null });
    const mine = (await t.http.get('/api/instrument-requests').set(...bearer(enterprise)).expect(200)).body.items as Array<{ id: string; status: string; answerNote: string | null }>;
    expect(mine.find((r) => r.id === asked.body.id)).toMatchObject({ status: 'DECLINED', answerNote: '设备年度检修，1 月后再约' });
  });
});
