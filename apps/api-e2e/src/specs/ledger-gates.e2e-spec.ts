import { shanghaiDate } from '@xkx/util';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findLedgerProblems } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { bearer, loginDemo } from '../support/auth';
import { backdateNotice, contractPayload, DealDriver, DealSessions, publishedPair } from '../support/deals';
import { startTestApp, TestApp } from '../support/test-app';

/** A contract written straight into the database, behind every gate of the API. */
async function insertBehindGates(ds: DataSource, dealId: string, over: { code: string; signedOn?: string; registered?: boolean; decidedOn?: string; paidOn?: string; amountFen?: number }): Promise<string> {
  const signedOn = over.signedOn ?? '2026-03-18';
  const amount = over.amountFen ?? 300_000_000;
  const [row] = await ds.query<Array<{ id: string }>>(
    `INSERT INTO tech_contract (code, deal_id, type_code, project_name, signed_on, term_start, term_end,
       seller_name, seller_area_code, seller_legal_person_type, buyer_name, buyer_area_code, buyer_legal_person_type,
       contract_amount_fen, non_technical_cost_fen, technical_amount_fen, registration_status, registration_number, registered_income_fen, registration_submitted_on, registration_decided_on)
     SELECT $1, d.id, 'LICENSE.PATENT', 'SQL 写入的合同', $2, $2, $2, si.name_zh, '320113', 'UNIVERSITY', se.name_zh, '320113', 'ENTERPRISE',
       $3, 0, $3, $4, $5, $6, $7, $7
     FROM deal d JOIN organization si ON si.id = d.institution_org_id JOIN organization se ON se.id = d.enterprise_org_id WHERE d.id = $8 RETURNING id`,
    [over.code, signedOn, amount, over.registered ? 'REGISTERED' : 'NOT_SUBMITTED', over.registered ? `2026320199${over.code.slice(-6)}` : null, over.registered ? amount : null, over.registered ? (over.decidedOn ?? signedOn) : null, dealId],
  );
  if (over.paidOn) await ds.query(`INSERT INTO contract_payment (contract_id, received_on, amount_fen, evidence_note) VALUES ($1, $2, 100000000, 'SQL')`, [row!.id, over.paidOn]);
  return row!.id;
}

/**
 * The chain's gates (issue 12): a contract only after agreed terms and the notice, registration only after
 * signature, payments only on a signed contract, on every path; and what got in behind them (SQL) is
 * reported by `npm run ledger:check` and left out of the KPI figures, which say so.
 */
