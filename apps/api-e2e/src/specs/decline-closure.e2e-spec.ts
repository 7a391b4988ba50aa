import { DealClosureJob } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { bearer, login, loginDemo, Session } from '../support/auth';
import { DealSessions, publishedPair } from '../support/deals';
import { startTestApp, TestApp } from '../support/test-app';

interface Notification { kind: string; dealId: string | null; title: string; body: string }
interface TimelineEvent { kind: string; toStage: string | null; note: string | null; actor: { id: string } | null }

/**
 * Issue 12: a side's 不合适 on an introduction closes their side; the deal becomes 未成交 only when its
 * broker confirms, or after XKX_DECLINE_AUTO_CLOSE_DAYS with nobody deciding (the scheduled pass).
 */
describe('decline closure: the broker confirms 未成交', () => {
  let t: TestApp;
  let s: DealSessions;
  let otherBroker: Session;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true', XKX_DECLINE_AUTO_CLOSE_DAYS: '7' });
    const [researcher, enterprise, broker, admin] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'admin')]);
    s = { researcher, enterprise, broker, admin };
    dataSource = t.app.get(DataSource);
    const centre: string = (await t.http.get('/api/auth/me').set(...bearer(broker)).expect(200)).body.organization.id;
    const made = await t.http.post('/api/users').set(...bearer(admin)).send({ email: 'zhao.jl@xkx.demo', password: 'Xianlin-Desk-2026', name: '另一位经理人', role: 'BROKER', organizationId: centre });
    if (made.status !== 201) throw new Error(`second broker: ${made.status} ${JSON.stringify(made.body)}`);
    otherBroker = await login(t.http, 'zhao.jl@xkx.demo', 'Xianlin-Desk-2026', '10.14.0.2');
  }, 600_000); // the demo seed on a loaded machine
  afterAll(() => t.close());

  /** A broker's introduction from a match: the deal opens at LEAD with that broker on it. */
  async function brokeredDeal(title: string): Promise<{ introId: string; dealId: string; pair: { resultId: string; needId: string } }> {
    const pair = await publishedPair(t.http, s, title);
    const created = await t.http.post('/api/introductions').set(...bearer(s.broker)).send({ ...pair, matchScore: 0.77, message: '匹配引擎推荐：技术指标与需求吻合，建议对接。' }).expect(201);
    return { introId: created.body.id, dealId: created.body.dealId, pair };
  }

  const decline = (introId: string, who: Session = s.researcher) =>
    t.http.post(`/api/introductions/${introId}/answer`).set(...bearer(who)).send({ answer: 'DECLINED', reason: 'TOO_EARLY_STAGE', note: '我方仍在中试，暂不具备量产条件' }).expect(200);
  const deal = async (id: string, who: Session = s.broker) => (await t.http.get(`/api/deals/${id}`).set(...bearer(who)).expect(200)).body as { stage: string; version: number; lostReason: string | null; lostFromStage: string | null };
  const closure = async (id: string, who: Session = s.broker) => (await t.http.get(`/api/deals/${id}/closure`).set(...bearer(who)).expect(200)).body;
  const timeline = async (id: string) => (await t.http.get(`/api/deals/${id}/timeline`).set(...bearer(s.broker)).expect(200)).body as TimelineEvent[];
  const notifications = async (who: Session) => (await t.http.get('/api/notifications').query({ limit: 100 }).set(...bearer(who)).expect(200)).body.items as Notification[];
  const stageAudits = (dealId: string) =>
    dataSource.query<Array<{ actor_id: string | null; details: { changes?: { stage?: { from: string; to: string } }; note?: string } }>>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'DEAL_STAGE_CHANGED' AND subject_id = $1 ORDER BY created_at`,
      [dealId],
    );

  it('keeps the stage, records the side’s answer and tells the deal’s broker', async () => {
    const { introId, dealId, pair } = await brokeredDeal('不合适待确认');
    const answered = await decline(introId);
    expect(answered.body).toMatchObject({ status: 'DECLINED', declineReason: 'TOO_EARLY_STAGE', answerNote: '我方仍在中试，暂不具备量产条件' });

    const d = await deal(dealId);
    expect(d).toMatchObject({ stage: 'LEAD', lostReason: null, lostFromStage: null });
    expect(await closure(dealId)).toMatchObject({ proposed: true, canDecide: true, reason: expect.stringContaining('技术成熟度不足'), proposedBy: { id: s.researcher.userId } });
    const state = await closure(dealId);
    expect(Date.parse(state.autoCloseAt) - Date.parse(state.proposedAt)).toBe(7 * 24 * 3600 * 1000);

    const events = await timeline(dealId);
    const proposed = events.find((e) => e.kind === 'CLOSURE_PROPOSED');
    expect(proposed?.note).toContain('表示不合适：技术成熟度不足。我方仍在中试');
    expect(proposed?.actor?.id).toBe(s.researcher.userId);
    expect(events.some((e) => e.toStage === 'LOST')).toBe(false);
    // The matching engine still hears the decline (on the change feed, committed with the answer).
    const heard = await dataSource.query<Array<{ payload: object }>>(`SELECT payload FROM change_feed WHERE topic = 'introduction.declined' AND payload->>'introductionId' = $1`, [introId]);
    expect(heard).toEqual([{ payload: expect.objectContaining({ needId: pair.needId, resultId: pair.resultId, reason: 'TOO_EARLY_STAGE' }) }]);

    // The deal's broker is told in the app and by mail; the other broker is not.
    expect((await notifications(s.broker)).filter((n) => n.dealId === dealId && n.kind === 'DEAL_CLOSURE_PROPOSED')).toHaveLength(1);
    expect((await notifications(otherBroker)).filter((n) => n.dealId === dealId && n.kind === 'DEAL_CLOSURE_PROPOSED')).toEqual([]);
    const outbox = await t.http.get('/api/outbox?limit=200').set(...bearer(s.admin)).expect(200);
    expect(outbox.body.items.some((m: { to: string; subject: string }) => m.to === 'broker@xkx.demo' && m.subject.includes('对方表示不合适'))).toBe(true);
  });

  it('lets only the deal’s broker (or an administrator) decide; confirming makes it 未成交, audited', async () => {
    const { introId, dealId } = await brokeredDeal('确认未成交');
    await decline(introId);
    // The parties see the proposal but may not decide.
    expect(await closure(dealId, s.researcher)).toMatchObject({ proposed: true, canDecide: false });
    const byResearcher = await t.http.post(`/api/deals/${dealId}/closure/confirm`).set(...bearer(s.researcher)).send({});
    expect([403, 404]).toContain(byResearcher.status);
    const byEnterprise = await t.http.post(`/api/deals/${dealId}/closure/confirm`).set(...bearer(s.enterprise)).send({});
    expect([403, 404]).toContain(byEnterprise.status);
    // A broker who does not carry this deal may not either.
    expect(await closure(dealId, otherBroker)).toMatchObject({ proposed: true, canDecide: false });
    await t.http.post(`/api/deals/${dealId}/closure/confirm`).set(...bearer(otherBroker)).send({}).expect(403);
    await t.http.post(`/api/deals/${dealId}/closure/keep`).set(...bearer(otherBroker)).send({}).expect(403);
    expect((await deal(dealId)).stage).toBe('LEAD');

    const stale = await t.http.post(`/api/deals/${dealId}/closure/confirm`).set(...bearer(s.broker)).send({ version: 1 });
    expect(stale.status).toBe(409);
    const { version } = await deal(dealId);
    const confirmed = await t.http.post(`/api/deals/${dealId}/closure/confirm`).set(...bearer(s.broker)).send({ version, note: '双方技术路线差异较大' }).expect(200);
    expect(confirmed.body.stage).toBe('LOST');
    const d = await deal(dealId);
    expect(d).toMatchObject({ stage: 'LOST', lostFromStage: 'LEAD' });
    expect(d.lostReason).toContain('技术成熟度不足');
    expect(d.lostReason).toContain('双方技术路线差异较大');
    expect(await closure(dealId)).toMatchObject({ proposed: false });
    const audits = await stageAudits(dealId);
    expect(audits).toEqual([expect.objectContaining({ actor_id: s.broker.userId, details: expect.objectContaining({ changes: { stage: { from: 'LEAD', to: 'LOST' } } }) })]);
    // The parties hear of the outcome.
    expect((await notifications(s.researcher)).some((n) => n.dealId === dealId && n.kind === 'DEAL_STAGE_CHANGED')).toBe(true);
    const again = await t.http.post(`/api/deals/${dealId}/closure/confirm`).set(...bearer(s.broker)).send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DEAL_CLOSURE_NOT_PROPOSED');
  });

  it('keeping going clears the proposal, on the timeline, and the scheduled pass leaves the deal alone', async () => {
    const { introId, dealId } = await brokeredDeal('继续撮合');
    await decline(introId);
    await t.http.post(`/api/deals/${dealId}/closure/keep`).set(...bearer(s.broker)).send({ note: '约对方下周再谈' }).expect(200);
    expect((await deal(dealId)).stage).toBe('LEAD');
    expect(await closure(dealId)).toMatchObject({ proposed: false, reason: null, canDecide: false });
    const events = await timeline(dealId);
    expect(events.find((e) => e.kind === 'CLOSURE_WITHDRAWN')?.note).toContain('继续撮合：约对方下周再谈');
    await t.http.post(`/api/deals/${dealId}/closure/keep`).set(...bearer(s.broker)).send({}).expect(409);
    await t.http.post(`/api/deals/${dealId}/closure/confirm`).set(...bearer(s.broker)).send({}).expect(409);
    await t.app.get(DealClosureJob).run(new Date(Date.now() + 30 * 24 * 3600 * 1000));
    expect((await deal(dealId)).stage).toBe('LEAD');
  });

  it('closes a deal nobody decided on after N days, once, even when the pass is triggered twice at once', async () => {
    // An enterprise's own request: nobody brokers the deal yet, so the brokers' pool is told and any broker may decide.
    const own = await publishedPair(t.http, s, '无人处理');
    const created = await t.http.post('/api/introductions').set(...bearer(s.enterprise)).send({ resultId: own.resultId, message: '我司希望了解该成果的许可条件与中试数据。' }).expect(201);
    const dealId = created.body.dealId as string;
    await decline(created.body.id);
    expect((await notifications(otherBroker)).some((n) => n.dealId === dealId && n.kind === 'DEAL_CLOSURE_PROPOSED')).toBe(true);
    expect(await closure(dealId, otherBroker)).toMatchObject({ proposed: true, canDecide: true });
    // A second declined deal, still inside the window.
    const fresh = await brokeredDeal('窗口期内');
    await decline(fresh.introId);

    const job = t.app.get(DealClosureJob);
    expect(await job.run()).toBe(0);
    // Eight days ago, honestly: the proposal's time moves into the past, the clock stays.
    await dataSource.query(`UPDATE deal SET lost_proposed_at = now() - interval '8 days' WHERE id = $1`, [dealId]);
    const counts = await Promise.all([job.run(), job.run()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await job.run()).toBe(0);

    const d = await deal(dealId);
    expect(d).toMatchObject({ stage: 'LOST', lostFromStage: 'LEAD' });
    expect(d.lostReason).toContain('超过7天经理人未处理，自动关闭');
    const lost = (await timeline(dealId)).filter((e) => e.toStage === 'LOST');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ actor: null, note: expect.stringContaining('超过7天经理人未处理，自动关闭') });
    expect(await stageAudits(dealId)).toEqual([expect.objectContaining({ actor_id: null })]);
    for (const who of [s.researcher, s.enterprise]) {
      expect((await notifications(who)).filter((n) => n.dealId === dealId && n.kind === 'DEAL_STAGE_CHANGED')).toHaveLength(1);
    }
    expect((await deal(fresh.dealId)).stage).toBe('LEAD');
    expect(await closure(fresh.dealId)).toMatchObject({ proposed: true });
  });
});
