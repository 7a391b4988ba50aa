import { MatchingService, TodoDigestJob } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { bearer, login, loginDemo, registerAndSignIn, Session } from '../support/auth';
import { backdateNotice, DealDriver, DealSessions, publishedPair } from '../support/deals';
import { resultPayload } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';

interface Item { id: string; subject: string; subjectId: string; dealId: string | null; title: string; detail: string | null; dueOn: string | null; overdue: boolean }
interface Section { key: string; count: number; overdue: number; items: Item[] }
interface Todo { total: number; overdue: number; sections: Section[]; today: string }
interface Notification { kind: string; title: string; titleEn: string | null; body: string; link: string | null; dealId: string | null }

const BROKER_SECTIONS = ['OVERDUE_ACTIONS', 'TODAY_ACTIONS', 'INTRODUCTIONS_AWAITING', 'LISTINGS_TO_REVIEW', 'ACCOUNTS_TO_VERIFY', 'OBJECTIONS_TO_ANSWER', 'NOTICES_ENDING', 'CONTRACTS_TO_REGISTER', 'CONTRACTS_AWAITING_PAYMENT'];
const PARTY_SECTIONS = ['INTRODUCTIONS_TO_ANSWER', 'LISTINGS_CHANGES_REQUESTED', 'LISTINGS_EXPIRING', 'NDAS_TO_SIGN'];

