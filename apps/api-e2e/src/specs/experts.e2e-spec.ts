import { bearer, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

interface Bucket {
  value: string;
  count: number;
  label?: string;
}

/** Experts, laboratories and a need's matches among them (issue 16), on the demo seed. */
describe('experts and laboratories', () => {
  let t: TestApp;
  let broker: Session;
  let researcher: Session;
  let enterprise: Session;
  let needId: string;
  let nju: string;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    [broker, researcher, enterprise] = await Promise.all([loginDemo(t.http, 'broker'), loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise')]);
    const needs = (await t.http.get('/api/needs').query({ q: '高镍三元正极材料循环寿命' }).expect(200)).body.items as Array<{ id: string; title: string }>;
    needId = needs.find((n) => n.title === '高镍三元正极材料循环寿命提升技术需求')?.id ?? '';
    nju = ((await t.http.get('/api/organizations').query({ q: '南京大学' }).expect(200)).body.items as Array<{ id: string; nameZh: string }>).find((o) => o.nameZh === '南京大学')?.id ?? '';
  });
  afterAll(() => t.close());

  it('seeds the national key laboratories and about sixty verified experts', async () => {
    const labs = (await t.http.get('/api/laboratories').query({ kind: 'NATIONAL_KEY_LAB', limit: 100 }).expect(200)).body;
    expect(labs.total).toBe(13);
    expect(labs.items.map((l: { nameZh: string }) => l.nameZh)).toContain('固体微结构物理国家重点实验室');
    const experts = (await t.http.get('/api/experts').query({ limit: 100 }).expect(200)).body;
    expect(experts.total).toBeGreaterThanOrEqual(55);
    // Seniority first when nothing is searched.
    expect(experts.items[0].title).toBe('ACADEMICIAN');
    // Deals that started from an expert and from a laboratory, with their contract types.
    const intros = (await t.http.get('/api/introductions').query({ limit: 200 }).set(...bearer(broker)).expect(200)).body.items as Array<{ person?: { kind: string }; contractType?: string; dealId: string }>;
    const seeded = intros.filter((i) => i.person);
    expect(seeded.map((i) => `${i.person?.kind}:${i.contractType}`).sort()).toEqual(['EXPERT:DEVELOPMENT', 'LABORATORY:SERVICE']);
    expect(intros.filter((i) => i.person).every((i) => (i as { targetKind?: string }).targetKind === i.person?.kind)).toBe(true);
    const deal = (await t.http.get(`/api/deals/${seeded[0]?.dealId}`).set(...bearer(broker)).expect(200)).body;
    expect(deal.person.kind).toBe(seeded[0]?.person?.kind);
  });

  it('searches the directory in Chinese through the listings’ pipeline, with facets by field, organization, title and mode', async () => {
    const res = (await t.http.get('/api/experts').query({ q: '正极材料' }).expect(200)).body;
    expect(res.items[0].nameZh).toBe('张教授');
    const all = (await t.http.get('/api/experts').query({ limit: 100 }).expect(200)).body;
    const facet = (name: 'field' | 'organization' | 'title' | 'mode', value: string): Bucket | undefined => (all.facets[name] as Bucket[]).find((b) => b.value === value);
    expect(facet('organization', nju)?.label).toBe('南京大学');
    expect(facet('title', 'ACADEMICIAN')?.count).toBeGreaterThanOrEqual(3);
    expect(facet('mode', 'DEVELOPMENT')?.count).toBeGreaterThan(10);
    const tcm = (await t.http.get('/api/experts').query({ field: 'BIO', mode: 'SERVICE' }).expect(200)).body;
    expect(tcm.total).toBeGreaterThan(0);
    for (const e of tcm.items as Array<{ fieldCodes: string[]; cooperationModes: string[] }>) {
      expect(e.fieldCodes.some((c) => c.startsWith('BIO'))).toBe(true);
      expect(e.cooperationModes).toContain('SERVICE');
    }
    const academicians = (await t.http.get('/api/experts').query({ title: 'ACADEMICIAN', organizationId: nju }).expect(200)).body;
    expect(academicians.items.every((e: { title: string; organization: { id: string } }) => e.title === 'ACADEMICIAN' && e.organization.id === nju)).toBe(true);
  });

  it('shows contact details to brokers and the expert only', async () => {
    const mine = (await t.http.get('/api/experts/me').set(...bearer(researcher)).expect(200)).body;
    expect(mine.nameZh).toBe('张教授');
    expect(mine.contact.email).toMatch(/@xkx\.demo$/);
    expect((await t.http.get(`/api/experts/${mine.id}`).expect(200)).body.contact).toBeNull();
    expect((await t.http.get(`/api/experts/${mine.id}`).set(...bearer(enterprise)).expect(200)).body.contact).toBeNull();
    expect((await t.http.get(`/api/experts/${mine.id}`).set(...bearer(broker)).expect(200)).body.contact.email).toBe(mine.contact.email);
  });

  it('lets a researcher edit their own profile, which a broker verifies again before the public sees it', async () => {
    const mine = (await t.http.get('/api/experts/me').set(...bearer(researcher)).expect(200)).body;
    const edited = (
      await t.http
        .patch(`/api/experts/${mine.id}`)
        .set(...bearer(researcher))
        .send({ version: mine.version, directions: `${mine.directions}；钠离子电池层状氧化物`, availability: 'LIMITED' })
        .expect(200)
    ).body;
    expect(edited.verified).toBe(false);
    await t.http.get(`/api/experts/${mine.id}`).expect(404);
    const verified = (await t.http.post(`/api/experts/${mine.id}/verify`).set(...bearer(broker)).expect(201)).body;
    expect(verified.verified).toBe(true);
    // Both steps are in the audit trail, before → after in people's words, with a link to the profile.
    const admin = await loginDemo(t.http, 'admin');
    const trail = (await t.http.get('/api/audit-logs').query({ subjectType: 'expert', subjectId: mine.id }).set(...bearer(admin)).expect(200)).body.items as Array<{
      action: string; actorId: string; subject: { path: string }; changes: Array<{ field: string; from: { 'zh-CN': string }; to: { 'zh-CN': string } }>;
    }>;
    const edit = trail.find((e) => e.action === 'EXPERT_UPDATED');
    expect(edit?.actorId).toBe(researcher.userId);
    expect(edit?.subject.path).toBe(`/experts/${mine.id}`);
    expect(edit?.changes.find((c) => c.field === 'availability')).toMatchObject({ from: { 'zh-CN': '可承接新合作' }, to: { 'zh-CN': '档期有限' } });
    expect(edit?.changes.find((c) => c.field === 'directions')?.to['zh-CN']).toContain('钠离子电池层状氧化物');
    expect(edit?.changes.map((c) => c.field)).toContain('verified');
    const check = trail.find((e) => e.action === 'EXPERT_VERIFIED');
    expect(check?.actorId).toBe(broker.userId);
    expect(check?.changes).toEqual([expect.objectContaining({ field: 'verified', from: { 'zh-CN': '否', en: 'No' }, to: { 'zh-CN': '是', en: 'Yes' } })]);
    expect((await t.http.get('/api/experts').query({ q: '钠离子电池' }).expect(200)).body.items[0].id).toBe(mine.id);
    // A stale version is refused; someone else's profile is not found; a researcher cannot verify.
    await t.http.patch(`/api/experts/${mine.id}`).set(...bearer(researcher)).send({ version: mine.version, bio: 'x' }).expect(409);
    const other = (await t.http.get('/api/experts').query({ q: '双特异性抗体' }).expect(200)).body.items[0];
    await t.http.patch(`/api/experts/${other.id}`).set(...bearer(researcher)).send({ version: 1, bio: '改别人的档案' }).expect(404);
    await t.http.post(`/api/experts/${other.id}/verify`).set(...bearer(researcher)).expect(403);
    await t.http.post('/api/experts').set(...bearer(researcher)).send({ nameZh: '张教授', title: 'PROFESSOR', fieldCodes: ['NE.BAT'], directions: '第二份档案', cooperationModes: ['CONSULTING'], availability: 'OPEN' }).expect(409);
  });

  it('refuses bad input with field-level messages in Chinese and English', async () => {
    const body = { nameZh: '', title: 'PROF', fieldCodes: ['nope'], directions: '短', cooperationModes: ['BUY'], availability: 'SOON', outputs: [{ kind: 'PATENT', title: '一种方法', ref: 'CN123' }], contactEmail: 'not-mail', organizationId: nju };
    const zh = (await t.http.post('/api/experts').set(...bearer(broker)).send(body).expect(400)).body;
    const fields = (zh.errors as Array<{ field: string; message: string }>).map((e) => e.field);
    for (const f of ['nameZh', 'title', 'fieldCodes', 'directions', 'cooperationModes', 'availability', 'outputs.0.ref', 'contactEmail']) expect(fields).toContain(f);
    expect(zh.errors.find((e: { field: string }) => e.field === 'outputs.0.ref').message).toContain('专利');
    const en = (await t.http.post('/api/experts').set(...bearer(broker)).set('Accept-Language', 'en').send(body).expect(400)).body;
    expect(en.errors.find((e: { field: string }) => e.field === 'outputs.0.ref').message).toContain('patent');
    const unknownField = await t.http
      .post('/api/experts')
      .set(...bearer(broker))
      .send({ nameZh: '测试专家', title: 'PROFESSOR', organizationId: nju, fieldCodes: ['ZZ.NONE'], directions: '测试研究方向', cooperationModes: ['CONSULTING'], availability: 'OPEN' })
      .expect(400);
    expect(unknownField.body.errors[0].field).toBe('fieldCodes');
    await t.http.post('/api/laboratories').set(...bearer(broker)).send({ organizationId: nju, nameZh: '固体微结构物理国家重点实验室', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['NM'], directions: '重复的实验室名称' }).expect(409);
    await t.http.post('/api/laboratories').set(...bearer(researcher)).send({}).expect(403);
  });

  it('lets a broker enter an expert into a laboratory; the laboratory lists its members and outputs', async () => {
    const lab = (await t.http.get('/api/laboratories').query({ q: '固体微结构' }).expect(200)).body.items[0];
    const created = (
      await t.http
        .post('/api/experts')
        .set(...bearer(broker))
        .send({ nameZh: '测试专家', title: 'ASSOCIATE_PROFESSOR', organizationId: nju, laboratoryId: lab.id, fieldCodes: ['NM.NANO'], directions: '拓扑光子学；超构表面', cooperationModes: ['DEVELOPMENT'], availability: 'OPEN', outputs: [{ kind: 'PATENT', title: '一种超构表面透镜', ref: 'CN202310123456.6' }] })
        .expect(201)
    ).body;
    expect(created.verified).toBe(true);
    const admin = await loginDemo(t.http, 'admin');
    const entered = (await t.http.get('/api/audit-logs').query({ subjectType: 'expert', subjectId: created.id }).set(...bearer(admin)).expect(200)).body.items as Array<{ action: string; changes: Array<{ field: string; to: { 'zh-CN': string } }> }>;
    expect(entered.map((e) => e.action)).toEqual(['EXPERT_CREATED']);
    expect(entered[0]?.changes.find((c) => c.field === 'laboratory')?.to['zh-CN']).toBe(lab.nameZh);
    expect(entered[0]?.changes.find((c) => c.field === 'outputs')?.to['zh-CN']).toBe('专利：一种超构表面透镜（CN202310123456.6）');
    const detail = (await t.http.get(`/api/laboratories/${lab.id}`).expect(200)).body;
    expect(detail.members.map((m: { id: string }) => m.id)).toContain(created.id);
    expect(detail.memberCount).toBe(detail.members.length);
    expect(detail.outputs.length).toBeGreaterThan(0);
    expect(detail.headName).toBeTruthy();
    // A laboratory of another organization is refused.
    const njupt = (await t.http.get('/api/laboratories').query({ q: '有机电子' }).expect(200)).body.items[0];
    const wrong = await t.http.patch(`/api/experts/${created.id}`).set(...bearer(broker)).send({ version: created.version, laboratoryId: njupt.id }).expect(400);
    expect(wrong.body.errors[0].field).toBe('laboratoryId');
  });

  it('ranks and explains a need’s experts and laboratories with the matching engine', async () => {
    expect(needId).not.toBe('');
    const experts = (await t.http.get(`/api/needs/${needId}/expert-matches`).set(...bearer(enterprise)).expect(200)).body;
    expect(experts.items.length).toBeGreaterThan(3);
    const top = experts.items[0];
    expect(top.expert.fieldCodes).toContain('NE.BAT');
    expect(top.reasons.find((r: { kind: string }) => r.kind === 'terms').values.length).toBeGreaterThan(0);
    expect(top.reasons.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['terms', 'title', 'availability']));
    const scores = experts.items.map((i: { score: number }) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const labs = (await t.http.get(`/api/needs/${needId}/laboratory-matches`).set(...bearer(enterprise)).expect(200)).body;
    expect(labs.items[0].laboratory.fieldCodes.some((c: string) => c.startsWith('NE'))).toBe(true);
    // The need's matches are its owner's and the brokers'.
    await t.http.get(`/api/needs/${needId}/expert-matches`).set(...bearer(researcher)).expect(404);
    await t.http.get(`/api/needs/${needId}/expert-matches`).set(...bearer(broker)).expect(200);
    await t.http.get(`/api/needs/${needId}/expert-matches`).expect(401);
  });
});

/** 对接 with an expert or a laboratory, exactly as with a result's side (issue 16). */
describe('introductions to experts and laboratories', () => {
  let t: TestApp;
  let broker: Session;
  let researcher: Session;
  let enterprise: Session;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    [broker, researcher, enterprise] = await Promise.all([loginDemo(t.http, 'broker'), loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise')]);
  });
  afterAll(() => t.close());

  it('opens a deal from an expert with its contract type; the expert answers it', async () => {
    const needs = (await t.http.get('/api/needs').query({ q: '高镍三元正极材料循环寿命' }).expect(200)).body.items as Array<{ id: string; title: string }>;
    const needId = needs.find((n) => n.title === '高镍三元正极材料循环寿命提升技术需求')?.id ?? '';
    const top = (await t.http.get(`/api/needs/${needId}/expert-matches`).set(...bearer(enterprise)).expect(200)).body.items[0].expert;
    const mine = (await t.http.get('/api/experts/me').set(...bearer(researcher)).expect(200)).body;
    expect(top.id).toBe(mine.id);
    const intro = (
      await t.http
        .post('/api/introductions')
        .set(...bearer(enterprise))
        .send({ expertId: top.id, needId, contractType: 'DEVELOPMENT', message: '希望与张教授合作开发高镍正极包覆工艺，委托开发。' })
        .expect(201)
    ).body;
    expect(intro.person).toEqual({ kind: 'EXPERT', id: top.id, nameZh: top.nameZh });
    expect(intro.targetKind).toBe('EXPERT');
    expect(intro.result).toBeNull();
    expect(intro.contractType).toBe('DEVELOPMENT');
    expect(intro.need.id).toBe(needId);
    const deal = (await t.http.get(`/api/deals/${intro.dealId}`).set(...bearer(broker)).expect(200)).body;
    expect(deal.contractType).toBe('DEVELOPMENT');
    expect(deal.person).toEqual({ kind: 'EXPERT', id: top.id, nameZh: top.nameZh });
    expect(deal.stage).toBe('LEAD');
    expect(deal.participants.map((p: { userId: string }) => p.userId)).toContain(mine.userId);
    // The same request again is a duplicate; the expert sees it among those asked of them and answers it.
    await t.http.post('/api/introductions').set(...bearer(enterprise)).send({ expertId: top.id, needId, contractType: 'DEVELOPMENT', message: '再次申请对接同一位专家的请求。' }).expect(409);
    const asked = (await t.http.get('/api/introductions').query({ scope: 'asked' }).set(...bearer(researcher)).expect(200)).body.items as Array<{ id: string; canAnswer: boolean }>;
    expect(asked.find((i) => i.id === intro.id)?.canAnswer).toBe(true);
    // …and on their to-do list, under the introductions to answer, named by the need it is about.
    const todo = (await t.http.get('/api/me/todo').set(...bearer(researcher)).expect(200)).body.sections as Array<{ key: string; items: Array<{ id: string; title: string }> }>;
    expect(todo.find((x) => x.key === 'INTRODUCTIONS_TO_ANSWER')?.items.find((i) => i.id === intro.id)?.title).toBe('高镍三元正极材料循环寿命提升技术需求');
    // The enterprise that asked cannot answer its own request.
    await t.http.post(`/api/introductions/${intro.id}/answer`).set(...bearer(enterprise)).send({ answer: 'INTERESTED' }).expect(403);
    const answered = (await t.http.post(`/api/introductions/${intro.id}/answer`).set(...bearer(researcher)).send({ answer: 'INTERESTED', note: '可以先做小试' }).expect(200)).body;
    expect(answered.status).toBe('INTERESTED');
  });

  it('opens a 技术服务 deal with a laboratory; brokers answer for it; bad requests are 4xx', async () => {
    const lab = (await t.http.get('/api/laboratories').query({ q: '污染控制' }).expect(200)).body.items[0];
    const intro = (await t.http.post('/api/introductions').set(...bearer(enterprise)).send({ laboratoryId: lab.id, contractType: 'SERVICE', message: '需要对工业废水做检测分析与处理方案评估。' }).expect(201)).body;
    expect(intro.person.kind).toBe('LABORATORY');
    expect(intro.targetKind).toBe('LABORATORY');
    const deal = (await t.http.get(`/api/deals/${intro.dealId}`).set(...bearer(broker)).expect(200)).body;
    expect(deal.contractType).toBe('SERVICE');
    expect(deal.institution.id).toBe(lab.organization.id);
    await t.http.post(`/api/introductions/${intro.id}/answer`).set(...bearer(researcher)).send({ answer: 'INTERESTED' }).expect(404);
    await t.http.post(`/api/introductions/${intro.id}/answer`).set(...bearer(broker)).send({ answer: 'INTERESTED' }).expect(200);
    const bad = await t.http.post('/api/introductions').set(...bearer(enterprise)).send({ laboratoryId: lab.id, contractType: 'TRANSFER', message: '合同类型不对的请求。' }).expect(400);
    expect(bad.body.errors[0].field).toBe('contractType');
    await t.http.post('/api/introductions').set(...bearer(enterprise)).send({ expertId: '00000000-0000-4000-8000-000000000000', message: '不存在的专家对接请求。' }).expect(400);
    // A researcher asks an expert: not a role that does (enterprises and brokers do).
    await t.http.post('/api/introductions').set(...bearer(researcher)).send({ laboratoryId: lab.id, message: '研究人员申请对接实验室。' }).expect(403);
  });
});
