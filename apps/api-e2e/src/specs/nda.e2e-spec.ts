import { DataSource } from 'typeorm';
import { bearer, login, loginDemo, Session } from '../support/auth';
import { backdateNotice, DealDriver, DealSessions, publishedPair } from '../support/deals';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The NDA as a versioned document (issue 12): administrators publish new versions (old ones never change,
 * signatures keep the version and text hash they signed), a signature names the text read and is refused
 * if that text is no longer the current one, and the confidential-view log is for the listing's side only.
 */
describe('NDA: versions, signing what was read, the confidential-view log', () => {
  let t: TestApp;
  let s: DealSessions;
  let drive: DealDriver;
  let otherEnterprise: Session;
  let otherResearcher: Session;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    const [researcher, enterprise, broker, admin] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'admin')]);
    s = { researcher, enterprise, broker, admin };
    drive = new DealDriver(t.http, s, backdateNotice(t.app.get(DataSource)));
    otherResearcher = await login(t.http, 'researcher.njupt@xkx.demo', 'Xiake-Research-2026', '10.8.0.2');
    const orgId: string = (await t.http.get('/api/auth/me').set(...bearer(enterprise)).expect(200)).body.organization.id;
    const orgs = (await t.http.get('/api/organizations').query({ kind: 'ENTERPRISE', limit: 100 }).expect(200)).body.items as Array<{ id: string; kind: string }>;
    const otherOrg = orgs.find((o) => o.kind === 'ENTERPRISE' && o.id !== orgId);
    if (!otherOrg) throw new Error('the demo data has only one enterprise');
    const password = 'Matrix-Callers-2026!';
    await t.http.post('/api/users').set(...bearer(admin)).send({ email: 'other@nda.cn', password, name: '别家企业', role: 'ENTERPRISE', organizationId: otherOrg.id }).expect(201);
    otherEnterprise = await login(t.http, 'other@nda.cn', password, '10.8.0.3');
  });
  afterAll(() => t.close());

  /** A deal between the demo researcher's result and the demo enterprise's need, at INTERESTED. */
  async function interestedDeal(title: string): Promise<{ id: string; resultId: string; needId: string }> {
    const pair = await publishedPair(t.http, s, title);
    const id = await drive.open(pair.resultId, pair.needId);
    for (const to of ['TRIAGE', 'INTRODUCED', 'INTERESTED'] as const) await drive.step(id, to);
    return { id, ...pair };
  }

  it('signs the text read (version and hash), refuses a stale hash with 409, and publishing keeps old versions and signatures', async () => {
    const deal = await interestedDeal('保密协议版本');
    const v1 = (await t.http.get('/api/nda/current').set(...bearer(s.enterprise)).expect(200)).body;
    expect(v1.textHash).toMatch(/^[0-9a-f]{64}$/);

    const wrongHash = await t.http.post(`/api/deals/${deal.id}/nda/accept`).set(...bearer(s.enterprise)).send({ version: v1.version, textHash: '0'.repeat(64) });
    expect(wrongHash.status).toBe(409);
    expect(wrongHash.body.code).toBe('NDA_VERSION_OUTDATED');
    expect(wrongHash.body.message).toContain('保密协议已更新');
    await t.http.post(`/api/deals/${deal.id}/nda/accept`).set(...bearer(s.enterprise)).send({ version: v1.version, textHash: 'not-a-hash' }).expect(400);
    const signed = await t.http.post(`/api/deals/${deal.id}/nda/accept`).set(...bearer(s.enterprise)).send({ version: v1.version, textHash: v1.textHash }).expect(200);
    expect(signed.body).toMatchObject({ ndaVersion: v1.version, textHash: v1.textHash });

    // Only administrators publish; the body and a reason are required.
    const text = { title: '技术转移保密协议（2027 修订）', body: '双方对在项目洽谈中获知的对方保密信息承担保密义务，保密期限为五年，自签署之日起计算。', reason: '保密期限由三年延长为五年' };
    for (const who of [s.broker, s.enterprise, s.researcher]) await t.http.post('/api/nda/versions').set(...bearer(who)).send(text).expect(403);
    await t.http.post('/api/nda/versions').set(...bearer(s.admin)).send({ ...text, reason: '' }).expect(400);
    await t.http.post('/api/nda/versions').set(...bearer(s.admin)).send({ title: text.title, body: text.body }).expect(400);
    const v2 = (await t.http.post('/api/nda/versions').set(...bearer(s.admin)).send(text).expect(201)).body;
    expect(v2).toMatchObject({ version: v1.version + 1, title: text.title, body: text.body, createdByName: expect.any(String) });
    expect(v2.textHash).not.toBe(v1.textHash);

    const versions = (await t.http.get('/api/nda/versions').set(...bearer(s.admin)).expect(200)).body as Array<{ version: number; textHash: string; body: string; createdByName: string | null }>;
    expect(versions.map((v) => v.version)).toEqual([v2.version, v1.version, ...versions.slice(2).map((v) => v.version)]);
    expect(versions.find((v) => v.version === v1.version)).toMatchObject({ textHash: v1.textHash, body: v1.body });
    expect((await t.http.get('/api/nda/current').set(...bearer(s.researcher)).expect(200)).body).toMatchObject({ version: v2.version, textHash: v2.textHash });

    // The researcher read v1 before v2 was published: refused with the current version named.
    const stale = await t.http.post(`/api/deals/${deal.id}/nda/accept`).set(...bearer(s.researcher)).send({ version: v1.version, textHash: v1.textHash });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'NDA_VERSION_OUTDATED', currentNdaVersion: v2.version });
    const sameVersionOldText = await t.http.post(`/api/deals/${deal.id}/nda/accept`).set(...bearer(s.researcher)).send({ version: v2.version, textHash: v1.textHash });
    expect(sameVersionOldText.status).toBe(409);
    await t.http.post(`/api/deals/${deal.id}/nda/accept`).set(...bearer(s.researcher)).send({ version: v2.version, textHash: v2.textHash }).expect(200);

    // The enterprise's signature keeps v1 and its hash.
    const detail = await drive.get(deal.id, s.broker);
    const signatures = (detail['nda'] as { signatures: Array<{ userId: string; ndaVersion: number; textHash: string }> }).signatures;
    expect(signatures).toEqual(expect.arrayContaining([
      expect.objectContaining({ userId: s.enterprise.userId, ndaVersion: v1.version, textHash: v1.textHash }),
      expect.objectContaining({ userId: s.researcher.userId, ndaVersion: v2.version, textHash: v2.textHash }),
    ]));

    // Audited, with the reason and the new text's hash.
    const audit = (await t.http.get('/api/audit-logs').query({ action: 'NDA_VERSION_PUBLISHED' }).set(...bearer(s.admin)).expect(200)).body.items as Array<{ details: Record<string, unknown> }>;
    expect(audit[0]?.details).toMatchObject({ ndaVersion: v2.version, textHash: v2.textHash, reason: text.reason });
  });

  it('shows the confidential-view log to the listing owner and brokers, and to no other member or enterprise', async () => {
    const deal = await interestedDeal('查阅记录');
    const current = (await t.http.get('/api/nda/current').set(...bearer(s.enterprise)).expect(200)).body;
    for (const who of [s.enterprise, s.researcher]) {
      await t.http.post(`/api/deals/${deal.id}/nda/accept`).set(...bearer(who)).send({ version: current.version, textHash: current.textHash }).expect(200);
    }
    expect((await t.http.get(`/api/results/${deal.resultId}`).set(...bearer(s.enterprise)).expect(200)).body.confidentialDetail).toContain('【成果保密】');
    expect((await t.http.get(`/api/needs/${deal.needId}`).set(...bearer(s.researcher)).expect(200)).body.confidentialDetail).toContain('【需求保密】');

    const log = (who: Session, kind: 'RESULT' | 'NEED', listingId: string) => t.http.get('/api/nda/views').query({ kind, listingId }).set(...bearer(who));
    // The result's owner and the deal's broker see who read the result's confidential layer.
    for (const who of [s.researcher, s.broker]) {
      const res = await log(who, 'RESULT', deal.resultId).expect(200);
      expect(res.body).toEqual(expect.arrayContaining([expect.objectContaining({ viewerId: s.enterprise.userId, viewerName: expect.any(String), organizationName: '南京栖霞新能源科技有限公司', basis: 'NDA', at: expect.any(String) })]));
    }
    // The need's enterprise (its owner) and the broker see the researcher's view of the need.
    expect((await log(s.enterprise, 'NEED', deal.needId).expect(200)).body).toEqual(expect.arrayContaining([expect.objectContaining({ viewerId: s.researcher.userId })]));
    // The other party of the deal, another researcher and another enterprise do not.
    await log(s.enterprise, 'RESULT', deal.resultId).expect(404);
    await log(s.researcher, 'NEED', deal.needId).expect(404);
    for (const who of [otherResearcher, otherEnterprise]) {
      await log(who, 'RESULT', deal.resultId).expect(404);
      await log(who, 'NEED', deal.needId).expect(404);
    }
  });
});