/** Issue 17: the to-do list per role, reminders (preferences, daily and weekly digests), review outcomes in the bell. */
describe('to-do list and reminders', () => {
  let t: TestApp;
  let s: DealSessions;
  let otherBroker: Session;
  let dataSource: DataSource;
  let driver: DealDriver;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    const [researcher, enterprise, broker, admin] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'admin')]);
    s = { researcher, enterprise, broker, admin };
    dataSource = t.app.get(DataSource);
    driver = new DealDriver(t.http, s, backdateNotice(dataSource));
    const centre: string = (await t.http.get('/api/auth/me').set(...bearer(broker)).expect(200)).body.organization.id;
    await t.http.post('/api/users').set(...bearer(admin)).send({ email: 'todo.broker@xkx.demo', password: 'Xianlin-Todo-2026', name: '另一位经理人', role: 'BROKER', organizationId: centre }).expect(201);
    otherBroker = await login(t.http, 'todo.broker@xkx.demo', 'Xianlin-Todo-2026', '10.17.0.2');
  }, 600_000); // the demo seed on a loaded machine
  afterAll(() => t.close());

  const todo = async (who: Session): Promise<Todo> => (await t.http.get('/api/me/todo').set(...bearer(who)).expect(200)).body;
  const section = (list: Todo, key: string): Section => {
    const found = list.sections.find((x) => x.key === key);
    if (!found) throw new Error(`no section ${key} in ${list.sections.map((x) => x.key).join(', ')}`);
    return found;
  };
  const notifications = async (who: Session): Promise<Notification[]> => (await t.http.get('/api/notifications').query({ limit: 100 }).set(...bearer(who)).expect(200)).body.items;
  const outbox = async (): Promise<Array<{ to: string; subject: string; body: string }>> => (await t.http.get('/api/outbox?limit=200').set(...bearer(s.admin)).expect(200)).body.items;

  it('needs a sign-in, and counts add up', async () => {
    await t.http.get('/api/me/todo').expect(401);
    for (const who of [s.broker, s.researcher, s.enterprise]) {
      const list = await todo(who);
      expect(list.total).toBe(list.sections.reduce((sum, x) => sum + x.count, 0));
      for (const x of list.sections) expect(x.items.length).toBe(Math.min(x.count, 10));
    }
  });

  it('gives a broker their deals’ work and the queues, and a party theirs', async () => {
    const broker = await todo(s.broker);
    expect(broker.sections.map((x) => x.key)).toEqual(BROKER_SECTIONS);
    const researcher = await todo(s.researcher);
    expect(researcher.sections.map((x) => x.key)).toEqual(PARTY_SECTIONS);

    // A broker's introduction: the deal is theirs; the researcher owns the result it targets.
    const pair = await publishedPair(t.http, s, '待办对接');
    const intro = await t.http.post('/api/introductions').set(...bearer(s.broker)).send({ ...pair, matchScore: 0.8, message: '匹配引擎推荐：技术指标与需求吻合，建议对接。' }).expect(201);
    const dealId: string = intro.body.dealId;
    expect(section(await todo(s.broker), 'INTRODUCTIONS_AWAITING').items.some((i) => i.id === intro.body.id && i.dealId === dealId)).toBe(true);
    // Another broker does not see a deal somebody else carries.
    expect(section(await todo(otherBroker), 'INTRODUCTIONS_AWAITING').items.some((i) => i.id === intro.body.id)).toBe(false);
    expect(section(await todo(s.researcher), 'INTRODUCTIONS_TO_ANSWER').items.some((i) => i.id === intro.body.id && i.subject === 'INTRODUCTION')).toBe(true);
    expect(section(await todo(s.enterprise), 'INTRODUCTIONS_TO_ANSWER').items.some((i) => i.id === intro.body.id)).toBe(false);

    // Next actions: overdue and today, by the date in China.
    const today = broker.today;
    await dataSource.query(`UPDATE deal SET next_action = '电话回访企业', next_action_due = $2::date - 3 WHERE id = $1`, [dealId, today]);
    let list = await todo(s.broker);
    expect(section(list, 'OVERDUE_ACTIONS').items.find((i) => i.dealId === dealId)).toMatchObject({ subject: 'DEAL', detail: '电话回访企业', overdue: true });
    expect(section(list, 'OVERDUE_ACTIONS').overdue).toBe(section(list, 'OVERDUE_ACTIONS').count);
    await dataSource.query(`UPDATE deal SET next_action_due = $2::date WHERE id = $1`, [dealId, today]);
    list = await todo(s.broker);
    expect(section(list, 'TODAY_ACTIONS').items.find((i) => i.dealId === dealId)).toMatchObject({ dueOn: today, overdue: false });
    expect(section(list, 'OVERDUE_ACTIONS').items.some((i) => i.dealId === dealId)).toBe(false);
    // Answered: it leaves both lists.
    await t.http.post(`/api/introductions/${intro.body.id}/answer`).set(...bearer(s.researcher)).send({ answer: 'INTERESTED' }).expect(200);
    expect(section(await todo(s.researcher), 'INTRODUCTIONS_TO_ANSWER').items.some((i) => i.id === intro.body.id)).toBe(false);
    expect(section(await todo(s.broker), 'INTRODUCTIONS_AWAITING').items.some((i) => i.id === intro.body.id)).toBe(false);

    // A submitted listing waits in the review queue.
    const draft = await t.http.post('/api/results').set(...bearer(s.researcher)).send(resultPayload({ title: '待审核的成果' })).expect(201);
    await t.http.post(`/api/results/${draft.body.id}/submit`).set(...bearer(s.researcher)).send({}).expect(200);
    const review = section(await todo(s.broker), 'LISTINGS_TO_REVIEW');
    expect(review.count).toBeGreaterThan(0);
    const [reviewed] = await dataSource.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM (SELECT id FROM result WHERE status IN ('SUBMITTED','IN_REVIEW') UNION ALL SELECT id FROM need WHERE status IN ('SUBMITTED','IN_REVIEW')) x`);
    expect(review.count).toBe(Number(reviewed?.n));
  });

  it('lists NDAs to sign for the parties and contracts to register for the broker', async () => {
    const interested = await driver.walkTo('INTERESTED', await publishedPair(t.http, s, '待签保密'));
    for (const who of [s.researcher, s.enterprise]) expect(section(await todo(who), 'NDAS_TO_SIGN').items.some((i) => i.dealId === interested)).toBe(true);
    const nda = await t.http.get('/api/nda/current').set(...bearer(s.researcher)).expect(200);
    await t.http.post(`/api/deals/${interested}/nda/accept`).set(...bearer(s.researcher)).send({ version: nda.body.version }).expect(200);
    expect(section(await todo(s.researcher), 'NDAS_TO_SIGN').items.some((i) => i.dealId === interested)).toBe(false);
    expect(section(await todo(s.enterprise), 'NDAS_TO_SIGN').items.some((i) => i.dealId === interested)).toBe(true);

    const signed = await driver.walkTo('CONTRACT_SIGNED', await publishedPair(t.http, s, '待登记合同'));
    expect(section(await todo(s.broker), 'CONTRACTS_TO_REGISTER').items.some((i) => i.dealId === signed)).toBe(true);
    await driver.step(signed, 'REGISTERED');
    const list = await todo(s.broker);
    expect(section(list, 'CONTRACTS_TO_REGISTER').items.some((i) => i.dealId === signed)).toBe(false);
    expect(section(list, 'CONTRACTS_AWAITING_PAYMENT').items.some((i) => i.dealId === signed)).toBe(true);
  });

  it('tells the owner of review outcomes in the bell, linked to where they act, and by mail', async () => {
    const submit = async (title: string): Promise<string> => {
      const made = await t.http.post('/api/results').set(...bearer(s.researcher)).send(resultPayload({ title })).expect(201);
      await t.http.post(`/api/results/${made.body.id}/submit`).set(...bearer(s.researcher)).send({}).expect(200);
      return made.body.id;
    };
    const [changes, approved, rejected] = [await submit('需修改的成果'), await submit('通过的成果'), await submit('未通过的成果')];
    await t.http.post(`/api/results/${changes}/request-changes`).set(...bearer(s.broker)).send({ note: '请补充中试数据' }).expect(200);
    await t.http.post(`/api/results/${approved}/approve`).set(...bearer(s.broker)).send({}).expect(200);
    await t.http.post(`/api/results/${rejected}/reject`).set(...bearer(s.broker)).send({ note: '与平台定位不符' }).expect(200);

    const bell = (await notifications(s.researcher)).filter((n) => n.kind === 'LISTING_REVIEWED');
    expect(bell.find((n) => n.title.includes('需修改的成果'))).toMatchObject({ title: '科技成果「需修改的成果」需要修改', link: `/workspace/results/${changes}/edit` });
    expect(bell.find((n) => n.title.includes('需修改的成果'))?.body).toContain('请补充中试数据');
    const approvedCode: string = (await t.http.get(`/api/results/${approved}`).set(...bearer(s.researcher)).expect(200)).body.code;
    expect(bell.find((n) => n.title.includes('通过的成果') && !n.title.includes('未通过'))).toMatchObject({ link: `/results/${approvedCode}` });
    expect(bell.find((n) => n.title.includes('未通过的成果'))).toMatchObject({ title: '科技成果「未通过的成果」未通过审核', link: '/workspace/listings' });
    expect((await outbox()).filter((m) => m.to === 'researcher@xkx.demo' && m.subject.includes('需修改的成果'))).toHaveLength(1);
    // …and the sent-back listing is on the owner's list.
    expect(section(await todo(s.researcher), 'LISTINGS_CHANGES_REQUESTED').items.find((i) => i.subjectId === changes)).toMatchObject({ subject: 'RESULT', detail: '请补充中试数据' });
  });

  it('tells an organization’s members in the bell when it is verified', async () => {
    const founder = await registerAndSignIn(t.http, { email: 'ceo@todo-newco.cn', password: 'Brand-New-Company-9', name: '王总', role: 'ENTERPRISE', enterprise: { creditCode: '91350100M000100Y43', nameZh: '福州待认证科技有限公司' } }, '10.17.0.3');
    await t.http.post(`/api/users/${founder.userId}/verify`).set(...bearer(s.broker)).send({}).expect(200);
    const orgId: string = founder.user.organization?.id ?? (await t.http.get(`/api/users/${founder.userId}`).set(...bearer(s.admin)).expect(200)).body.organization.id;
    const org = await t.http.get(`/api/organizations/${orgId}`).expect(200);
    expect(org.body.verified).toBe(false);
    await t.http.patch(`/api/organizations/${orgId}`).set(...bearer(s.admin)).send({ version: org.body.version, verified: true }).expect(200);
    const member = await login(t.http, 'ceo@todo-newco.cn', 'Brand-New-Company-9', '10.17.0.4');
    expect((await notifications(member)).filter((n) => n.kind === 'ORGANIZATION_VERIFIED')).toEqual([expect.objectContaining({ title: '「福州待认证科技有限公司」已通过机构认证', link: '/workspace' })]);
  });

  it('keeps reminder preferences per user, validated', async () => {
    expect((await t.http.get('/api/me/notification-preferences').set(...bearer(s.enterprise)).expect(200)).body).toEqual({ digestMail: true, digestHour: 8, weeklyMatches: false });
    const bad = await t.http.put('/api/me/notification-preferences').set(...bearer(s.enterprise)).set('Accept-Language', 'en').send({ digestMail: true, digestHour: 24, weeklyMatches: false }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'digestHour' })]);
    await t.http.put('/api/me/notification-preferences').set(...bearer(s.enterprise)).send({ digestMail: false, digestHour: 9, weeklyMatches: true }).expect(200, { digestMail: false, digestHour: 9, weeklyMatches: true });
    expect((await t.http.get('/api/me/notification-preferences').set(...bearer(s.enterprise)).expect(200)).body).toEqual({ digestMail: false, digestHour: 9, weeklyMatches: true });
    // Another user still has the defaults.
    expect((await t.http.get('/api/me/notification-preferences').set(...bearer(s.researcher)).expect(200)).body.digestMail).toBe(true);
  });

  it('sends opted-in enterprises the week’s new matches, once a week', async () => {
    await t.http.put('/api/me/notification-preferences').set(...bearer(s.enterprise)).send({ digestMail: false, digestHour: 0, weeklyMatches: true }).expect(200);
    await t.http.put('/api/me/notification-preferences').set(...bearer(s.researcher)).send({ digestMail: false, digestHour: 0, weeklyMatches: false }).expect(200);
    // A need of the enterprise and, published now, a result made for it.
    await publishedPair(t.http, s, '周报匹配高镍正极');
    await t.app.get(MatchingService).settled();
    const job = t.app.get(TodoDigestJob);
    const now = new Date(Date.now() + 60_000);
    await job.run(now);
    await job.run(now);
    const weekly = (await notifications(s.enterprise)).filter((n) => n.kind === 'MATCH_DIGEST');
    expect(weekly).toHaveLength(1);
    expect(weekly[0]?.body).toContain('「周报匹配高镍正极需求」');
    expect((await outbox()).filter((m) => m.to === 'enterprise@xkx.demo' && m.subject.includes('本周新匹配'))).toHaveLength(1);
    expect((await notifications(s.researcher)).filter((n) => n.kind === 'MATCH_DIGEST')).toHaveLength(0);
  });

  it('sends the daily digest once a day from the chosen hour, by mail only to those who want it', async () => {
    await t.http.put('/api/me/notification-preferences').set(...bearer(s.broker)).send({ digestMail: true, digestHour: 9, weeklyMatches: false }).expect(200);
    await t.http.put('/api/me/notification-preferences').set(...bearer(s.researcher)).send({ digestMail: false, digestHour: 9, weeklyMatches: false }).expect(200);
    await t.http.put('/api/me/notification-preferences').set(...bearer(otherBroker)).send({ digestMail: true, digestHour: 23, weeklyMatches: false }).expect(200);
    const job = t.app.get(TodoDigestJob);
    // A month from now everything waiting today is overdue. 01:30 UTC is 09:30 in China.
    const later = new Date(Date.now() + 31 * 24 * 3600 * 1000);
    const at = (day: Date, utc: string) => new Date(`${day.toISOString().slice(0, 10)}T${utc}Z`);
    const before = at(later, '00:30:00'); // 08:30 in China: before everyone's hour here
    const morning = at(later, '01:30:00');
    const digests = async (who: Session) => (await notifications(who)).filter((n) => n.kind === 'TODO_DIGEST');
    const mails = async (to: string) => (await outbox()).filter((m) => m.to === to && m.subject.includes('待办提醒'));

    // Earlier passes (the weekly test's) may have sent today's digests already: count from here.
    const [brokerBase, researcherBase, otherBase] = [(await digests(s.broker)).length, (await digests(s.researcher)).length, (await digests(otherBroker)).length];
    const [brokerMails, researcherMails] = [(await mails('broker@xkx.demo')).length, (await mails('researcher@xkx.demo')).length];
    await job.run(before);
    expect(await digests(s.broker)).toHaveLength(brokerBase);
    // Two instances at once, then once more the same day: one digest.
    await Promise.all([job.run(morning), job.run(morning)]);
    await job.run(new Date(morning.getTime() + 3600 * 1000));
    const [digest] = await digests(s.broker);
    expect(await digests(s.broker)).toHaveLength(brokerBase + 1);
    expect(digest).toMatchObject({ link: '/workspace', title: expect.stringMatching(/^待办提醒：\d+ 项已逾期$/) });
    expect(digest?.body).toContain('逾期的下一步行动');
    expect(await mails('broker@xkx.demo')).toHaveLength(brokerMails + 1);
    // Mail turned off: the bell only.
    expect(await digests(s.researcher)).toHaveLength(researcherBase + 1);
    expect(await mails('researcher@xkx.demo')).toHaveLength(researcherMails);
    // 23:00 not reached yet in China.
    expect(await digests(otherBroker)).toHaveLength(otherBase);

    // The next day: the next digest.
    await job.run(new Date(morning.getTime() + 24 * 3600 * 1000));
    expect(await digests(s.broker)).toHaveLength(brokerBase + 2);
    expect(await mails('broker@xkx.demo')).toHaveLength(brokerMails + 2);
  });
});
