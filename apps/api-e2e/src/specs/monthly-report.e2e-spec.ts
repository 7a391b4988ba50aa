import { Workbook, Worksheet } from 'exceljs';
import { DataSource } from 'typeorm';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { MailService, MonthlyReportJob } from '@xkx/api/testing';
import { bearer, loginDemo, Session } from '../support/auth';
import { FixtureContract, loadKpiFixture } from '../support/kpis';
import { startTestApp, TestApp } from '../support/test-app';

const NJU = '南京大学';
const NJUPT = '南京邮电大学';
const E1 = '南京栖霞新能源科技有限公司';
const E2 = '南京尧化门人工智能科技有限公司';
const CENTER = 'broker@xkx.demo';

// 2019: no demo data lives there, so every figure is this fixture's.
const FIXTURE: FixtureContract[] = [
  {
    code: 'M1',
    seller: NJU,
    buyer: E1,
    typeCode: 'LICENSE.PATENT',
    signedOn: '2019-11-05',
    contractAmountFen: 123_456_789,
    nonTechnicalCostFen: 3_456_780,
    registration: 'REGISTERED',
    deal: { fieldCode: 'NE.BAT', broker: CENTER },
    payments: [{ receivedOn: '2019-11-20', amountFen: 61_728_394 }],
  },
  {
    code: 'M2',
    seller: NJUPT,
    buyer: E2,
    typeCode: 'TRANSFER.PATENT',
    signedOn: '2019-11-30',
    contractAmountFen: 1_999_999_999,
    nonTechnicalCostFen: 0,
    registration: 'REGISTERED',
    deal: { fieldCode: 'AI', broker: CENTER },
    payments: [{ receivedOn: '2019-11-30', amountFen: 1_234_567_891 }],
  },
  // Not registered: left out of the registered view the district reports.
  {
    code: 'M3',
    seller: NJU,
    buyer: E2,
    typeCode: 'CONSULTING',
    signedOn: '2019-11-15',
    contractAmountFen: 555_555_555,
    nonTechnicalCostFen: 0,
    registration: 'NOT_SUBMITTED',
    payments: [],
  },
  // Earlier in the year: only in the year to date.
  {
    code: 'M4',
    seller: NJU,
    buyer: E1,
    typeCode: 'LICENSE.PATENT',
    signedOn: '2019-10-31',
    contractAmountFen: 1_000_000_007,
    nonTechnicalCostFen: 7,
    registration: 'REGISTERED',
    payments: [],
  },
  // The year before: one in the same period, one after it.
  {
    code: 'M5',
    seller: NJU,
    buyer: E2,
    typeCode: 'LICENSE.PATENT',
    signedOn: '2018-11-10',
    contractAmountFen: 300_000_000,
    nonTechnicalCostFen: 0,
    registration: 'REGISTERED',
    payments: [],
  },
  {
    code: 'M6',
    seller: NJU,
    buyer: E2,
    typeCode: 'LICENSE.PATENT',
    signedOn: '2018-12-01',
    contractAmountFen: 700_000_000,
    nonTechnicalCostFen: 0,
    registration: 'REGISTERED',
    payments: [],
  },
];

const binary = (
  r: { on(event: string, listener: (chunk: Buffer) => void): unknown },
  cb: (err: Error | null, body: Buffer) => void,
): void => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};
const rowOf = (ws: Worksheet, first: string | number): Array<unknown> => {
  let found: unknown[] | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === first) found = (row.values as unknown[]).slice(1);
  });
  if (!found) throw new Error(`no row ${first} in ${ws.name}`);
  return found;
};

