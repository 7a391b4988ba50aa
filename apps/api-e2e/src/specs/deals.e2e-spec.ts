import { MatchingService } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { bearer, login, loginDemo, Session } from '../support/auth';
import { backdateNotice, DealDriver, DealSessions, HAPPY_PATH, publishedPair, Stage } from '../support/deals';
import { startTestApp, TestApp } from '../support/test-app';

const ALL: Stage[] = [...HAPPY_PATH, 'LOST'];
/** The legal moves, written out independently of the API's table. */
const LEGAL: Array<[Stage, Stage]> = [
  ['LEAD', 'TRIAGE'], ['TRIAGE', 'INTRODUCED'], ['INTRODUCED', 'INTERESTED'], ['INTERESTED', 'NDA_SIGNED'], ['NDA_SIGNED', 'NEGOTIATING'],
  ['NEGOTIATING', 'TERMS_AGREED'], ['TERMS_AGREED', 'PUBLIC_NOTICE'], ['TERMS_AGREED', 'CONTRACT_SIGNED'], ['TERMS_AGREED', 'NEGOTIATING'],
  ['PUBLIC_NOTICE', 'CONTRACT_SIGNED'], ['PUBLIC_NOTICE', 'NEGOTIATING'], ['CONTRACT_SIGNED', 'REGISTERED'], ['REGISTERED', 'PAID'], ['PAID', 'CLOSED'],
  ...HAPPY_PATH.filter((s) => s !== 'CLOSED').map((s): [Stage, Stage] => [s, 'LOST']),
];
const isLegal = (from: Stage, to: Stage) => LEGAL.some(([f, t]) => f === from && t === to);

