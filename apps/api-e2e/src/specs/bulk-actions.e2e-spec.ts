import { bearer, login, loginDemo, registerAndSignIn, Session } from '../support/auth';
import { resultPayload } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';
import { binary, readXlsx } from '../support/xlsx';

/**
 * Bulk work (issue 17): review and verification queues, deal reassignment and the deal list's Excel.
 * Each item goes through the single action's service in its own transaction, so a batch where one item
 * fails applies the others and leaves the failing one untouched, with the single action's error.
 */
describe('bulk actions', () => {
  let t: TestApp;
  let admin: Session;
  let broker: Session;
  let researcher: Session;
  const MADE_UP = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    [admin, broker, researcher] = [await loginDemo(t.http, 'admin'), await loginDemo(t.http, 'broker'), await loginDemo(t.http, 'researcher')];
  }, 240_000);
  afterAll(() => t.close());

  const audits = async (action: string, subjectId?: string): Promise<Array<{ subject: { id: string } }>> =>
    (await t.http.get('/api/audit-logs').query({ action, ...(subjectId ? { subjectId } : {}), limit: 200 }).set(...bearer(admin)).expect(200)).body.items;

  async function submittedResult(title: string): Promise<{ id: string; version: number }> {
    const created = await t.http.post('/api/results').set(...bearer(researcher)).send(resultPayload({ title })).expect(201);
    const submitted = await t.http.post(`/api/results/${created.body.id}/submit`).set(...bearer(researcher)).send({ version: created.body.version }).expect(200);
    return { id: created.body.id, version: submitted.body.version };
  }

  it('approves a mixed batch of the review queue: good items publish, a stale one, a draft and an unknown id fail alone', async () => {
    const a = await submittedResult('批量审核测试成果甲：石墨烯导热膜制备');
    const b = await submittedResult('批量审核测试成果乙：钙钛矿叠层电池封装');
    const draft = (await t.http.post('/api/results').set(...bearer(researcher)).send(resultPayload({ title: '批量审核测试草稿：固态电解质' })).expect(201)).body;

    // The note is for the whole batch: sending back without one refuses the request and changes nothing.
    const noNote = await t.http.post('/api/results/bulk-review').set(...bearer(broker)).send({ decision: 'REQUEST_CHANGES', items: [{ id: a.id }] }).expect(400);
    expect(noNote.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);

    const res = await t.http
      .post('/api/results/bulk-review')
      .set(...bearer(broker))
      .set('Accept-Language', 'en')
      .send({ decision: 'APPROVE', note: '材料齐全', items: [{ id: a.id, version: a.version }, { id: b.id, version: b.version - 1 }, { id: draft.id }, { id: MADE_UP }] })
      .expect(200);
    expect(res.body).toMatchObject({ succeeded: 1, failed: 3 });
    expect(res.body.results.map((r: { id: string; ok: boolean; error: { code: string } | null }) => [r.id, r.ok, r.error?.code ?? null])).toEqual([
      [a.id, true, null],
      [b.id, false, 'VERSION_CONFLICT'],
      [draft.id, false, 'LISTING_TRANSITION_NOT_ALLOWED'],
      [MADE_UP, false, 'LISTING_NOT_FOUND'],
    ]);
    expect(res.body.results[0].version).toBeGreaterThan(a.version);
    // Worded for the caller's language, like the single route's answer.
    expect(res.body.results[1].error).toMatchObject({ statusCode: 409, currentVersion: b.version, message: expect.stringMatching(/changed by someone else/) });

    const status = async (id: string) => (await t.http.get(`/api/results/${id}`).set(...bearer(broker)).expect(200)).body.status;
    expect(await status(a.id)).toBe('PUBLISHED');
    expect(await status(b.id)).toBe('SUBMITTED');
    expect(await status(draft.id)).toBe('DRAFT');
    // Audited per listing, as the single approve is; nothing for the ones that failed.
    expect(await audits('LISTING_REVIEWED', a.id)).toHaveLength(1);
    expect(await audits('LISTING_REVIEWED', b.id)).toHaveLength(0);

    // The stale one, retried with its version, is sent back with the note; the owner is told.
    const back = await t.http.post('/api/results/bulk-review').set(...bearer(broker)).send({ decision: 'REQUEST_CHANGES', note: '请补充中试数据', items: [{ id: b.id, version: b.version }] }).expect(200);
    expect(back.body).toMatchObject({ succeeded: 1, failed: 0 });
    const detail = (await t.http.get(`/api/results/${b.id}`).set(...bearer(researcher)).expect(200)).body;
    expect(detail.status).toBe('CHANGES_REQUESTED');

    // Only reviewers, and at most 100 distinct items.
    await t.http.post('/api/results/bulk-review').set(...bearer(researcher)).send({ decision: 'APPROVE', items: [{ id: a.id }] }).expect(403);
    await t.http.post('/api/results/bulk-review').set(...bearer(broker)).send({ decision: 'APPROVE', items: [{ id: a.id }, { id: a.id }] }).expect(400);
    await t.http.post('/api/needs/bulk-review').set(...bearer(broker)).send({ decision: 'APPROVE', items: [] }).expect(400);
  });

  it('verifies pending accounts in bulk; one already decided fails alone, and refusing needs a reason', async () => {
    const password = 'Bulk-Verify-2026!';
    const orgs = (await t.http.get('/api/organizations').query({ kind: 'UNIVERSITY', limit: 5 }).expect(200)).body.items as Array<{ id: string }>;
    const register = (email: string, ip: string) => registerAndSignIn(t.http, { email, password, name: '批量审核', role: 'RESEARCHER', organizationId: orgs[0]!.id }, ip);
    const one = await register('bulk-one@verify.cn', '10.17.0.1');
    const two = await register('bulk-two@verify.cn', '10.17.0.2');
    const three = await register('bulk-three@verify.cn', '10.17.0.3');

    await t.http.post('/api/users/bulk-verify').set(...bearer(broker)).send({ decision: 'REJECT', items: [{ id: three.userId }] }).expect(400);

    const res = await t.http.post('/api/users/bulk-verify').set(...bearer(broker)).send({ decision: 'VERIFY', items: [{ id: one.userId }, { id: broker.userId }, { id: two.userId }] }).expect(200);
    expect(res.body.results.map((r: { ok: boolean; error: { code: string } | null }) => r.error?.code ?? 'ok')).toEqual(['ok', 'USER_NOT_PENDING', 'ok']);
    const statusOf = async (id: string) => (await t.http.get(`/api/users/${id}`).set(...bearer(admin)).expect(200)).body.status;
    expect(await statusOf(one.userId)).toBe('ACTIVE');
    expect(await statusOf(two.userId)).toBe('ACTIVE');
    expect(await audits('USER_VERIFIED', two.userId)).toHaveLength(1);

    const refused = await t.http.post('/api/users/bulk-verify').set(...bearer(broker)).send({ decision: 'REJECT', reason: '所填单位与邮箱不符', items: [{ id: three.userId }] }).expect(200);
    expect(refused.body).toMatchObject({ succeeded: 1, failed: 0 });
    expect(await statusOf(three.userId)).not.toBe('PENDING');
  });

  it('hands deals to another broker (only to a broker, not a closed deal), and exports the list to Excel in words', async () => {
    const nju = await login(t.http, 'broker.nju@xkx.demo', 'Xiake-Broker-2026', '10.17.1.1');
    const deals = (await t.http.get('/api/deals').query({ limit: 200 }).set(...bearer(broker)).expect(200)).body.items as Array<{ id: string; code: string; stage: string; version: number; brokers: Array<{ id: string }> }>;
    const open = deals.filter((d) => !['CLOSED', 'LOST'].includes(d.stage) && !d.brokers.some((b) => b.id === nju.userId));
    const closed = deals.find((d) => ['CLOSED', 'LOST'].includes(d.stage));
    if (open.length < 2 || !closed) throw new Error('the demo data lacks two open deals and a closed one');
    const [first, second] = [open[0]!, open[1]!];

    // A researcher is not a broker: every item fails with the field named, and nothing changes.
    const notBroker = await t.http.post('/api/deals/bulk-reassign').set(...bearer(broker)).send({ brokerId: researcher.userId, items: [{ id: first.id, version: first.version }] }).expect(200);
    expect(notBroker.body.results[0].error).toMatchObject({ code: 'DEAL_REASSIGN_NOT_BROKER', errors: [expect.objectContaining({ field: 'brokerId' })] });

    const res = await t.http
      .post('/api/deals/bulk-reassign')
      .set(...bearer(broker))
      .send({ brokerId: nju.userId, items: [{ id: first.id, version: first.version }, { id: closed.id, version: closed.version }, { id: second.id, version: second.version }] })
      .expect(200);
    expect(res.body.results.map((r: { ok: boolean; error: { code: string } | null }) => r.error?.code ?? 'ok')).toEqual(['ok', 'DEAL_NOT_OPEN', 'ok']);
    const brokersOf = async (id: string) => ((await t.http.get(`/api/deals/${id}`).set(...bearer(broker)).expect(200)).body.brokers as Array<{ id: string }>).map((b) => b.id);
    expect(await brokersOf(first.id)).toEqual([nju.userId]);
    expect(await brokersOf(second.id)).toEqual([nju.userId]);
    expect(await brokersOf(closed.id)).toEqual(closed.brokers.map((b) => b.id));
    expect(await audits('DEAL_REASSIGNED', first.id)).toHaveLength(1);
    expect(await audits('DEAL_REASSIGNED', closed.id)).toHaveLength(0);
    // The new broker hears of it; the stale version of a second try fails alone.
    const bell = (await t.http.get('/api/notifications').set(...bearer(nju)).expect(200)).body.items as Array<{ title: string }>;
    expect(bell.some((n) => n.title.includes('转交给您'))).toBe(true);
    const stale = await t.http.post('/api/deals/bulk-reassign').set(...bearer(broker)).send({ brokerId: broker.userId, items: [{ id: first.id, version: first.version }] }).expect(200);
    expect(stale.body.results[0].error.code).toBe('VERSION_CONFLICT');

    // Sorting by next-action date, both ways; the export follows the list's filters and order.
    const asc = (await t.http.get('/api/deals').query({ sort: 'nextActionDue', limit: 200 }).set(...bearer(broker)).expect(200)).body.items as Array<{ nextActionDue: string | null }>;
    const dues = asc.map((d) => d.nextActionDue).filter((d): d is string => d !== null);
    expect(dues).toEqual([...dues].sort());
    expect(asc.slice(dues.length).every((d) => d.nextActionDue === null)).toBe(true);
    await t.http.get('/api/deals').query({ sort: 'due' }).set(...bearer(broker)).expect(400);

    const file = await t.http.get('/api/deals/export.xlsx').query({ brokerId: nju.userId, sort: '-nextActionDue' }).set(...bearer(broker)).buffer(true).parse(binary).expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const listed = (await t.http.get('/api/deals').query({ brokerId: nju.userId, sort: '-nextActionDue', limit: 200 }).set(...bearer(broker)).expect(200)).body.items as Array<{ code: string; stage: string; agreedPriceFen: number | null }>;
    const sheet = (await readXlsx(file.body as Buffer)).worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['项目编号', '阶段', '技术经理人', '下一步截止日', '约定价格（元）', '最近更新（北京时间）']));
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(rows.map((r) => r.getCell(col('项目编号')).value)).toEqual(listed.map((d) => d.code));
    for (const r of rows) {
      expect(String(r.getCell(col('阶段')).value)).toMatch(/\p{Script=Han}/u);
      expect(r.getCell(col('最近更新（北京时间）')).value).toBeInstanceOf(Date);
    }
    const priced = listed.findIndex((d) => d.agreedPriceFen !== null);
    expect(priced).toBeGreaterThanOrEqual(0); // the broker's deals include one with an agreed price, so the money column is checked
    expect(rows[priced]!.getCell(col('约定价格（元）')).value).toBe(listed[priced]!.agreedPriceFen! / 100);
    // The cell reads Beijing's wall clock: the deal's update time + 8 h, as UTC fields.
    const first2 = (await t.http.get(`/api/deals/${first.id}`).set(...bearer(broker)).expect(200)).body;
    const row = rows.find((r) => r.getCell(col('项目编号')).value === first2.code)!;
    // Excel keeps about a millisecond of precision.
    expect(Math.abs((row.getCell(col('最近更新（北京时间）')).value as Date).getTime() - (new Date(first2.updatedAt).getTime() + 8 * 3600_000))).toBeLessThan(1000);
    await t.http.get('/api/deals/export.xlsx').set(...bearer(researcher)).expect(403);
  });

  it('the field tree and the synonym groups are edited one item at a time, validated and audited', async () => {
    // Field tree: a child under an existing field, renamed, reordered; deactivating the parent takes the child along.
    await t.http.post('/api/fields').set(...bearer(admin)).send({ code: 'NE.BLK', nameZh: '批量测试领域', nameEn: 'Bulk test' }).expect(201);
    const child = (await t.http.post('/api/fields').set(...bearer(admin)).send({ code: 'NE.BLK.SUB', nameZh: '子领域', nameEn: 'Child' }).expect(201)).body;
    await t.http.post('/api/fields').set(...bearer(admin)).send({ code: 'NE.BLK', nameZh: '重复', nameEn: 'Again' }).expect(409);
    const renamed = (await t.http.patch('/api/fields/NE.BLK.SUB').set(...bearer(admin)).send({ version: child.version, nameZh: '  改名后的子领域 ', sort: 3 }).expect(200)).body;
    expect(renamed).toMatchObject({ nameZh: '改名后的子领域', sort: 3 });
    await t.http.patch('/api/fields/NE.BLK.SUB').set(...bearer(admin)).send({ version: renamed.version, nameZh: '   ' }).expect(400);
    const parent = (await t.http.get('/api/fields').query({ all: true }).expect(200)).body.find((f: { code: string }) => f.code === 'NE').children.find((f: { code: string }) => f.code === 'NE.BLK');
    await t.http.patch('/api/fields/NE.BLK').set(...bearer(admin)).send({ version: parent.version, active: false }).expect(200);
    const publicTree = JSON.stringify((await t.http.get('/api/fields').expect(200)).body);
    expect(publicTree).not.toContain('NE.BLK');
    const childAfter = (await t.http.get('/api/fields').query({ all: true }).expect(200)).body.find((f: { code: string }) => f.code === 'NE').children.find((f: { code: string }) => f.code === 'NE.BLK').children[0];
    expect(childAfter.active).toBe(false);
    const reactivate = await t.http.patch('/api/fields/NE.BLK.SUB').set(...bearer(admin)).send({ version: childAfter.version, active: true }).expect(409);
    expect(reactivate.body).toMatchObject({ code: 'FIELD_PARENT_INACTIVE', errors: [expect.objectContaining({ field: 'active' })] });
    await t.http.post('/api/fields').set(...bearer(admin)).send({ code: 'NE.BLK.TWO', nameZh: '另一个', nameEn: 'Another' }).expect(409);
    expect((await audits('FIELD_UPDATED')).length).toBeGreaterThanOrEqual(2);
    expect(await audits('FIELD_CREATED')).toHaveLength(2);

    // Synonym groups: add, a term already elsewhere is named field by field, edit with a version, delete.
    const created = (await t.http.post('/api/synonyms').set(...bearer(admin)).send({ terms: [' 磁悬浮轴承 ', '磁浮轴承'] }).expect(201)).body;
    expect(created.terms).toEqual(['磁悬浮轴承', '磁浮轴承']);
    const taken = await t.http.post('/api/synonyms').set(...bearer(admin)).send({ terms: ['磁轴承', '磁浮轴承'] }).expect(409);
    expect(taken.body).toMatchObject({ code: 'SYNONYM_TERM_TAKEN', errors: [{ field: 'terms.1', message: expect.stringContaining('磁浮轴承') }] });
    const repeated = await t.http.post('/api/synonyms').set(...bearer(admin)).send({ terms: ['钾电池', '钾电池'] }).expect(400);
    expect(repeated.body.errors).toEqual([expect.objectContaining({ field: 'terms.1' })]);
    await t.http.post('/api/synonyms').set(...bearer(admin)).send({ terms: ['只有一个'] }).expect(400);
    const edited = (await t.http.patch(`/api/synonyms/${created.id}`).set(...bearer(admin)).send({ version: created.version, terms: ['磁悬浮轴承', '磁浮轴承', '磁轴承'] }).expect(200)).body;
    expect(edited.terms).toEqual(['磁悬浮轴承', '磁浮轴承', '磁轴承']);
    await t.http.patch(`/api/synonyms/${created.id}`).set(...bearer(admin)).send({ version: created.version, terms: ['磁悬浮轴承', '磁浮轴承'] }).expect(409);
    const list = (await t.http.get('/api/synonyms').set(...bearer(admin)).expect(200)).body.groups as Array<{ id: string; terms: string[] }>;
    expect(list.find((g) => g.id === created.id)?.terms).toEqual(['磁悬浮轴承', '磁浮轴承', '磁轴承']);
    await t.http.delete(`/api/synonyms/${created.id}`).set(...bearer(admin)).expect(204);
    await t.http.delete(`/api/synonyms/${created.id}`).set(...bearer(admin)).expect(404);
    expect((await audits('SYNONYM_GROUP_UPDATED', created.id))).toHaveLength(1);
    expect((await audits('SYNONYM_GROUP_DELETED', created.id))).toHaveLength(1);
    await t.http.post('/api/synonyms').set(...bearer(broker)).send({ terms: ['甲', '乙'] }).expect(403);
  });
});