describe('monthly district report: a workbook per month, read back; mailed to admins once per month', () => {
  let t: TestApp;
  let broker: Session;
  let smtp: SMTPServer;
  /** Raw messages as the SMTP server received them. */
  const received: Array<{ to: string[]; data: string }> = [];
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      size: 20 * 1_048_576,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('latin1') });
          callback();
        });
      },
    });
    await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', () => ok()));
    t = await startTestApp({ XKX_DEMO_SEED: 'true', SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true` });
    broker = await loginDemo(t.http, 'broker');
    const fx = await loadKpiFixture(t.app.get(DataSource), FIXTURE);
    const e1 = fx.orgIds.get(E1)!;
    await t.http
      .put(`/api/kpis/rnd-spending/${e1}/2018`)
      .set(...bearer(broker))
      .send({ amountFen: 1_000_000_000 })
      .expect(200);
    await t.http
      .put(`/api/kpis/rnd-spending/${e1}/2019`)
      .set(...bearer(broker))
      .send({ amountFen: 1_123_456_789 })
      .expect(200);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await new Promise<void>((ok) => smtp.close(() => ok()));
  });

  it('lays out figures, contracts, subsidies, R&D growth and definitions in 万元 with totals', async () => {
    const res = await t.http
      .get('/api/kpis/reports/monthly.xlsx')
      .query({ month: '2019-11' })
      .set(...bearer(broker))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '本月合同明细',
      '奖补测算',
      '重点企业研发投入',
      '指标说明',
    ]);

    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getCell('A1').value).toBe('栖霞区技术转移工作月报（2019年11月）');
    expect(String(summary.getCell('A2').value)).toContain('万元');
    // 本月 M1+M2 (M3 unregistered); 本年累计 + M4; 上年同期 M5 only (M6 is after 11-30).
    expect(rowOf(summary, '产学研及成果转化项目数（项）').slice(1, 4)).toEqual([2, 3, 1]);
    const amount = rowOf(summary, '技术合同成交额（万元）');
    expect(amount.slice(1, 4)).toEqual([2123.46, 3123.46, 300]); // 2,123,456,788 fen; 3,123,456,795 fen; 300,000,000 fen
    expect(rowOf(summary, '技术交易额（万元）').slice(1, 2)).toEqual([2120]); // 2,120,000,008 fen
    expect(rowOf(summary, '实际到账（万元）').slice(1, 2)).toEqual([1296.3]); // 1,296,296,285 fen

    const contracts = wb.getWorksheet('本月合同明细')!;
    const header = rowOf(contracts, '序号');
    expect(header).toEqual([
      '序号',
      '合同编号',
      '登记编号',
      '项目名称',
      '合同类型',
      '高校院所',
      '企业',
      '签订日期',
      '合同成交额',
      '技术交易额',
      '实际到账',
    ]);
    expect(rowOf(contracts, 1).slice(1, 2)).toEqual(['M1']);
    expect(rowOf(contracts, 2).slice(1, 2)).toEqual(['M2']);
    const totals = rowOf(contracts, '合计');
    expect(totals.slice(8)).toEqual([2123.46, 2120, 1296.3]);
    let totalsRow = 0;
    contracts.eachRow((row, n) => (row.getCell(1).value === '合计' ? (totalsRow = n) : undefined));
    expect(contracts.getRow(totalsRow).getCell(9).numFmt).toBe('#,##0.00');
    expect(contracts.getRow(totalsRow).font?.bold).toBe(true);

    expect(rowOf(wb.getWorksheet('奖补测算')!, '合计')).toBeDefined();
    const rnd = wb.getWorksheet('重点企业研发投入')!;
    expect(rowOf(rnd, E1)).toEqual([E1, 1000, 1123.46, '12.34%', '达标']);
    expect(rowOf(rnd, '合计（两年均填报的企业）').slice(1, 3)).toEqual([1000, 1123.46]);
    const definitions = wb.getWorksheet('指标说明')!;
    expect(rowOf(definitions, '金额单位')[1]).toContain('万元');
    expect(rowOf(definitions, '产学研及成果转化项目数')).toBeDefined();
  });

  it('is for KPI readers only and refuses a month that is not one', async () => {
    const researcher = await loginDemo(t.http, 'researcher');
    expect(
      (
        await t.http
          .get('/api/kpis/reports/monthly.xlsx')
          .query({ month: '2019-11' })
          .set(...bearer(researcher))
      ).status,
    ).toBe(403);
    const bad = await t.http
      .get('/api/kpis/reports/monthly.xlsx')
      .query({ month: '2019-13' })
      .set(...bearer(broker))
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'month' })]);
  });

  it('mails last month to every active admin once, however many instances try at the same time', async () => {
    const job = t.app.get(MonthlyReportJob);
    const firstOfDecember = new Date('2019-12-01T00:30:00+08:00');
    const sent = await Promise.all([job.sendDue(firstOfDecember), job.sendDue(firstOfDecember)]);
    const ds = t.app.get(DataSource);
    const admins = await ds.query<Array<{ email: string }>>(
      `SELECT email FROM app_user WHERE role = 'ADMIN' AND status = 'ACTIVE'`,
    );
    expect(admins.length).toBeGreaterThan(0);
    expect(sent.sort()).toEqual([0, admins.length]);
    expect(await job.sendDue(new Date('2019-12-15T12:00:00+08:00'))).toBe(0);
    const mails = await ds.query<Array<{ to_address: string; body: string }>>(
      `SELECT to_address, body FROM outbox_mail WHERE subject LIKE '%2019年11月%' ORDER BY to_address`,
    );
    expect(mails.map((m) => m.to_address)).toEqual(admins.map((a) => a.email).sort());
    expect(mails[0]!.body).toContain('合同成交额 2123.46 万元');
    expect(await ds.query(`SELECT month, recipients FROM monthly_report_dispatch`)).toEqual([
      { month: '2019-11', recipients: admins.length },
    ]);

    // Dispatched over SMTP with the month's workbook attached: it opens and has the month's sheets.
    const mail = t.app.get(MailService);
    for (let i = 0; i < 10 && received.filter((m) => m.data.includes('spreadsheetml')).length < admins.length; i++) await mail.dispatch();
    const raw = received.find((m) => m.to.includes(admins[0]!.email) && m.data.includes('spreadsheetml'));
    expect(raw).toBeDefined();
    const part = xlsxPart(raw!.data);
    expect(part.headers).toMatch(/Content-Disposition: attachment/i);
    expect(part.fileName).toBe('栖霞区技术转移工作月报-2019-11.xlsx');
    const wb = new Workbook();
    await wb.xlsx.load(part.content as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '本月合同明细', '奖补测算', '重点企业研发投入', '指标说明']);
    expect(wb.getWorksheet('汇总')!.getCell('A1').value).toBe('栖霞区技术转移工作月报（2019年11月）');
  });
});

/** The .xlsx part of a raw MIME message: its headers (unfolded) and its decoded bytes. */
function xlsxPart(raw: string): { headers: string; fileName: string; content: Buffer } {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) throw new Error('not a multipart message');
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
    if (!/spreadsheetml/.test(headers)) continue;
    if (!/Content-Transfer-Encoding: base64/i.test(headers)) throw new Error(`unexpected encoding: ${headers}`);
    return { headers, fileName: fileNameOf(headers), content: Buffer.from(part.slice(split + 4).replace(/\s+/g, ''), 'base64') };
  }
  throw new Error('no .xlsx part');
}

/** The attachment's file name from Content-Disposition, RFC 2231 continuations and encoding included. */
function fileNameOf(headers: string): string {
  const disposition = /Content-Disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
  const segments = [...disposition.matchAll(/filename\*(\d+)?\*?="?([^";]*)"?/gi)].sort((a, b) => Number(a[1] ?? 0) - Number(b[1] ?? 0));
  if (segments.length > 0) return decodeURIComponent(segments.map((m) => m[2]).join('').replace(/^utf-8''/i, ''));
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? '';
}
