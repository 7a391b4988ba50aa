import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Every localized text of an entry as people read it (labels, before → after, facts). */
function wordsOf(entry: { actionLabel: Record<string, string>; changes: Array<Record<string, unknown>>; facts: Array<Record<string, unknown>> }): string[] {
  const texts = [entry.actionLabel, ...entry.changes.flatMap((c) => [c['label'], c['from'], c['to']]), ...entry.facts.flatMap((f) => [f['label'], f['value']])] as Array<Record<string, string>>;
  return texts.flatMap((t) => [t['zh-CN'] ?? '', t['en'] ?? '']);
}

describe('audit trail: append-only, in people’s words, filtered, exported', () => {
  let t: TestApp;
  let admin: Session;
  let broker: Session;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    dataSource = t.app.get(DataSource);
    [admin, broker] = await Promise.all([loginDemo(t.http, 'admin'), loginDemo(t.http, 'broker')]);
  }, 180_000);
  afterAll(() => t.close());

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows in the database itself', async () => {
    const [{ count }] = await dataSource.query(`SELECT COUNT(*)::int AS count FROM audit_log`);
    expect(count).toBeGreaterThan(0);
    await expect(dataSource.query(`UPDATE audit_log SET ip = '1.1.1.1'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [{ count: after }] = await dataSource.query(`SELECT COUNT(*)::int AS count FROM audit_log`);
    expect(after).toBe(count);
  });

  it('records an organization edit with its before → after, actor and address, and shows it in words', async () => {
    const orgs = await t.http.get('/api/organizations?q=njdx').set(...bearer(admin)).expect(200);
    const org = orgs.body.items.find((o: { nameZh: string }) => o.nameZh === '南京大学');
    const detail = await t.http.get(`/api/organizations/${org.id}`).set(...bearer(admin)).expect(200);
    await t.http.patch(`/api/organizations/${org.id}`).set(...bearer(admin)).set('X-Forwarded-For', '10.77.0.1').send({ version: detail.body.version, shortName: '南大技转' }).expect(200);

    const res = await t.http.get('/api/audit-logs').query({ subjectType: 'organization', actor: '王管理', subject: '南京大学' }).set(...bearer(admin)).expect(200);
    const entry = res.body.items[0];
    expect(entry).toMatchObject({
      action: 'ORGANIZATION_UPDATED',
      actionLabel: { 'zh-CN': '修改机构', en: 'Organization updated' },
      ip: '10.77.0.1',
      subject: { type: 'organization', typeLabel: { 'zh-CN': '机构' }, label: '南京大学', path: '/manage/organizations' },
      changes: [{ field: 'shortName', label: { 'zh-CN': '简称' }, from: { 'zh-CN': '南大' }, to: { 'zh-CN': '南大技转' } }],
    });
    expect(entry.actor.name).toBeTruthy();
    for (const w of wordsOf(entry)) expect(w).not.toMatch(/[{}]|ORGANIZATION_UPDATED/);
    for (const w of wordsOf(entry)) expect(w).not.toMatch(UUID);

    // Filters narrow: another kind of entity, or another actor, finds nothing of this.
    const none = await t.http.get('/api/audit-logs').query({ subjectType: 'deal', subject: '南京大学' }).set(...bearer(admin)).expect(200);
    expect(none.body.total).toBe(0);
    const byOther = await t.http.get('/api/audit-logs').query({ subjectType: 'organization', actor: 'broker@' }).set(...bearer(admin)).expect(200);
    expect(byOther.body.items.some((e: { id: string }) => e.id === entry.id)).toBe(false);
    await t.http.get('/api/audit-logs').query({ subjectType: 'nonsense' }).set(...bearer(admin)).expect(400);
  });

  it('exports the filtered entries as a real .xlsx workbook in Chinese', async () => {
    const res = await t.http
      .get('/api/audit-logs/export.xlsx')
      .query({ subjectType: 'organization' })
      .set(...bearer(admin))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('审计日志');
    expect(sheet?.getRow(1).values).toEqual(expect.arrayContaining(['时间', '操作', '操作人', '对象', '变更（原值 → 新值）']));
    const rows = (sheet?.getSheetValues() ?? []).slice(2).map((r) => (Array.isArray(r) ? r.join('|') : ''));
    expect(rows.some((r) => r.includes('修改机构') && r.includes('南京大学') && r.includes('简称：南大 → 南大技转'))).toBe(true);
    await t.http.get('/api/audit-logs/export.xlsx').set(...bearer(broker)).expect(403);
  });
});