describe('ledger gates: contract, registration, payment, stage move, import; ledger:check and the KPI routes', () => {
  let t: TestApp;
  let ds: DataSource;
  let s: DealSessions;
  let drive: DealDriver;
  let pair: { resultId: string; needId: string };

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    ds = t.app.get(DataSource);
    const [researcher, enterprise, broker, admin] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'admin')]);
    s = { researcher, enterprise, broker, admin };
    drive = new DealDriver(t.http, s, backdateNotice(ds));
    pair = await publishedPair(t.http, s, '台账闸门');
  }, 180_000);
  afterAll(() => t?.close());

  it('the demo market tells a full year: 100+ deals, 70+ registered contracts worth hundreds of millions, and a clean ledger:check', async () => {
    // Runs first, before this file writes anything behind the gates.
    expect(await findLedgerProblems(ds)).toEqual([]);
    const year = Number(shanghaiDate().slice(0, 4));
    const headline = (await t.http.get(`/api/kpis?year=${year}&view=registered`).set(...bearer(s.broker)).expect(200)).body;
    expect(headline.figures.projects).toBeGreaterThanOrEqual(70);
    expect(headline.figures.contractAmountFen).toBeGreaterThanOrEqual(100_000_000 * 100); // ¥100 million
    expect(headline.figures.contractAmountFen).toBeLessThan(1_000_000_000 * 100); // under ¥1 billion
    expect(headline.excluded.projects).toBe(0);
    const funnel = (await t.http.get(`/api/kpis/funnel?year=${year}`).set(...bearer(s.broker)).expect(200)).body;
    expect(funnel.stages.find((st: { stage: string }) => st.stage === 'DEALS').count).toBeGreaterThanOrEqual(100);
    // Spread over the year's months up to this one, not bunched in the last few.
    const months = (await t.http.get(`/api/kpis/breakdown?year=${year}&view=signed&dimension=MONTH`).set(...bearer(s.broker)).expect(200)).body.items as Array<{ projects: number }>;
    const month = Number(shanghaiDate().slice(5, 7));
    expect(months.slice(0, month).filter((m) => m.projects > 0).length).toBeGreaterThanOrEqual(Math.min(month, Math.ceil(month * 0.75)));
  });

  const contracts = async (dealId: string) => (await ds.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM tech_contract WHERE deal_id = $1`, [dealId]))[0]!.n;

  it('refuses a contract while the deal negotiates (the observed D2026-000006: university result, priced by agreement, an offer pending)', async () => {
    const id = await drive.walkTo('NEGOTIATING', pair);
    await t.http.post(`/api/deals/${id}/offers`).set(...bearer(s.enterprise)).send({ priceFen: 300_000_000, terms: '独占许可' }).expect(201);
    const before = await drive.get(id);
    expect(before['publicNoticeRequired']).toBe(true);
    const res = await drive.recordContract(id, { contractAmountFen: 300_000_000, nonTechnicalCostFen: 0, schedule: [] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONTRACT_TERMS_NOT_AGREED');
    expect(res.body.message).toContain('尚未达成条款');
    // Not even an administrator's override helps before terms are agreed.
    expect((await drive.recordContract(id, { overrideReason: '先签' }, s.admin)).body.code).toBe('CONTRACT_TERMS_NOT_AGREED');
    expect(await contracts(id)).toBe(0);
    expect((await drive.get(id)).version).toBe(before.version);
    // With no contract, the stage cannot be carried past it by hand.
    expect((await drive.move(id, 'TERMS_AGREED', before.version)).status).toBe(200);
    const agreed = await drive.get(id);
    expect((await drive.move(id, 'CONTRACT_SIGNED', agreed.version)).body.code).toBe('DEAL_CONTRACT_REQUIRED');
  });

  it('needs a deal, a signing date not in the future, and one signed after the notice ended', async () => {
    const noDeal = await t.http.post('/api/contracts').set(...bearer(s.broker)).send(contractPayload(undefined)).expect(400);
    expect(noDeal.body.errors).toEqual([expect.objectContaining({ field: 'dealId' })]);
    const id = await drive.walkTo('PUBLIC_NOTICE', pair);
    await drive.prepare(id, 'CONTRACT_SIGNED'); // the notice ran 2026-02-01 … 02-15
    const early = await drive.recordContract(id, { signedOn: '2026-02-10', termStart: '2026-02-10' });
    expect(early.body.code).toBe('DEAL_PUBLIC_NOTICE_PENDING');
    const future = await drive.recordContract(id, { signedOn: '2099-01-01', termStart: '2099-01-01', termEnd: '2099-12-31' }).expect(400);
    expect(future.body.errors[0].field).toBe('signedOn');
    expect(await contracts(id)).toBe(0);
  });

  it('moves the deal to 合同已签订 when its signed contract is recorded, in one step the timeline shows', async () => {
    const id = await drive.walkTo('PUBLIC_NOTICE', pair);
    await drive.prepare(id, 'CONTRACT_SIGNED');
    const created = await drive.recordContract(id).expect(201);
    expect(created.body.dealId).toBe(id);
    const deal = await drive.get(id);
    expect(deal.stage).toBe('CONTRACT_SIGNED');
    const timeline = await t.http.get(`/api/deals/${id}/timeline`).set(...bearer(s.broker)).expect(200);
    const last = (timeline.body as Array<{ kind: string; toStage: string | null; note: string | null }>).filter((e) => e.kind === 'STAGE').pop();
    expect(last).toMatchObject({ toStage: 'CONTRACT_SIGNED', note: expect.stringContaining(created.body.code) });
    // A moved signing date may not break the chain either (before the notice ended).
    const back = await t.http.patch(`/api/contracts/${created.body.id}`).set(...bearer(s.broker)).send({ version: created.body.version, signedOn: '2026-02-14' }).expect(400);
    expect(back.body.errors[0]).toMatchObject({ field: 'signedOn' });
  });

  it('refuses registration and payment on a contract written by SQL behind the gates, saying why', async () => {
    const id = await drive.walkTo('NEGOTIATING', pair);
    const contractId = await insertBehindGates(ds, id, { code: 'CSQL-000001' });
    const c = await t.http.get(`/api/contracts/${contractId}`).set(...bearer(s.broker)).expect(200);
    const reg = await t.http.put(`/api/contracts/${contractId}/registration`).set(...bearer(s.broker)).send({ version: c.body.version, status: 'SUBMITTED', extra: { technicalField: '新材料', ipType: '发明专利' } }).expect(409);
    expect(reg.body).toMatchObject({ code: 'CONTRACT_CHAIN_INCOMPLETE', chainIssue: 'TERMS_NOT_AGREED', chainIssueLabel: { 'zh-CN': expect.stringContaining('尚未进入合同签订') } });
    const pay = await t.http.post(`/api/contracts/${contractId}/payments`).set(...bearer(s.broker)).send({ receivedOn: '2026-04-30', amountFen: 1, evidenceNote: '回单' }).expect(409);
    expect(pay.body.chainIssue).toBe('TERMS_NOT_AGREED');
    expect((await ds.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM contract_payment WHERE contract_id = $1`, [contractId]))[0]!.n).toBe(0);
  });

  it('will not move a deal to registered or paid on contracts whose dates break the chain', async () => {
    const id = await drive.walkTo('CONTRACT_SIGNED', pair);
    // Registered the day before it was signed, and paid before it was signed: written in SQL.
    await insertBehindGates(ds, id, { code: 'CSQL-000002', signedOn: '2026-03-18', registered: true, decidedOn: '2026-03-17', paidOn: '2026-03-01' });
    const deal = await drive.get(id);
    const moved = await drive.move(id, 'REGISTERED', deal.version);
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('DEAL_CONTRACT_NOT_REGISTERED');
  });

  it('has no contract import: the import route takes listings only', async () => {
    const res = await t.http.post('/api/imports?kind=CONTRACT').set(...bearer(s.broker)).attach('file', Buffer.from('x'), 'contracts.xlsx').expect(400);
    expect(res.body.errors[0].field).toBe('kind');
  });

  it('`npm run ledger:check` reports a contract inserted by SQL; the KPI routes leave it out and say how many and why', async () => {
    const year = 2026;
    const headline = async () => (await t.http.get(`/api/kpis?year=${year}&view=signed`).set(...bearer(s.broker)).expect(200)).body;
    const before = await headline();
    const id = await drive.walkTo('NEGOTIATING', pair);
    const contractId = await insertBehindGates(ds, id, { code: 'CSQL-000003', amountFen: 777_777_777, registered: true });
    const after = await headline();
    expect(after.figures).toEqual(before.figures);
    expect(after.excluded.projects).toBe(before.excluded.projects + 1);
    expect(after.excluded.contractAmountFen).toBe(before.excluded.contractAmountFen + 777_777_777);
    expect(after.excluded.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ issue: 'TERMS_NOT_AGREED', label: expect.objectContaining({ 'zh-CN': expect.any(String) }) })]));
    const records = await t.http.get(`/api/kpis/records?year=${year}&view=signed&limit=200`).set(...bearer(s.broker)).expect(200);
    expect(records.body.items.map((r: { id: string }) => r.id)).not.toContain(contractId);

    const problems = await findLedgerProblems(ds);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ contractId, contractCode: 'CSQL-000003', issue: 'TERMS_NOT_AGREED' })]));
    // The demo seed goes through the chain: only this file's SQL rows are reported.
    expect(problems.every((p) => p.contractCode.startsWith('CSQL-'))).toBe(true);
    if (t.databaseUrl) {
      const run = promisify(execFile);
      const cli = await run('npm', ['run', '--silent', 'ledger:check'], { env: { ...process.env, DATABASE_URL: t.databaseUrl }, cwd: process.cwd() }).then(
        () => ({ code: 0, stdout: '' }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain('CSQL-000003');
      expect(cli.stdout).toContain('尚未进入合同签订阶段');
    }
  }, 120_000);

  it('freezes a registered contract: corrections are amendments (who, when, why, before → after) the ledger reads from their effective date', async () => {
    const id = await drive.walkTo('CONTRACT_SIGNED', pair);
    await drive.prepare(id, 'REGISTERED'); // registered on 2026-04-10 with 核定技术性收入 120,000,009 fen
    const contractId = ((await drive.get(id))['contracts'] as Array<{ id: string }>)[0]!.id;
    const read = async () => (await t.http.get(`/api/contracts/${contractId}`).set(...bearer(s.broker)).expect(200)).body;
    let c = await read();
    const amend = (body: Record<string, unknown>, who = s.broker) => t.http.post(`/api/contracts/${contractId}/amendments`).set(...bearer(who)).send({ version: c.version, effectiveOn: '2026-05-01', reason: '补充协议：增加中试服务', ...body });

    // Frozen on the edit route: amounts, parties, type.
    const edit = await t.http.patch(`/api/contracts/${contractId}`).set(...bearer(s.broker)).send({ version: c.version, contractAmountFen: 150_000_000, seller: { ...c.seller, name: '南京大学（技术转移中心）' } }).expect(409);
    expect(edit.body).toMatchObject({ code: 'CONTRACT_FROZEN' });
    expect(edit.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contractAmountFen', 'seller']);
    // Amendments are checked like any write.
    expect((await amend({}).expect(400)).body.errors[0].message).toContain('未改动');
    expect((await amend({ nonTechnicalCostFen: 3_456_781 }).expect(400)).body.errors[0].field).toBe('contractAmountFen'); // below the approved income
    expect((await amend({ contractAmountFen: 150_000_000, effectiveOn: '2026-04-09' }).expect(400)).body.errors[0].field).toBe('effectiveOn');
    await t.http.post(`/api/contracts/${contractId}/amendments`).set(...bearer(s.enterprise)).send({ version: c.version, effectiveOn: '2026-05-01', reason: '企业自行修改', contractAmountFen: 1 }).expect(403);

    const before = (await t.http.get('/api/kpis?year=2026&view=signed').set(...bearer(s.broker)).expect(200)).body.figures.contractAmountFen as number;
    const first = await amend({ contractAmountFen: 150_000_000, seller: { name: '南京大学技术转移中心' } }).expect(201);
    expect(first.body.amounts).toMatchObject({ contractAmountFen: 150_000_000, technicalAmountFen: 146_543_220 });
    expect(first.body.seller.name).toBe('南京大学技术转移中心');
    expect(first.body.amendments).toEqual([
      expect.objectContaining({
        effectiveOn: '2026-05-01', reason: '补充协议：增加中试服务', author: { id: s.broker.userId, name: expect.any(String) },
        changes: expect.arrayContaining([{ field: 'contractAmountFen', before: 123_456_789, after: 150_000_000 }, { field: 'seller.name', before: '南京大学', after: '南京大学技术转移中心' }]),
      }),
    ]);
    // One effective after today is kept but not yet used, by the contract page or the ledger.
    c = await read();
    await amend({ contractAmountFen: 160_000_000, effectiveOn: '2099-01-01', reason: '远期调价' }).expect(201);
    c = await read();
    expect(c.amounts.contractAmountFen).toBe(150_000_000);
    expect(c.amendments).toHaveLength(2);
    const after = (await t.http.get('/api/kpis?year=2026&view=signed').set(...bearer(s.broker)).expect(200)).body.figures.contractAmountFen as number;
    expect(after - before).toBe(150_000_000 - 123_456_789);
    // Payments are capped by the amount in effect; the rows are append-only.
    const timeline = await t.http.get(`/api/deals/${id}/timeline`).set(...bearer(s.broker)).expect(200);
    expect(timeline.body.filter((e: { kind: string }) => e.kind === 'CONTRACT_AMENDED')).toHaveLength(2);
    await expect(ds.query(`UPDATE contract_amendment SET reason = '改写' WHERE contract_id = $1`, [contractId])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM contract_amendment WHERE contract_id = $1`, [contractId])).rejects.toThrow(/append-only/);

    // Not registered: edit it directly, no amendment. Written behind the gates: refused with the reason.
    const second = (await drive.recordContract(id).expect(201)).body;
    expect((await t.http.post(`/api/contracts/${second.id}/amendments`).set(...bearer(s.broker)).send({ version: second.version, effectiveOn: '2026-05-01', reason: '未登记合同调价', contractAmountFen: 1 }).expect(409)).body.code).toBe('CONTRACT_AMENDMENT_NOT_ALLOWED');
    const negotiating = await drive.walkTo('NEGOTIATING', pair);
    const behind = await insertBehindGates(ds, negotiating, { code: 'CSQL-000004', registered: true });
    const b = await t.http.get(`/api/contracts/${behind}`).set(...bearer(s.broker)).expect(200);
    const refused = await t.http.post(`/api/contracts/${behind}/amendments`).set(...bearer(s.broker)).send({ version: b.body.version, effectiveOn: '2026-05-01', reason: '补正金额', contractAmountFen: 1 }).expect(409);
    expect(refused.body).toMatchObject({ code: 'CONTRACT_CHAIN_INCOMPLETE', chainIssue: 'TERMS_NOT_AGREED' });
  }, 120_000);

  describe('KPI details observed', () => {
    type Stage = { stage: string; count: number; conversionBp: number | null; medianDaysFromPrevious: number | null };
    const funnel = async (query = '') => (await t.http.get(`/api/kpis/funnel?year=2026${query}`).set(...bearer(s.broker)).expect(200)).body.stages as Stage[];

    it('nests the funnel stages, so no conversion exceeds 100 % and no median duration is negative', async () => {
      // This file's deals were opened today with contracts signed on 2026-03-18, before the deals existed.
      for (const stages of [await funnel(), await funnel(`&brokerId=${s.broker.userId}`)]) {
        expect(stages.map((x) => x.stage)).toEqual(['MATCHES', 'INTRODUCTIONS', 'DEALS', 'SIGNED', 'REGISTERED', 'PAID']);
        for (const [i, x] of stages.entries()) {
          if (i > 0) expect({ stage: x.stage, count: x.count }).toEqual({ stage: x.stage, count: Math.min(x.count, stages[i - 1]!.count) });
          if (x.conversionBp !== null) expect({ stage: x.stage, conversionBp: Math.min(x.conversionBp, 10_000) }).toEqual({ stage: x.stage, conversionBp: x.conversionBp });
          if (x.medianDaysFromPrevious !== null) expect({ stage: x.stage, days: Math.max(x.medianDaysFromPrevious, 0) }).toEqual({ stage: x.stage, days: x.medianDaysFromPrevious });
        }
        expect(stages[3]!.count).toBeGreaterThan(0);
      }
    });

    it('shows pace: each target figure against the share of the year elapsed', async () => {
      const h = (await t.http.get('/api/kpis?year=2026&view=signed').set(...bearer(s.broker)).expect(200)).body;
      const [y, m, d] = (h.asOf as string).split('-').map(Number) as [number, number, number];
      const day = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
      const elapsed = Math.floor((day * 10_000) / ((Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000));
      expect(h.pace.yearElapsedBp).toBe(elapsed);
      expect(h.pace.projects).toEqual({ progressBp: h.progress.projectsBp, expectedBp: elapsed, gapBp: h.progress.projectsBp - elapsed });
      expect(h.pace.contractAmountFen).toEqual({ progressBp: h.progress.contractAmountBp, expectedBp: elapsed, gapBp: h.progress.contractAmountBp - elapsed });
      const past = (await t.http.get('/api/kpis?year=2025').set(...bearer(s.broker)).expect(200)).body;
      expect(past.pace.yearElapsedBp).toBe(10_000);
      // A broker's own view has no target, so no pace.
      const mine = (await t.http.get(`/api/kpis?year=2026&brokerId=${s.broker.userId}`).set(...bearer(s.broker)).expect(200)).body;
      expect(mine.pace).toMatchObject({ yearElapsedBp: elapsed, projects: null, contractAmountFen: null });
    });
  });
});
