import { DataSource } from 'typeorm';
import { bearer, login, loginDemo, registerAndSignIn, Session } from '../support/auth';
import { needPayload } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 11, "membership before access": joining an existing organization is a request. Until a broker
 * approves it, the pending account sees and changes nothing of the organization (listings, confidential
 * layers, deals with their timeline and messages, NDAs, R&D figures, contracts); it may edit its own
 * profile and its own drafts. Approval and refusal are audited, mailed and shown in the bell.
 */
describe('membership before access', () => {
  let t: TestApp;
  let enterprise: Session;
  let broker: Session;
  let admin: Session;
  let pending: Session;
  let orgId: string;
  let orgNeed: { id: string; version: number };
  let orgDealId: string;
  const password = 'Qixia-Membership-2026!';

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    [enterprise, broker, admin] = [await loginDemo(t.http, 'enterprise'), await loginDemo(t.http, 'broker'), await loginDemo(t.http, 'admin')];
    const me = await t.http.get('/api/auth/me').set(...bearer(enterprise)).expect(200);
    orgId = me.body.organization.id;
    // The 统一社会信用代码 is public: anyone can read it from the organization page.
    const org = await t.http.get(`/api/organizations/${orgId}`).expect(200);
    const mine = await t.http.get('/api/needs/mine').set(...bearer(enterprise)).expect(200);
    const published = (mine.body as Array<{ id: string; version: number; status: string }>).find((n) => n.status === 'PUBLISHED');
    if (!published) throw new Error('the demo enterprise has no published need');
    orgNeed = { id: published.id, version: published.version };
    const deals = await t.http.get('/api/deals').set(...bearer(enterprise)).expect(200);
    orgDealId = deals.body.items[0].id;
    const registered = await registerAndSignIn(t.http, { email: 'intruder@example.cn', password, name: '冒名者', role: 'ENTERPRISE', enterprise: { creditCode: org.body.creditCode } }, '10.11.0.1');
    expect(registered.user.status).toBe('PENDING');
    pending = registered;
  }, 180_000);
  afterAll(() => t.close());

  describe('a pending account joining an existing enterprise', () => {
    it('does not list the enterprise’s needs as its own', async () => {
      const res = await t.http.get('/api/needs/mine').set(...bearer(pending)).expect(200);
      expect(res.body).toEqual([]);
    });

    it('cannot edit the enterprise’s need', async () => {
      const res = await t.http.patch(`/api/needs/${orgNeed.id}`).set(...bearer(pending)).send({ version: orgNeed.version, title: '被冒名者修改的需求标题' });
      expect([403, 404]).toContain(res.status);
      const after = await t.http.get(`/api/needs/${orgNeed.id}`).set(...bearer(enterprise)).expect(200);
      expect(after.body.title).not.toBe('被冒名者修改的需求标题');
    });

    it('does not see the need’s confidential layer, its history or who viewed it', async () => {
      const res = await t.http.get(`/api/needs/${orgNeed.id}`).set(...bearer(pending)).expect(200);
      expect(res.body).toMatchObject({ confidentialVisible: false, confidentialDetail: null });
      expect([403, 404]).toContain((await t.http.get(`/api/needs/${orgNeed.id}/history`).set(...bearer(pending))).status);
      expect([403, 404]).toContain((await t.http.get('/api/nda/views').query({ kind: 'NEED', listingId: orgNeed.id }).set(...bearer(pending))).status);
    });

    it('sees none of the enterprise’s deals, timelines, messages, offers or introductions', async () => {
      for (const path of ['/api/deals', `/api/deals/${orgDealId}`, `/api/deals/${orgDealId}/timeline`, `/api/deals/${orgDealId}/messages`, `/api/deals/${orgDealId}/offers`, '/api/introductions']) {
        const res = await t.http.get(path).set(...bearer(pending));
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expect(res.body.code).toBe('ACCOUNT_NOT_VERIFIED');
      }
    });

    it('cannot post a message into the enterprise’s deal or accept its NDA', async () => {
      await t.http.post(`/api/deals/${orgDealId}/messages`).set(...bearer(pending)).send({ body: '冒名者的消息' }).expect(403);
      await t.http.post(`/api/deals/${orgDealId}/nda/accept`).set(...bearer(pending)).send({ version: 1 }).expect(403);
      const thread = await t.http.get(`/api/deals/${orgDealId}/messages`).set(...bearer(broker)).expect(200);
      expect((thread.body as Array<{ body: string }>).map((m) => m.body)).not.toContain('冒名者的消息');
    });

    it('neither reads nor writes the enterprise’s R&D spending', async () => {
      await t.http.get('/api/kpis/rnd-spending/mine').set(...bearer(pending)).expect(403);
      await t.http.put(`/api/kpis/rnd-spending/${orgId}/2025`).set(...bearer(pending)).send({ amountFen: 1 }).expect(403);
    });

    it('reads no contract and no matches', async () => {
      const contracts = await t.http.get('/api/contracts').set(...bearer(broker)).expect(200);
      const contractId = (contracts.body.items as Array<{ id: string }>)[0]?.id;
      if (contractId) await t.http.get(`/api/contracts/${contractId}`).set(...bearer(pending)).expect(403);
      await t.http.get(`/api/needs/${orgNeed.id}/matches`).set(...bearer(pending)).expect(403);
    });

    it('may edit its own profile and its own drafts, and only those show as its own', async () => {
      await t.http.patch('/api/auth/me').set(...bearer(pending)).send({ name: '赵申请' }).expect(200);
      const draft = await t.http.post('/api/needs').set(...bearer(pending)).send(needPayload({ title: '申请人自己的草稿需求' })).expect(201);
      await t.http.patch(`/api/needs/${draft.body.id}`).set(...bearer(pending)).send({ version: draft.body.version, title: '申请人自己的草稿需求（改）' }).expect(200);
      const mine = await t.http.get('/api/needs/mine').set(...bearer(pending)).expect(200);
      expect((mine.body as Array<{ id: string }>).map((n) => n.id)).toEqual([draft.body.id]);
      expect((await t.http.post(`/api/needs/${draft.body.id}/submit`).set(...bearer(pending)).send({})).body.code).toBe('ACCOUNT_NOT_VERIFIED');
    });
  });

  describe('deal messages show the author’s real side', () => {
    let colleague: Session;
    beforeAll(async () => {
      // A verified member of the enterprise who is not a participant of its deal: sees it, may not write in it.
      await t.http.post('/api/users').set(...bearer(admin)).send({ email: 'colleague@example.cn', password, name: '同事', role: 'ENTERPRISE', organizationId: orgId }).expect(201);
      colleague = await login(t.http, 'colleague@example.cn', password, '10.11.0.6');
    });

    it('a non-participant cannot post', async () => {
      await t.http.get(`/api/deals/${orgDealId}/messages`).set(...bearer(colleague)).expect(200);
      const res = await t.http.post(`/api/deals/${orgDealId}/messages`).set(...bearer(colleague)).send({ body: '非参与方的消息' }).expect(403);
      expect(res.body.code).toBe('DEAL_NOT_PARTICIPANT');
      await t.http.post(`/api/deals/${orgDealId}/messages`).set(...bearer(broker)).send({ body: '技术经理人的消息' }).expect(201);
    });

    it('no message is labelled a broker’s unless a broker wrote it', async () => {
      // A message a non-participant wrote before the rule existed.
      await t.app.get(DataSource).query('INSERT INTO deal_message (deal_id, author_id, body) VALUES ($1, $2, $3)', [orgDealId, colleague.userId, '旧消息：非参与方所写']);
      const thread = await t.http.get(`/api/deals/${orgDealId}/messages`).set(...bearer(broker)).expect(200);
      const side = (body: string) => (thread.body as Array<{ body: string; authorSide: string }>).find((m) => m.body === body)?.authorSide;
      expect(side('旧消息：非参与方所写')).toBe('ENTERPRISE');
      expect(side('技术经理人的消息')).toBe('BROKER');
    });
  });

  describe('the broker decides', () => {
    it('approval is audited, mailed and in the bell; the member then sees the enterprise', async () => {
      await t.http.post(`/api/users/${pending.userId}/verify`).set(...bearer(broker)).send({}).expect(200);
      const audit = await t.http.get('/api/audit-logs').query({ subjectId: pending.userId }).set(...bearer(admin)).expect(200);
      expect((audit.body.items as Array<{ action: string }>).map((a) => a.action)).toContain('USER_VERIFIED');
      const outbox = await t.http.get('/api/outbox').set(...bearer(admin)).expect(200);
      expect(JSON.stringify(outbox.body)).toContain('intruder@example.cn');
      const bell = await t.http.get('/api/notifications').set(...bearer(pending)).expect(200);
      expect(bell.body.items[0]).toMatchObject({ kind: 'MEMBERSHIP_APPROVED' });
      const mine = await t.http.get('/api/needs/mine').set(...bearer(pending)).expect(200);
      expect((mine.body as Array<{ id: string }>).map((n) => n.id)).toContain(orgNeed.id);
      await t.http.get(`/api/deals/${orgDealId}`).set(...bearer(pending)).expect(200);
    });

    it('refusal is audited, mailed and in the bell, and the account stays out', async () => {
      const org = await t.http.get(`/api/organizations/${orgId}`).expect(200);
      const refused = await registerAndSignIn(t.http, { email: 'refused@example.cn', password, name: '被拒者', role: 'ENTERPRISE', enterprise: { creditCode: org.body.creditCode } }, '10.11.0.3');
      await t.http.post(`/api/users/${refused.userId}/reject`).set(...bearer(broker)).send({ reason: '无法确认与该企业的关系' }).expect(200);
      const audit = await t.http.get('/api/audit-logs').query({ subjectId: refused.userId }).set(...bearer(admin)).expect(200);
      expect((audit.body.items as Array<{ action: string }>).map((a) => a.action)).toContain('USER_REJECTED');
      const outbox = await t.http.get('/api/outbox').set(...bearer(admin)).expect(200);
      expect(JSON.stringify(outbox.body)).toContain('refused@example.cn');
      // The refused account cannot sign in to open its bell; its notification is kept for the record
      // and the enterprise's verified members are told someone asked to join and was refused.
      const members = await t.http.get('/api/notifications').set(...bearer(enterprise)).expect(200);
      expect((members.body.items as Array<{ kind: string }>).map((n) => n.kind)).toContain('MEMBERSHIP_REFUSED');
      await t.http.get('/api/needs/mine').set(...bearer(refused)).expect(401);
      const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.11.0.5').send({ email: 'refused@example.cn', password });
      expect(res.body.code).toBe('REGISTRATION_REJECTED');
    });
  });
});
