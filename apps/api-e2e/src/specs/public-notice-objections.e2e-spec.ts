import { findLedgerProblems } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { bearer, loginDemo } from '../support/auth';
import { backdateNotice, DealDriver, DealSessions, publishedPair } from '../support/deals';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 12: objections to a 公示 notice are answered by the deal's broker; the notice is over (a contract may
 * be recorded, the chain is complete) only when its period ended and every objection has an answer; an
 * upheld objection sends the deal back to negotiation and withdraws the notice.
 */
describe('public notice objections: answers, the notice-over gate, upheld → negotiation', () => {
  let t: TestApp;
  let s: DealSessions;
  let drive: DealDriver;
  let ds: DataSource;
  let pair: { resultId: string; needId: string };
  let ipSerial = 0;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true', RATE_LIMIT_OBJECTIONS: '2/1m' });
    const [researcher, enterprise, broker, admin] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'admin')]);
    s = { researcher, enterprise, broker, admin };
    ds = t.app.get(DataSource);
    drive = new DealDriver(t.http, s, backdateNotice(ds));
    pair = await publishedPair(t.http, s, '异议答复');
  }, 180_000);
  afterAll(() => t.close());

  /** Each objection from its own address, so the rate limit is only met where the test means it. */
  const object = (noticeId: string, ip = `10.12.0.${++ipSerial}`, body = '该成果部分专利的权属存在争议，请核实后再签约。') =>
    t.http.post(`/api/public-notices/${noticeId}/objections`).set('X-Forwarded-For', ip).send({ name: '王某', contact: '13800000000', body });
  const answer = (noticeId: string, objectionId: string, decision: 'UPHELD' | 'REJECTED', who = s.broker) =>
    t.http.post(`/api/public-notices/${noticeId}/objections/${objectionId}/answer`).set(...bearer(who)).send({ decision, answer: decision === 'UPHELD' ? '经核实，专利权属确有争议，重新议价。' : '经核实，相关专利权属清晰，异议不成立。' });

  async function noticeWithObjection(): Promise<{ dealId: string; noticeId: string; objectionId: string }> {
    const dealId = await drive.walkTo('PUBLIC_NOTICE', pair);
    const noticeId = ((await drive.get(dealId))['publicNotice'] as { id: string }).id;
    const filed = await object(noticeId).expect(201);
    return { dealId, noticeId, objectionId: filed.body.id as string };
  }

  it('shows the pricing method on the public list and detail', async () => {
    const { noticeId } = await noticeWithObjection();
    const detail = await t.http.get(`/api/public-notices/${noticeId}`).expect(200);
    expect(detail.body).toMatchObject({ pricingMethod: 'AGREEMENT', objectionCount: 1, openObjectionCount: 1, institutionName: '南京大学' });
    const list = await t.http.get('/api/public-notices').expect(200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: noticeId, pricingMethod: 'AGREEMENT' })]));
  });

  it('refuses the contract while an objection is unanswered, even after the period; a rejected answer lets it through', async () => {
    const { dealId, noticeId, objectionId } = await noticeWithObjection();
    await backdateNotice(ds)(dealId);
    const held = await drive.recordContract(dealId);
    expect([held.status, held.body.code]).toEqual([409, 'DEAL_OBJECTIONS_UNANSWERED']);
    const move = await drive.move(dealId, 'CONTRACT_SIGNED', (await drive.get(dealId)).version);
    expect(move.status).toBe(409);
    expect((await drive.get(dealId)).stage).toBe('PUBLIC_NOTICE');

    const answered = await answer(noticeId, objectionId, 'REJECTED').expect(200);
    expect(answered.body).toMatchObject({ id: objectionId, decision: 'REJECTED', answer: expect.stringContaining('异议不成立'), answeredByName: expect.any(String), answeredAt: expect.any(String) });
    const again = await answer(noticeId, objectionId, 'UPHELD');
    expect([again.status, again.body.code]).toEqual([409, 'OBJECTION_ALREADY_ANSWERED']);
    const listed = await t.http.get(`/api/public-notices/${noticeId}/objections`).set(...bearer(s.broker)).expect(200);
    expect(listed.body[0]).toMatchObject({ decision: 'REJECTED', contact: '13800000000' });
    expect((await drive.get(dealId)).stage).toBe('PUBLIC_NOTICE');

    const contract = await drive.recordContract(dealId).expect(201);
    expect((await drive.get(dealId)).stage).toBe('CONTRACT_SIGNED');

    // The SQL twin (ledger:check, KPI exclusion) reads the same rule: an unanswered objection breaks the chain.
    expect((await findLedgerProblems(ds)).map((p) => p.contractId)).not.toContain(contract.body.id);
    await ds.query(`UPDATE public_notice_objection SET answered_at = NULL WHERE id = $1`, [objectionId]);
    expect(await findLedgerProblems(ds)).toEqual(expect.arrayContaining([expect.objectContaining({ contractId: contract.body.id, issue: 'NOTICE_NOT_OVER' })]));
    await ds.query(`UPDATE public_notice_objection SET answered_at = now() WHERE id = $1`, [objectionId]);

    const audit: Array<{ details: Record<string, unknown> }> = await ds.query(`SELECT details FROM audit_log WHERE action = 'OBJECTION_ANSWERED' AND subject_id = $1`, [dealId]);
    expect(audit).toEqual([expect.objectContaining({ details: expect.objectContaining({ objectionDecision: 'REJECTED', objector: '王某' }) })]);
    const raised: unknown[] = await ds.query(`SELECT 1 FROM audit_log WHERE action = 'OBJECTION_RAISED' AND subject_id = $1`, [dealId]);
    expect(raised).toHaveLength(1);
  });

  it('upheld: the deal goes back to negotiation, the notice is withdrawn, the participants hear of it', async () => {
    const { dealId, noticeId, objectionId } = await noticeWithObjection();
    const answered = await answer(noticeId, objectionId, 'UPHELD').expect(200);
    expect(answered.body.decision).toBe('UPHELD');
    const d = await drive.get(dealId);
    expect(d.stage).toBe('NEGOTIATING');
    expect(d['publicNotice']).toBeNull();
    await t.http.get(`/api/public-notices/${noticeId}`).expect(404);
    const timeline = await t.http.get(`/api/deals/${dealId}/timeline`).set(...bearer(s.broker)).expect(200);
    const kinds = timeline.body.map((e: { kind: string; toStage: string | null }) => `${e.kind}:${e.toStage ?? ''}`);
    expect(kinds).toEqual(expect.arrayContaining(['STAGE:NEGOTIATING', 'OBJECTION_ANSWERED:']));
    const notes = await t.http.get('/api/notifications').set(...bearer(s.researcher)).expect(200);
    expect(JSON.stringify(notes.body)).toContain('异议成立');
    // New terms need a new notice: the contract is refused until the deal goes through one again.
    expect((await drive.recordContract(dealId)).status).toBe(409);
  });

  it('only a broker answers: the parties of the deal and anonymous callers are refused', async () => {
    const { noticeId, objectionId } = await noticeWithObjection();
    await answer(noticeId, objectionId, 'REJECTED', s.researcher).expect(403);
    await answer(noticeId, objectionId, 'REJECTED', s.enterprise).expect(403);
    await t.http.post(`/api/public-notices/${noticeId}/objections/${objectionId}/answer`).send({ decision: 'REJECTED', answer: '不成立' }).expect(401);
    const bad = await t.http.post(`/api/public-notices/${noticeId}/objections/${objectionId}/answer`).set(...bearer(s.broker)).send({ decision: 'MAYBE', answer: '' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const listed = await t.http.get(`/api/public-notices/${noticeId}/objections`).set(...bearer(s.broker)).expect(200);
    expect(listed.body[0]).toMatchObject({ decision: null, answer: null, answeredAt: null });
  });

  it('rate-limits objections per address', async () => {
    const dealId = await drive.walkTo('PUBLIC_NOTICE', pair);
    const noticeId = ((await drive.get(dealId))['publicNotice'] as { id: string }).id;
    for (let i = 0; i < 2; i++) await object(noticeId, '10.13.0.1').expect(201);
    const limited = await object(noticeId, '10.13.0.1');
    expect([limited.status, limited.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await object(noticeId, '10.13.0.2').expect(201);
  });
});