describe('deals: stages, concurrency, NDA gating, public notice, access', () => {
  let t: TestApp;
  let s: DealSessions;
  let otherResearcher: Session;
  let pending: Session;
  let drive: DealDriver;
  let pair: { resultId: string; needId: string };

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    const [researcher, enterprise, broker, admin] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'admin')]);
    s = { researcher, enterprise, broker, admin };
    pending = await loginDemo(t.http, 'pending');
    otherResearcher = await login(t.http, 'researcher.njupt@xkx.demo', 'Xiake-Research-2026', '10.8.0.2');
    const dataSource = t.app.get(DataSource);
    drive = new DealDriver(t.http, s, backdateNotice(dataSource));
    pair = await publishedPair(t.http, s, '状态机测试');
  });
  afterAll(() => t.close());

  describe('the state machine through the API', () => {
    it('refuses every illegal move with 409 and a code, changing nothing', async () => {
      for (const from of ALL) {
        const id = await drive.walkTo(from, pair);
        const before = await drive.get(id);
        expect(before.stage).toBe(from);
        for (const to of ALL.filter((x) => !isLegal(from, x))) {
          const res = await drive.move(id, to, before.version, { note: '非法迁移' });
          expect({ from, to, status: res.status, code: res.body.code }).toEqual({ from, to, status: 409, code: 'DEAL_TRANSITION_NOT_ALLOWED' });
          expect(res.body.stage).toBe(from);
        }
        const after = await drive.get(id);
        expect(after.version).toBe(before.version);
      }
    }, 300_000); // walks a deal to every stage: slow on a loaded machine

    it.each(LEGAL)('allows %s → %s', async (from, to) => {
      const id = await drive.walkTo(from, pair);
      // Skipping the notice needs a result that does not require one (priced on an exchange).
      if (from === 'TERMS_AGREED' && to === 'CONTRACT_SIGNED') {
        const d = await drive.get(id);
        await t.http.patch(`/api/deals/${id}`).set(...bearer(s.broker)).send({ version: d.version, pricingMethod: 'LISTING' }).expect(200);
      }
      const moved = await drive.step(id, to, to === 'LOST' ? { note: '企业年度预算取消' } : {});
      expect(moved.stage).toBe(to);
      const deal = await drive.get(id);
      expect(deal.stage).toBe(to);
      if (to === 'LOST') expect(deal).toMatchObject({ lostReason: '企业年度预算取消', lostFromStage: from });
    });

    it('keeps every move on the timeline with actor, time and note', async () => {
      const id = await drive.walkTo('NDA_SIGNED', pair);
      const res = await t.http.get(`/api/deals/${id}/timeline`).set(...bearer(s.researcher)).expect(200);
      const moves = (res.body as Array<{ kind: string; toStage: string; note: string; actor: { name: string }; at: string }>).filter((e) => e.kind === 'STAGE');
      expect(moves.map((m) => m.toStage)).toEqual(['TRIAGE', 'INTRODUCED', 'INTERESTED', 'NDA_SIGNED']);
      expect(moves[0]).toMatchObject({ note: '移到 TRIAGE', actor: { name: '李经理' } });
      expect(Date.parse(moves[0]!.at)).not.toBeNaN();
      expect(res.body.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['CREATED', 'NDA_ACCEPTED']));
    });

    it('needs a reason for LOST and refuses guarded moves with their own codes', async () => {
      const id = await drive.walkTo('INTERESTED', pair);
      const d = await drive.get(id);
      const noReason = await drive.move(id, 'LOST', d.version, { note: '' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('note');
      const nda = await drive.move(id, 'NDA_SIGNED', d.version);
      expect(nda.status).toBe(409);
      expect(nda.body.code).toBe('DEAL_NDA_PENDING');
    });

    it('answers a stale version with 409 VERSION_CONFLICT and the current version', async () => {
      const id = await drive.open(pair.resultId, pair.needId);
      const { version } = await drive.get(id);
      await drive.move(id, 'TRIAGE', version).expect(200);
      const stale = await drive.move(id, 'INTRODUCED', version);
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: version + 1 });
    });

    it('lets exactly one of two concurrent moves win', async () => {
      for (let round = 0; round < 3; round++) {
        const id = await drive.open(pair.resultId, pair.needId);
        const { version } = await drive.get(id);
        const [a, b] = await Promise.all([drive.move(id, 'TRIAGE', version), drive.move(id, 'LOST', version, { note: '重复线索' })]);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        expect([a.body.code, b.body.code]).toContain('VERSION_CONFLICT');
        const after = await drive.get(id);
        expect(after.version).toBe(version + 1);
        const timeline = await t.http.get(`/api/deals/${id}/timeline`).set(...bearer(s.broker)).expect(200);
        expect(timeline.body.filter((e: { kind: string }) => e.kind === 'STAGE')).toHaveLength(1);
      }
    });
  });

  describe('public notice (公示) for a university result priced by agreement', () => {
    it('refuses the contract before the notice ends, shows the notice publicly, and lets an administrator override with a reason', async () => {
      const id = await drive.walkTo('TERMS_AGREED', pair);
      let d = await drive.get(id);
      expect(d['publicNoticeRequired']).toBe(true);
      const early = await drive.recordContract(id);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('DEAL_PUBLIC_NOTICE_PENDING');
      // Without a contract there is nothing to sign: the stage cannot be moved by hand either.
      expect((await drive.move(id, 'CONTRACT_SIGNED', d.version)).body.code).toBe('DEAL_CONTRACT_REQUIRED');

      await drive.move(id, 'PUBLIC_NOTICE', d.version).expect(200);
      d = await drive.get(id);
      const notice = d['publicNotice'] as { id: string; startsOn: string; endsOn: string; intendedPriceFen: number; ended: boolean };
      expect(notice.intendedPriceFen).toBe(98_765_432);
      const start = new Date(`${notice.startsOn}T00:00:00Z`);
      start.setUTCDate(start.getUTCDate() + 14);
      expect(notice.endsOn).toBe(start.toISOString().slice(0, 10));
      expect(notice.ended).toBe(false);

      const list = await t.http.get('/api/public-notices').expect(200);
      expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: notice.id, institutionName: '南京大学', enterpriseName: '南京栖霞新能源科技有限公司', intendedPriceFen: 98_765_432 })]));
      await t.http.post(`/api/public-notices/${notice.id}/objections`).send({ name: '王某', contact: '13800000000', body: '该成果部分专利的权属存在争议，请核实。' }).expect(201);
      const objections = await t.http.get(`/api/public-notices/${notice.id}/objections`).set(...bearer(s.broker)).expect(200);
      expect(objections.body).toHaveLength(1);
      await t.http.get(`/api/public-notices/${notice.id}/objections`).set(...bearer(s.researcher)).expect(403);

      const stillEarly = await drive.recordContract(id);
      expect(stillEarly.body.code).toBe('DEAL_PUBLIC_NOTICE_PENDING');
      const brokerOverride = await drive.recordContract(id, { overrideReason: '企业急需，先签后补' });
      expect(brokerOverride.status).toBe(403);
      expect(brokerOverride.body.code).toBe('DEAL_NOTICE_OVERRIDE_ADMIN_ONLY');
      expect((await drive.get(id)).stage).toBe('PUBLIC_NOTICE');
      await drive.recordContract(id, { overrideReason: '经校长办公会审议同意，公示期内无异议部分先行签约' }, s.admin).expect(201);
      d = await drive.get(id);
      expect(d.stage).toBe('CONTRACT_SIGNED');
      expect(d['noticeOverrideReason']).toContain('校长办公会');
      const timeline = await t.http.get(`/api/deals/${id}/timeline`).set(...bearer(s.broker)).expect(200);
      expect(timeline.body.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['CONTRACT_RECORDED', 'STAGE', 'NOTICE_OVERRIDE']));
    });

    it('keeps the pricing method while the notice runs, so a listed price cannot cut the notice short', async () => {
      const id = await drive.walkTo('PUBLIC_NOTICE', pair);
      expect((await drive.recordContract(id)).body.code).toBe('DEAL_PUBLIC_NOTICE_PENDING');
      let d = await drive.get(id);
      const patch = (body: Record<string, unknown>) => t.http.patch(`/api/deals/${id}`).set(...bearer(s.broker)).send({ version: d.version, ...body });
      const change = await patch({ pricingMethod: 'LISTING' }).expect(409);
      expect(change.body.code).toBe('DEAL_PUBLIC_NOTICE_PENDING');
      d = await drive.get(id);
      expect(d['pricingMethod']).not.toBe('LISTING');
      expect((await drive.recordContract(id)).body.code).toBe('DEAL_PUBLIC_NOTICE_PENDING');
      // Other edits go on; reopening negotiation withdraws the notice, and the method may change there, on the record.
      await patch({ nextAction: '公示期满后安排签约' }).expect(200);
      await drive.step(id, 'NEGOTIATING', { note: '改为挂牌交易' });
      d = await drive.get(id);
      await patch({ pricingMethod: 'LISTING' }).expect(200);
      const timeline = await t.http.get(`/api/deals/${id}/timeline`).set(...bearer(s.broker)).expect(200);
      expect(timeline.body.map((e: { note: string | null }) => e.note)).toContain('定价方式：未填（按协议定价） → 挂牌交易');
    });

    it('allows signing once the notice has ended (backdated) and withdraws a notice when negotiation reopens', async () => {
      const signed = await drive.walkTo('CONTRACT_SIGNED', pair);
      expect((await drive.get(signed)).stage).toBe('CONTRACT_SIGNED');
      const reopened = await drive.walkTo('PUBLIC_NOTICE', pair);
      const noticeId = ((await drive.get(reopened))['publicNotice'] as { id: string }).id;
      await drive.step(reopened, 'NEGOTIATING', { note: '异议成立，重新议价' });
      expect((await drive.get(reopened))['publicNotice']).toBeNull();
      await t.http.get(`/api/public-notices/${noticeId}`).expect(404);
    });
  });

  describe('NDA gating of confidential detail', () => {
    it('shows the other side’s confidential layer only after the NDA, only to that party, and logs each view', async () => {
      const own = await publishedPair(t.http, s, '保密门控');
      const id = await drive.open(own.resultId, own.needId);
      const confidential = async (kind: 'results' | 'needs', listingId: string, who?: Session) => {
        const req = t.http.get(`/api/${kind}/${listingId}`);
        if (who) req.set(...bearer(who));
        return (await req.expect(200)).body.confidentialDetail as string | null;
      };
      expect(await confidential('results', own.resultId, s.enterprise)).toBeNull();
      const nda = await t.http.get('/api/nda/current').set(...bearer(s.enterprise)).expect(200);
      const tooEarly = await t.http.post(`/api/deals/${id}/nda/accept`).set(...bearer(s.enterprise)).send({ version: nda.body.version });
      expect(tooEarly.status).toBe(409);
      expect(tooEarly.body.code).toBe('NDA_NOT_AVAILABLE');

      for (const to of ['TRIAGE', 'INTRODUCED', 'INTERESTED'] as const) await drive.step(id, to);
      const outdated = await t.http.post(`/api/deals/${id}/nda/accept`).set(...bearer(s.enterprise)).send({ version: nda.body.version + 1 });
      expect(outdated.body.code).toBe('NDA_VERSION_OUTDATED');
      await t.http.post(`/api/deals/${id}/nda/accept`).set(...bearer(otherResearcher)).send({ version: nda.body.version }).expect(404);
      const accepted = await t.http.post(`/api/deals/${id}/nda/accept`).set(...bearer(s.enterprise)).set('X-Forwarded-For', '10.20.30.40').send({ version: nda.body.version }).expect(200);
      expect(accepted.body).toMatchObject({ ndaVersion: nda.body.version });
      expect(accepted.body.acceptedAt).toBeTruthy();

      expect(await confidential('results', own.resultId, s.enterprise)).toContain('【成果保密】');
      expect(await confidential('results', own.resultId, otherResearcher)).toBeNull();
      expect(await confidential('results', own.resultId)).toBeNull();
      // The researcher has not accepted yet: the enterprise's need stays closed to them.
      expect(await confidential('needs', own.needId, s.researcher)).toBeNull();
      await t.http.post(`/api/deals/${id}/nda/accept`).set(...bearer(s.researcher)).send({ version: nda.body.version }).expect(200);
      expect(await confidential('needs', own.needId, s.researcher)).toContain('【需求保密】');

      const views = await t.http.get('/api/nda/views').query({ kind: 'RESULT', listingId: own.resultId }).set(...bearer(s.researcher)).expect(200);
      expect(views.body).toEqual(expect.arrayContaining([expect.objectContaining({ viewerId: s.enterprise.userId, basis: 'NDA', organizationName: '南京栖霞新能源科技有限公司' })]));
      expect(views.body.some((v: { viewerId: string }) => v.viewerId === otherResearcher.userId)).toBe(false);
      await t.http.get('/api/nda/views').query({ kind: 'RESULT', listingId: own.resultId }).set(...bearer(otherResearcher)).expect(404);

      const detail = await drive.get(id, s.enterprise);
      expect(detail['nda']).toMatchObject({ acceptedByMe: true, pendingParties: 0 });
      await drive.step(id, 'LOST', { note: '企业转向其他技术路线' });
      expect(await confidential('results', own.resultId, s.enterprise)).toBeNull();
    });
  });

  describe('access', () => {
    it('keeps deals to brokers and the parties let in', async () => {
      const id = await drive.open(pair.resultId, pair.needId);
      await t.http.get(`/api/deals/${id}`).expect(401);
      await t.http.get(`/api/deals/${id}`).set(...bearer(otherResearcher)).expect(404);
      await t.http.get(`/api/deals/${id}`).set(...bearer(pending)).expect(403); // a pending account sees no deal at all (issue 11)
      await t.http.get(`/api/deals/${id}/messages`).set(...bearer(otherResearcher)).expect(404);
      const mine = await t.http.get(`/api/deals/${id}`).set(...bearer(s.researcher)).expect(200);
      expect(mine.body.mySide).toBe('INSTITUTION');
      const list = await t.http.get('/api/deals').set(...bearer(otherResearcher)).expect(200);
      expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(id);
      const { version } = await drive.get(id);
      const partyMove = await drive.move(id, 'TRIAGE', version, {}, s.researcher);
      expect(partyMove.status).toBe(403);
      await t.http.get('/api/deals/board').set(...bearer(s.enterprise)).expect(403);
    });

    it('lists overdue next actions first and builds the board with droppable columns', async () => {
      const late = await drive.open(pair.resultId, pair.needId, { nextAction: '催企业回复技术指标', nextActionDue: '2020-01-01' });
      const board = await t.http.get('/api/deals/board').set(...bearer(s.broker)).expect(200);
      const lead = board.body.columns.find((c: { stage: string }) => c.stage === 'LEAD');
      expect(lead.allowedStages).toEqual(['TRIAGE', 'LOST']);
      expect(lead.deals[0]).toMatchObject({ id: late, overdue: true });
      const list = await t.http.get('/api/deals').query({ brokerId: s.broker.userId }).set(...bearer(s.broker)).expect(200);
      expect(list.body.items[0]).toMatchObject({ id: late, overdue: true });
      const filtered = await t.http.get('/api/deals/board').query({ fieldCode: 'NE' }).set(...bearer(s.broker)).expect(200);
      expect(filtered.body.columns.flatMap((c: { deals: unknown[] }) => c.deals).length).toBeGreaterThan(0);
      const none = await t.http.get('/api/deals/board').query({ fieldCode: 'BIO' }).set(...bearer(s.broker)).expect(200);
      expect(none.body.columns.flatMap((c: { deals: Array<{ id: string }> }) => c.deals).map((d: { id: string }) => d.id)).not.toContain(late);
    });
  });

  describe('introductions, messages, offers, notifications', () => {
    it('takes an enterprise’s request through the brokers’ queue to the owner’s answer', async () => {
      const own = await publishedPair(t.http, s, '对接请求');
      await t.http.post('/api/introductions').set(...bearer(pending)).send({ needId: own.needId, message: '我想了解一下这个需求的更多信息。' }).expect(403);
      await t.http.post('/api/introductions').set(...bearer(s.researcher)).send({ resultId: own.resultId, message: '不能对自己的成果发起对接请求。' }).expect(400);
      const created = await t.http.post('/api/introductions').set(...bearer(s.enterprise)).send({ resultId: own.resultId, message: '我司正在建设储能电池产线，希望了解中试数据与许可条件。' }).expect(201);
      expect(created.body).toMatchObject({ status: 'PENDING', origin: 'SELF_REQUEST', targetKind: 'RESULT', canAnswer: false });
      await t.http.post('/api/introductions').set(...bearer(s.enterprise)).send({ resultId: own.resultId, message: '再次发起同一对接请求应被拒绝。' }).expect(409);

      const queue = await t.http.get('/api/introductions').query({ status: 'PENDING' }).set(...bearer(s.broker)).expect(200);
      expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
      const asked = await t.http.get('/api/introductions').query({ scope: 'asked' }).set(...bearer(s.researcher)).expect(200);
      expect(asked.body.items[0]).toMatchObject({ id: created.body.id, canAnswer: true });
      await t.http.get(`/api/introductions/${created.body.id}`).set(...bearer(otherResearcher)).expect(404);

      const dealId = created.body.dealId as string;
      const lead = await drive.get(dealId);
      expect(lead.stage).toBe('LEAD');
      expect((lead['participants'] as Array<{ side: string }>).filter((p) => p.side === 'BROKER')).toEqual([]);
      await drive.step(dealId, 'TRIAGE');
      // The broker who moves a deal nobody brokers yet takes it on.
      const triaged = await drive.get(dealId);
      expect((triaged['participants'] as Array<{ side: string; userId: string }>).filter((p) => p.side === 'BROKER').map((p) => p.userId)).toEqual([s.broker.userId]);
      await drive.step(dealId, 'INTRODUCED');
      await t.http.post(`/api/introductions/${created.body.id}/answer`).set(...bearer(s.enterprise)).send({ answer: 'INTERESTED' }).expect(403);
      const answered = await t.http.post(`/api/introductions/${created.body.id}/answer`).set(...bearer(s.researcher)).send({ answer: 'INTERESTED', note: '欢迎来实验室参观中试线' }).expect(200);
      expect(answered.body.status).toBe('INTERESTED');
      expect((await drive.get(dealId)).stage).toBe('INTERESTED');
      await t.http.post(`/api/introductions/${created.body.id}/answer`).set(...bearer(s.researcher)).send({ answer: 'DECLINED', reason: 'NOT_A_FIT' }).expect(409);
      // Answered, but its deal is still open: asking again points at that deal instead of opening a second one.
      const again = await t.http.post('/api/introductions').set(...bearer(s.enterprise)).send({ resultId: own.resultId, message: '请问中试线参观时间如何安排？' }).expect(409);
      expect(again.body).toMatchObject({ code: 'INTRODUCTION_DUPLICATE', dealId });
      // Once that deal is lost, a new request may start over.
      await drive.step(dealId, 'LOST');
      await t.http.post('/api/introductions').set(...bearer(s.enterprise)).send({ resultId: own.resultId, message: '我司调整了方案，希望重新洽谈许可条件。' }).expect(201);
    });

    it('records a decline with its reason, proposes closing the early deal to its broker and tells the matching engine', async () => {
      const own = await publishedPair(t.http, s, '婉拒反馈');
      const created = await t.http.post('/api/introductions').set(...bearer(s.broker)).send({ resultId: own.resultId, needId: own.needId, matchScore: 0.82, message: '匹配引擎推荐：技术指标与需求高度吻合，建议对接。' }).expect(201);
      expect(created.body.origin).toBe('MATCH');
      await t.http.post(`/api/introductions/${created.body.id}/answer`).set(...bearer(s.researcher)).send({ answer: 'DECLINED' }).expect(400);
      await t.http.post(`/api/introductions/${created.body.id}/answer`).set(...bearer(s.researcher)).send({ answer: 'DECLINED', reason: 'TOO_EARLY_STAGE', note: '企业需求要求量产，我方仍在中试' }).expect(200);
      // Issue 12: the deal stays where it was until its broker confirms 未成交 (decline-closure.e2e-spec.ts).
      const deal = await drive.get(created.body.dealId);
      expect(deal).toMatchObject({ stage: 'LEAD', lostFromStage: null });
      const closure = await t.http.get(`/api/deals/${created.body.dealId}/closure`).set(...bearer(s.broker)).expect(200);
      expect(closure.body).toMatchObject({ proposed: true, canDecide: true });
      expect(closure.body.reason).toContain('技术成熟度');
      // The decline is on the change feed, committed with the answer (issue 13), and becomes one feedback row.
      const heard = await t.app.get(DataSource).query(`SELECT payload FROM change_feed WHERE topic = 'introduction.declined' AND payload->>'introductionId' = $1`, [created.body.id]);
      expect(heard).toEqual([{ payload: expect.objectContaining({ needId: own.needId, resultId: own.resultId, reason: 'TOO_EARLY_STAGE' }) }]);
      // The matching engine learned it: the declined pair no longer appears among the need's matches.
      await t.app.get(MatchingService).settled();
      const feedback = await t.app.get(DataSource).query(`SELECT source, reason FROM match_feedback WHERE need_id = $1 AND result_id = $2`, [own.needId, own.resultId]);
      expect(feedback).toEqual([{ source: 'INTRODUCTION', reason: 'TOO_EARLY_STAGE' }]);
      const matches = await t.http.get(`/api/needs/${own.needId}/matches?limit=100`).set(...bearer(s.broker)).expect(200);
      expect(matches.body.items.map((m: { counterpart: { id: string } }) => m.counterpart.id)).not.toContain(own.resultId);
    });

    it('runs a message thread and offers with notifications and mail', async () => {
      const id = await drive.walkTo('NEGOTIATING', pair);
      const before = (await t.http.get('/api/notifications').query({ unreadOnly: true }).set(...bearer(s.enterprise)).expect(200)).body.unread as number;
      await t.http.post(`/api/deals/${id}/messages`).set(...bearer(s.researcher)).send({ body: '附件为中试报告摘要，请查收。' }).expect(201);
      const thread = await t.http.get(`/api/deals/${id}/messages`).set(...bearer(s.enterprise)).expect(200);
      expect(thread.body.at(-1)).toMatchObject({ authorName: '张教授', authorSide: 'INSTITUTION', body: '附件为中试报告摘要，请查收。' });
      const notes = await t.http.get('/api/notifications').query({ unreadOnly: true }).set(...bearer(s.enterprise)).expect(200);
      expect(notes.body.unread).toBe(before + 1);
      expect(notes.body.items[0]).toMatchObject({ kind: 'DEAL_MESSAGE', dealId: id, title: expect.stringContaining('新消息'), titleEn: expect.stringMatching(/message/i) });
      await t.http.post(`/api/notifications/${notes.body.items[0].id}/read`).set(...bearer(s.enterprise)).expect(204);
      await t.http.post(`/api/notifications/${notes.body.items[0].id}/read`).set(...bearer(s.researcher)).expect(404);
      const outbox = await t.http.get('/api/outbox').set(...bearer(s.admin)).expect(200);
      expect(JSON.stringify(outbox.body)).toContain('有新消息');

      const offer = await t.http.post(`/api/deals/${id}/offers`).set(...bearer(s.enterprise)).send({ priceFen: 123_456_789, terms: '普通许可 3 年' }).expect(201);
      await t.http.post(`/api/deals/${id}/offers/${offer.body.id}/accept`).set(...bearer(s.enterprise)).send({}).expect(409);
      await t.http.post(`/api/deals/${id}/offers/${offer.body.id}/accept`).set(...bearer(s.broker)).send({}).expect(403);
      await t.http.post(`/api/deals/${id}/offers/${offer.body.id}/decline`).set(...bearer(s.researcher)).send({ note: '价格偏低' }).expect(200);
      const counter = await t.http.post(`/api/deals/${id}/offers`).set(...bearer(s.researcher)).send({ priceFen: 150_000_001, terms: '独占许可 5 年' }).expect(201);
      const accepted = await t.http.post(`/api/deals/${id}/offers/${counter.body.id}/accept`).set(...bearer(s.enterprise)).send({}).expect(200);
      expect(accepted.body).toMatchObject({ status: 'ACCEPTED', priceFen: 150_000_001, side: 'INSTITUTION' });
      expect((await drive.get(id))['agreedPriceFen']).toBe(150_000_001);
      const offers = await t.http.get(`/api/deals/${id}/offers`).set(...bearer(s.researcher)).expect(200);
      expect(offers.body.map((o: { status: string }) => o.status)).toEqual(['DECLINED', 'ACCEPTED']);
      const notNegotiating = await drive.walkTo('LEAD', pair);
      const refused = await t.http.post(`/api/deals/${notNegotiating}/offers`).set(...bearer(s.enterprise)).send({ priceFen: 1, terms: '试探报价' }).expect(409);
      expect(refused.body.code).toBe('OFFER_NOT_ALLOWED');
    });
  });
});
