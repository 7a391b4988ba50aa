import { Workbook } from 'exceljs';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { backdateNotice, DealDriver, DealSessions, publishedPair } from '../support/deals';
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
  let s: DealSessions;
  let drive: DealDriver;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    dataSource = t.app.get(DataSource);
    const [researcher, enterprise] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise')]);
    [admin, broker] = await Promise.all([loginDemo(t.http, 'admin'), loginDemo(t.http, 'broker')]);
    s = { researcher, enterprise, broker, admin };
    drive = new DealDriver(t.http, s, backdateNotice(dataSource));
  }, 300_000);
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

  it('filters by date or date-time and refuses other ISO 8601 forms with 400, never 500 (to=2100 was a 500)', async () => {
    for (const to of ['2100-01-01', '2100-01-01T00:00:00Z', '2100-01-01T08:00:00+08:00']) {
      await t.http.get('/api/audit-logs').query({ offset: 0, to }).set(...bearer(admin)).expect(200);
    }
    for (const to of ['2100', '2100-01', '2026-W10', '2026-02-30']) {
      const res = await t.http.get('/api/audit-logs').query({ offset: 0, to }).set(...bearer(admin)).expect(400);
      expect([to, res.body.errors.map((e: { field: string }) => e.field)]).toEqual([to, ['to']]);
    }
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

  it('records a contract amount change with before → after, and the deal and contract history tabs show it', async () => {
    const pair = await publishedPair(t.http, s, '审计链');
    const dealId = await drive.walkTo('CONTRACT_SIGNED', pair);
    const deal = await drive.get(dealId);
    const contractId = (deal['contracts'] as Array<{ id: string }>)[0]?.id as string;
    const c = await t.http.get(`/api/contracts/${contractId}`).set(...bearer(broker)).expect(200);
    await t.http.patch(`/api/contracts/${contractId}`).set(...bearer(broker)).set('X-Forwarded-For', '10.77.0.2').send({ version: c.body.version, contractAmountFen: 150_000_000, schedule: [{ dueOn: '2026-04-30', amountFen: 75_000_000, description: '首期' }, { dueOn: '2026-12-31', amountFen: 75_000_000, description: '二期' }] }).expect(200);

    const res = await t.http.get('/api/audit-logs').query({ subjectType: 'contract', action: 'CONTRACT_UPDATED', subject: c.body.code }).set(...bearer(admin)).expect(200);
    expect(res.body.items).toHaveLength(1);
    const entry = res.body.items[0];
    expect(entry).toMatchObject({ ip: '10.77.0.2', actor: { name: '李经理' }, subject: { type: 'contract', path: `/deals/${dealId}` } });
    expect(entry.changes).toEqual(expect.arrayContaining([
      { field: 'contractAmountFen', label: { 'zh-CN': '合同成交额', en: 'Contract amount' }, from: { 'zh-CN': '1,234,567.89 元', en: '¥1,234,567.89' }, to: { 'zh-CN': '1,500,000.00 元', en: '¥1,500,000.00' } },
      expect.objectContaining({ field: 'technicalAmountFen', to: { 'zh-CN': '1,465,432.20 元', en: '¥1,465,432.20' } }),
    ]));
    for (const w of wordsOf(entry)) expect(w).not.toMatch(UUID);

    // The deal's history: its stages, its NDA, the agreed price, the contract recorded and changed; a party sees no addresses.
    const history = await t.http.get(`/api/deals/${dealId}/history`).set(...bearer(s.researcher)).expect(200);
    const actions = history.body.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['DEAL_CREATED', 'DEAL_STAGE_CHANGED', 'DEAL_PRICE_AGREED', 'CONTRACT_CREATED', 'CONTRACT_UPDATED']));
    expect(history.body.every((e: { ip: string | null }) => e.ip === null)).toBe(true);
    const stageToSigned = history.body.find((e: { action: string; changes: Array<{ to: Record<string, string> }> }) => e.action === 'DEAL_STAGE_CHANGED' && e.changes[0]?.to['zh-CN'] === '合同已签订');
    expect(stageToSigned.changes[0].from['zh-CN']).toBe('公示中');
    const contractHistory = await t.http.get(`/api/contracts/${contractId}/history`).set(...bearer(broker)).expect(200);
    expect(contractHistory.body.map((e: { action: string }) => e.action)).toEqual(['CONTRACT_CREATED', 'CONTRACT_UPDATED']);
    expect(contractHistory.body[1].ip).toBe('10.77.0.2');
    // Contract types read by their names, not codes.
    expect(contractHistory.body[0].changes.find((ch: { field: string }) => ch.field === 'typeCode').to['zh-CN']).not.toMatch(/^[A-Z_.]+$/);
    const stranger = await loginDemo(t.http, 'pending');
    await t.http.get(`/api/deals/${dealId}/history`).set(...bearer(stranger)).expect((r) => expect([403, 404]).toContain(r.status));
  });

  it('records an amendment (who, why, from when, before → after) and every file attached or removed, in words', async () => {
    const pair = await publishedPair(t.http, s, '审计变更附件');
    const dealId = await drive.walkTo('PAID', pair); // registered, with one payment
    const contractId = ((await drive.get(dealId))['contracts'] as Array<{ id: string }>)[0]!.id;
    const c = (await t.http.get(`/api/contracts/${contractId}`).set(...bearer(broker)).expect(200)).body;
    await t.http.post(`/api/contracts/${contractId}/amendments`).set(...bearer(broker)).set('X-Forwarded-For', '10.77.0.3')
      .send({ version: c.version, effectiveOn: '2026-05-01', reason: '补充协议：增加中试服务', contractAmountFen: 150_000_000, buyer: { name: '南京新材科技（集团）有限公司' } }).expect(201);

    const amended = (await t.http.get('/api/audit-logs').query({ action: 'CONTRACT_AMENDED', subject: c.code }).set(...bearer(admin)).expect(200)).body.items;
    expect(amended).toHaveLength(1);
    expect(amended[0]).toMatchObject({
      actionLabel: { 'zh-CN': '登记后变更技术合同', en: 'Registered contract amended' },
      ip: '10.77.0.3', actor: { name: '李经理' }, subject: { type: 'contract', path: `/deals/${dealId}` },
    });
    expect(amended[0].changes).toEqual(expect.arrayContaining([
      { field: 'contractAmountFen', label: { 'zh-CN': '合同成交额', en: 'Contract amount' }, from: { 'zh-CN': '1,234,567.89 元', en: '¥1,234,567.89' }, to: { 'zh-CN': '1,500,000.00 元', en: '¥1,500,000.00' } },
      expect.objectContaining({ field: 'technicalAmountFen', to: { 'zh-CN': '1,465,432.20 元', en: '¥1,465,432.20' } }),
      expect.objectContaining({ field: 'buyerName', label: { 'zh-CN': '买方', en: 'Buyer' }, to: { 'zh-CN': '南京新材科技（集团）有限公司', en: '南京新材科技（集团）有限公司' } }),
    ]));
    expect(amended[0].changes.map((ch: { field: string }) => ch.field).sort()).toEqual(['buyerName', 'contractAmountFen', 'technicalAmountFen']);
    expect(amended[0].facts).toEqual(expect.arrayContaining([
      { field: 'reason', label: { 'zh-CN': '原因', en: 'Reason' }, value: { 'zh-CN': '补充协议：增加中试服务', en: '补充协议：增加中试服务' } },
      { field: 'effectiveOn', label: { 'zh-CN': '变更生效日期', en: 'Effective from' }, value: { 'zh-CN': '2026-05-01', en: '2026-05-01' } },
    ]));

    // Files: a signed scan on the contract, a bank receipt on its payment, then the scan removed.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n签署页\n%%EOF\n');
    const attach = (targetType: string, targetId: string, category: string, name: string) =>
      t.http.post('/api/attachments').set(...bearer(broker)).field('targetType', targetType).field('targetId', targetId).field('category', category).attach('file', pdf, name).expect(201);
    const scan = (await attach('CONTRACT', contractId, 'SIGNED_CONTRACT', '签署页.pdf')).body;
    const paymentId = (await t.http.get(`/api/contracts/${contractId}`).set(...bearer(broker)).expect(200)).body.payments[0].id as string;
    await attach('PAYMENT', paymentId, 'BANK_RECEIPT', '回单.pdf');
    await t.http.delete(`/api/attachments/${scan.id}`).set(...bearer(broker)).expect(204);

    const history = (await t.http.get(`/api/contracts/${contractId}/history`).set(...bearer(broker)).expect(200)).body as Array<{ action: string; changes: Array<Record<string, unknown>>; facts: Array<{ field: string; value: Record<string, string> }> } & Record<string, unknown>>;
    const files = history.filter((e) => e.action.startsWith('ATTACHMENT_'));
    expect(files.map((e) => e.action)).toEqual(['ATTACHMENT_UPLOADED', 'ATTACHMENT_UPLOADED', 'ATTACHMENT_REMOVED']);
    expect(history.map((e) => e.action)).toContain('CONTRACT_AMENDED');
    const [up, receipt, removed] = files as [typeof files[0], typeof files[0], typeof files[0]];
    expect(up).toMatchObject({ actionLabel: { 'zh-CN': '上传附件', en: 'File attached' }, changes: [{ field: 'fileName', label: { 'zh-CN': '附件', en: 'File' }, from: { 'zh-CN': '（空）' }, to: { 'zh-CN': '签署页.pdf' } }] });
    const fact = (e: typeof up, field: string) => e.facts.find((f) => f.field === field)?.value;
    expect(fact(up, 'category')).toEqual({ 'zh-CN': '合同签署页扫描件', en: 'Signed contract scan' });
    expect(fact(up, 'attachedTo')).toEqual({ 'zh-CN': '技术合同', en: 'Contract' });
    expect(fact(up, 'sha256')?.['en']).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(fact(receipt, 'attachedTo')).toEqual({ 'zh-CN': '到账记录', en: 'Payment' });
    expect(fact(receipt, 'category')).toEqual({ 'zh-CN': '银行回单', en: 'Bank receipt' });
    expect(fact(receipt, 'receivedOn')).toEqual({ 'zh-CN': '2026-04-30', en: '2026-04-30' });
    expect(fact(receipt, 'amountFen')).toEqual({ 'zh-CN': '617,283.94 元', en: '¥617,283.94' });
    expect(removed).toMatchObject({ actionLabel: { 'zh-CN': '删除附件', en: 'File removed' }, changes: [{ field: 'fileName', from: { 'zh-CN': '签署页.pdf' }, to: { 'zh-CN': '（空）' } }] });
    for (const e of [...files, amended[0]]) for (const w of wordsOf(e as never)) expect(w).not.toMatch(/ATTACHMENT_|CONTRACT_AMENDED|SIGNED_CONTRACT|BANK_RECEIPT|^PAYMENT$|^CONTRACT$/);
    for (const e of files) for (const w of wordsOf(e as never)) expect(w).not.toMatch(UUID);
  }, 120_000);

  describe('the NDA as a document', () => {
    let dealId: string;
    let resultId: string;
    beforeAll(async () => {
      const pair = await publishedPair(t.http, s, '保密协议');
      resultId = pair.resultId;
      // Opened by the broker with nobody else in it yet.
      dealId = (await t.http.post('/api/deals').set(...bearer(broker)).send(pair).expect(201)).body.id;
      for (const to of ['TRIAGE', 'INTRODUCED', 'INTERESTED']) {
        const { version } = await drive.get(dealId);
        await drive.move(dealId, to as 'TRIAGE', version).expect(200);
      }
    });

    it('does not say everyone signed when nobody did, and the stage cannot claim it either', async () => {
      const d = await drive.get(dealId);
      expect(d['nda']).toMatchObject({ allSigned: false, pendingParties: 2, signatures: [] });
      const move = await drive.move(dealId, 'NDA_SIGNED', d.version);
      expect({ status: move.status, code: move.body.code }).toEqual({ status: 409, code: 'DEAL_NDA_PENDING' });
    });

    it('lets the enterprise’s staff read and sign without a broker adding them, recording version, time, address and the text’s hash', async () => {
      const nda = await t.http.get('/api/nda/current').set(...bearer(s.enterprise)).expect(200);
      expect(nda.body.body.length).toBeGreaterThan(20);
      const hash = createHash('sha256').update(`${nda.body.title}\n${nda.body.body}`, 'utf8').digest('hex');
      expect(nda.body.textHash).toBe(hash);
      const signed = await t.http.post(`/api/deals/${dealId}/nda/accept`).set(...bearer(s.enterprise)).set('X-Forwarded-For', '10.77.0.3').send({ version: nda.body.version }).expect(200);
      expect(signed.body).toMatchObject({ ndaVersion: nda.body.version, ip: '10.77.0.3', textHash: hash });

      const d = await drive.get(dealId);
      expect(d['nda']).toMatchObject({ allSigned: false, pendingParties: 1, signatures: [{ userId: s.enterprise.userId, side: 'ENTERPRISE', ndaVersion: nda.body.version, ip: '10.77.0.3', textHash: hash }] });
      const asParty = await drive.get(dealId, s.enterprise);
      expect((asParty['nda'] as { signatures: Array<{ ip: string | null }> }).signatures[0]?.ip).toBeNull();

      // The researcher is let in by the broker and signs: now both sides have, and the confidential layer opens.
      await t.http.post(`/api/deals/${dealId}/participants`).set(...bearer(broker)).send({ userId: s.researcher.userId }).expect(204);
      await t.http.post(`/api/deals/${dealId}/nda/accept`).set(...bearer(s.researcher)).send({ version: nda.body.version }).expect(200);
      expect((await drive.get(dealId))['nda']).toMatchObject({ allSigned: true, pendingParties: 0 });
      const result = await t.http.get(`/api/results/${resultId}`).set(...bearer(s.enterprise)).expect(200);
      expect(JSON.stringify(result.body)).toContain('【成果保密】');

      const audit = await t.http.get('/api/audit-logs').query({ action: 'NDA_SIGNED', subjectId: dealId }).set(...bearer(admin)).expect(200);
      expect(audit.body.total).toBe(2);
      const facts = audit.body.items.flatMap((e: { facts: Array<{ field: string; value: Record<string, string> }> }) => e.facts);
      expect(facts).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'textHash', value: { 'zh-CN': hash, en: hash } })]));
    });
  });
});
