import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { FixtureContract, loadKpiFixture, LoadedFixture } from '../support/kpis';
import { startTestApp, TestApp } from '../support/test-app';

const NJU = '南京大学';
const NJUPT = '南京邮电大学';
const PMO = '中国科学院紫金山天文台';
const E1 = '南京栖霞新能源科技有限公司';
const E2 = '南京尧化门人工智能科技有限公司';
const E3 = '南京龙潭新材料股份有限公司';
const DISTRICT_CENTER = 'broker@xkx.demo'; // 栖霞区技术转移中心 (an agency)
const NJU_CENTER = 'broker.nju@xkx.demo'; // 南京大学技术转移中心 (an agency)
const FREE = 'broker.free@xkx.test'; // a broker with no agency

/** Awkward amounts, every kind of contract the definitions must sort. 2019: no demo data lives there. */
const FIXTURE: FixtureContract[] = [
  { code: 'K1', seller: NJU, buyer: E1, typeCode: 'LICENSE.PATENT', signedOn: '2019-03-18', contractAmountFen: 123_456_789, nonTechnicalCostFen: 3_456_780, registration: 'REGISTERED', deal: { fieldCode: 'NE.BAT', broker: DISTRICT_CENTER }, payments: [{ receivedOn: '2019-04-30', amountFen: 61_728_394 }, { receivedOn: '2020-01-05', amountFen: 61_728_395 }] },
  { code: 'K2', seller: NJUPT, buyer: E2, typeCode: 'TRANSFER.PATENT', signedOn: '2019-06-10', contractAmountFen: 1_999_999_999, nonTechnicalCostFen: 0, registration: 'REGISTERED', deal: { fieldCode: 'AI', broker: FREE }, payments: [{ receivedOn: '2019-06-15', amountFen: 1_234_567_891 }] },
  // Reverse direction: the enterprise sells to an institute. Not registered.
  { code: 'K3', seller: E1, buyer: PMO, typeCode: 'DEVELOPMENT.COMMISSIONED', signedOn: '2019-03-02', contractAmountFen: 987_654_321, nonTechnicalCostFen: 7_654_321, registration: 'NOT_SUBMITTED', payments: [{ receivedOn: '2019-05-01', amountFen: 100_000_001 }] },
  // Marked related-party through the API: counted, but no subsidy.
  { code: 'K4', seller: NJU, buyer: E3, typeCode: 'SERVICE.GENERAL', signedOn: '2019-11-30', contractAmountFen: 55_555_555, nonTechnicalCostFen: 5_555_555, registration: 'REGISTERED', deal: { fieldCode: 'NM', broker: NJU_CENTER }, payments: [{ receivedOn: '2019-12-31', amountFen: 55_555_555 }] },
  // Enterprise to enterprise: never a project.
  { code: 'K5', seller: E1, buyer: E2, typeCode: 'CONSULTING', signedOn: '2019-05-05', contractAmountFen: 77_777_777, nonTechnicalCostFen: 0, registration: 'REGISTERED', payments: [{ receivedOn: '2019-05-06', amountFen: 77_777_777 }] },
  // Signed the year before, paid in 2019: in 2018's figures, in 2019's money received in the year and subsidies.
  { code: 'K6', seller: NJU, buyer: E1, typeCode: 'LICENSE.PATENT', signedOn: '2018-07-07', contractAmountFen: 1_000_000_007, nonTechnicalCostFen: 7, registration: 'REGISTERED', deal: { fieldCode: 'NE.PV', broker: DISTRICT_CENTER }, payments: [{ receivedOn: '2019-02-01', amountFen: 500_000_003 }] },
  // An institute known only by its legal-person type; refused; one fen.
  { code: 'K7', seller: { name: '南京某研究所', legalPersonType: 'RESEARCH_INSTITUTE' }, buyer: E2, typeCode: 'CONSULTING', signedOn: '2019-12-31', contractAmountFen: 1, nonTechnicalCostFen: 0, registration: 'REFUSED', payments: [] },
  // The agency-less broker joined this deal after its lead: K8 is in his figures, but in the lead's bar.
  { code: 'K8', seller: NJU, buyer: E3, typeCode: 'TRANSFER.TECHNICAL_SECRET', signedOn: '2019-08-08', contractAmountFen: 2_500_000_003, nonTechnicalCostFen: 0, registration: 'REGISTERED', deal: { fieldCode: 'NE.H2', broker: DISTRICT_CENTER, coBrokers: [FREE] }, payments: [{ receivedOn: '2019-08-09', amountFen: 2_500_000_003 }] },
];

const byCode = (code: string): FixtureContract => FIXTURE.find((c) => c.code === code)!;
const paid = (c: FixtureContract, year?: number): number => c.payments.filter((p) => year === undefined || p.receivedOn.startsWith(String(year))).reduce((s, p) => s + p.amountFen, 0);

/** The definitions, by hand, over the fixture. */
function expected(year: number, view: 'registered' | 'signed', codes?: string[]) {
  const projects = ['K1', 'K2', 'K3', 'K4', 'K6', 'K7', 'K8'] // K5 is enterprise ↔ enterprise
    .map(byCode)
    .filter((c) => view === 'signed' || c.registration === 'REGISTERED');
  const inYear = projects.filter((c) => c.signedOn.startsWith(String(year)) && (!codes || codes.includes(c.code)));
  return {
    projects: inYear.length,
    contractAmountFen: inYear.reduce((s, c) => s + c.contractAmountFen, 0),
    technicalAmountFen: inYear.reduce((s, c) => s + c.contractAmountFen - c.nonTechnicalCostFen, 0),
    receivedFen: inYear.reduce((s, c) => s + paid(c), 0),
    receivedInYearFen: projects.filter((c) => !codes || codes.includes(c.code)).reduce((s, c) => s + paid(c, year), 0),
  };
}

/** supertest: read a binary body into a Buffer. */
const binary = (r: { on(event: string, listener: (chunk: Buffer) => void): unknown }, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** 元 as the exports write them (a number, or exact decimal text in CSV) → fen. */
const fen = (yuan: unknown): number => Math.round(Number(yuan) * 100);

describe('KPI ledger: figures computed by hand for a fixture, to the fen', () => {
  let t: TestApp;
  let admin: Session;
  let broker: Session;
  let enterprise: Session;
  let researcher: Session;
  let fx: LoadedFixture;
  const get = (url: string, who: Session = broker) => t.http.get(url).set(...bearer(who));

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    [admin, broker, enterprise, researcher] = await Promise.all([loginDemo(t.http, 'admin'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'researcher')]);
    fx = await loadKpiFixture(t.app.get(DataSource), FIXTURE);
    await t.http.put(`/api/kpis/related-parties/${fx.ids.get('K4')}`).set(...bearer(admin)).send({ related: true, reason: '买方为卖方控股企业' }).expect(200);
  });
  afterAll(() => t.close());

  it('hand-computed totals are what we think they are', () => {
    expect(expected(2019, 'registered')).toEqual({ projects: 4, contractAmountFen: 4_679_012_346, technicalAmountFen: 4_670_000_011, receivedFen: 3_913_580_238, receivedInYearFen: 4_351_851_846 });
    expect(expected(2019, 'signed').projects).toBe(6);
  });

  it.each(['registered', 'signed'] as const)('headline figures, %s view, with the year before', async (view) => {
    const res = await get(`/api/kpis?year=2019&view=${view}`).expect(200);
    expect(res.body.figures).toEqual(expected(2019, view));
    expect(res.body.previousYear).toEqual(expected(2018, view));
    expect(res.body.viewLabel['zh-CN']).toContain(view === 'registered' ? '登记' : '签订');
    expect(res.body.definitions.map((d: { key: string }) => d.key)).toEqual(expect.arrayContaining(['projects', 'contractAmountFen', 'technicalAmountFen', 'receivedFen', 'receivedInYearFen', 'view']));
    expect(res.body.target).toMatchObject({ projects: 165, contractAmountFen: 840_000_000_000, isDefault: true });
    expect(res.body.progress.contractAmountBp).toBe(Math.floor((expected(2019, view).contractAmountFen * 10_000) / 840_000_000_000));
  });

  it('filters by institution and by field', async () => {
    const nju = fx.orgIds.get(NJU)!;
    const byNju = await get(`/api/kpis?year=2019&view=signed&institutionId=${nju}`).expect(200);
    expect(byNju.body.figures).toMatchObject({ projects: 3, contractAmountFen: expected(2019, 'signed', ['K1', 'K4', 'K8']).contractAmountFen });
    const ne = await get('/api/kpis?year=2019&view=registered&fieldCode=NE').expect(200);
    expect(ne.body.figures).toMatchObject({ projects: 2, contractAmountFen: 123_456_789 + 2_500_000_003 });
    const bat = await get('/api/kpis?year=2019&view=registered&fieldCode=NE.BAT').expect(200);
    expect(bat.body.figures.contractAmountFen).toBe(123_456_789);
  });

  const DIMENSIONS = ['MONTH', 'INSTITUTION', 'AGENCY', 'FIELD', 'TYPE', 'BROKER', 'ENTERPRISE'] as const;
  type Bar = { key: string; label: { 'zh-CN': string }; projects: number; contractAmountFen: number; technicalAmountFen: number; receivedFen: number; previousYear: { projects: number; contractAmountFen: number } };
  type Row = { code: string; contractAmountFen: number; technicalAmountFen: number; receivedFen: number };
  const sums = (rows: Array<{ projects?: number; contractAmountFen: number; technicalAmountFen: number; receivedFen: number }>, count: (r: never) => number = () => 1) => ({
    projects: rows.reduce((s, r) => s + (r.projects ?? count(r as never)), 0),
    contractAmountFen: rows.reduce((s, r) => s + r.contractAmountFen, 0),
    technicalAmountFen: rows.reduce((s, r) => s + r.technicalAmountFen, 0),
    receivedFen: rows.reduce((s, r) => s + r.receivedFen, 0),
  });

  it.each(DIMENSIONS.flatMap((d) => (['registered', 'signed'] as const).map((v) => [d, v] as const)))('breakdown by %s (%s): bars add up to the headline, and every bar drills down to contracts that add up to it', async (dimension, view) => {
    const { receivedInYearFen: _ignored, ...headline } = expected(2019, view);
    const res = await get(`/api/kpis/breakdown?year=2019&view=${view}&dimension=${dimension}`).expect(200);
    const bars = res.body.items as Bar[];
    expect(res.body.totals).toEqual(headline);
    expect(sums(bars)).toEqual(headline);
    for (const bar of bars.filter((b) => b.projects > 0)) {
      const records = await get(`/api/kpis/records?year=2019&view=${view}&dimension=${dimension}&key=${encodeURIComponent(bar.key)}`).expect(200);
      const rows = records.body.items as Row[];
      expect(rows).toHaveLength(bar.projects);
      expect(sums(rows)).toEqual({ projects: bar.projects, contractAmountFen: bar.contractAmountFen, technicalAmountFen: bar.technicalAmountFen, receivedFen: bar.receivedFen });
      expect(records.body.totals).toEqual(sums(rows));
    }
  });

  it('puts each contract in the bar the definitions say', async () => {
    const bars = async (dimension: string, view = 'registered') => new Map(((await get(`/api/kpis/breakdown?year=2019&view=${view}&dimension=${dimension}`).expect(200)).body.items as Bar[]).map((b) => [b.label['zh-CN'], b]));
    const month = await bars('MONTH', 'signed');
    expect(month.size).toBe(12);
    expect(month.get('3月')).toMatchObject({ projects: 2, contractAmountFen: 1_111_111_110 }); // K1 + K3
    expect((await bars('MONTH')).get('7月')?.previousYear).toEqual({ projects: 1, contractAmountFen: 1_000_000_007 }); // K6, 2018
    const agency = await bars('AGENCY');
    expect(agency.get('栖霞区技术转移中心')).toMatchObject({ projects: 2, contractAmountFen: 2_623_456_792 });
    expect(agency.get('南京大学技术转移中心')).toMatchObject({ projects: 1, contractAmountFen: 55_555_555 });
    expect(agency.get('无技术转移中心')).toMatchObject({ projects: 1, contractAmountFen: 1_999_999_999 });
    const field = await bars('FIELD');
    expect(field.get('新能源')).toMatchObject({ projects: 2, contractAmountFen: 2_623_456_792 });
    const type = await bars('TYPE');
    expect(type.get('技术转让')).toMatchObject({ projects: 2, contractAmountFen: 4_500_000_002 });
    const institution = await bars('INSTITUTION', 'signed');
    expect(institution.get(NJU)).toMatchObject({ projects: 3 });
    expect(institution.get(PMO)).toMatchObject({ projects: 1, contractAmountFen: 987_654_321 });
    expect(institution.get('南京某研究所')).toMatchObject({ projects: 1, contractAmountFen: 1 });
    const enterprises = await bars('ENTERPRISE', 'signed');
    expect(enterprises.get(E1)).toMatchObject({ projects: 2, contractAmountFen: 1_111_111_110 });
    const brokers = await bars('BROKER');
    expect(brokers.get('王自由')).toMatchObject({ projects: 1, contractAmountFen: 1_999_999_999 }); // K2; K8 stays with its lead
  });

  it.each([
    ['the agency-less broker: lead of K2, joined K8 later', FREE, ['K2', 'K8']],
    ['the district center’s broker: K1, K8 and K6 of 2018', DISTRICT_CENTER, ['K1', 'K6', 'K8']],
    ['the NJU center’s broker: K4', NJU_CENTER, ['K4']],
  ])('filters by broker, %s: headline, bars and drill-downs over every deal he takes part in', async (_who, email, codes) => {
    const id = fx.userIds.get(email)!;
    for (const view of ['registered', 'signed'] as const) {
      const res = await get(`/api/kpis?year=2019&view=${view}&brokerId=${id}`).expect(200);
      expect(res.body.figures).toEqual(expected(2019, view, codes));
      expect(res.body.previousYear).toEqual(expected(2018, view, codes));
      expect(res.body).toMatchObject({ brokerId: id, target: null, progress: { projectsBp: null, contractAmountBp: null } });
      const { receivedInYearFen: _ignored, ...headline } = expected(2019, view, codes);
      for (const dimension of ['MONTH', 'BROKER', 'FIELD', 'INSTITUTION'] as const) {
        const breakdown = await get(`/api/kpis/breakdown?year=2019&view=${view}&dimension=${dimension}&brokerId=${id}`).expect(200);
        expect(breakdown.body.totals).toEqual(headline);
        for (const bar of (breakdown.body.items as Bar[]).filter((b) => b.projects > 0)) {
          const records = await get(`/api/kpis/records?year=2019&view=${view}&dimension=${dimension}&key=${encodeURIComponent(bar.key)}&brokerId=${id}`).expect(200);
          expect(sums(records.body.items as Row[])).toEqual({ projects: bar.projects, contractAmountFen: bar.contractAmountFen, technicalAmountFen: bar.technicalAmountFen, receivedFen: bar.receivedFen });
        }
      }
      const records = await get(`/api/kpis/records?year=2019&view=${view}&brokerId=${id}`).expect(200);
      expect((records.body.items as Row[]).map((r) => r.code).sort()).toEqual(codes.filter((c) => byCode(c).signedOn.startsWith('2019')).sort());
      expect(records.body.totals).toEqual(headline);
    }
  });

  it('exports one broker’s figures and records', async () => {
    const id = fx.userIds.get(FREE)!;
    const csv = await get(`/api/kpis/export.csv?year=2019&view=registered&brokerId=${id}`).expect(200);
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[0]).sort()).toEqual(['K2', 'K8']);
    expect(rows.reduce((s, r) => s + fen(r[12]), 0)).toBe(1_999_999_999 + 2_500_000_003);
    const xlsx = await get(`/api/kpis/export.xlsx?year=2019&view=registered&brokerId=${id}`).buffer(true).parse(binary).expect(200);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('汇总')!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    const e = expected(2019, 'registered', ['K2', 'K8']);
    expect([summary.get('项目数'), fen(summary.get('合同成交额')), fen(summary.get('实际到账（到账年度口径）'))]).toEqual([e.projects, e.contractAmountFen, e.receivedInYearFen]);
    expect(summary.has('目标项目数')).toBe(false);
  });

  it('the funnel of one broker counts his deals only', async () => {
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    const res = await get(`/api/kpis/funnel?year=${year}&brokerId=${fx.userIds.get(FREE)}`).expect(200);
    // The fixture's deals were opened now: K2's (his lead) and K8's (joined), both signed, registered and paid; no
    // introductions, no verdicts. Stages are nested populations: a deal is also an introduction and a match.
    expect((res.body.stages as Array<{ stage: string; count: number }>).map((s) => [s.stage, s.count])).toEqual([['MATCHES', 2], ['INTRODUCTIONS', 2], ['DEALS', 2], ['SIGNED', 2], ['REGISTERED', 2], ['PAID', 2]]);
    expect(res.body.brokerId).toBe(fx.userIds.get(FREE));
    const all = await get(`/api/kpis/funnel?year=${year}`).expect(200);
    expect(all.body.stages[2].count).toBeGreaterThan(2);
    await get(`/api/kpis/funnel?year=${year}&brokerId=nope`).expect(400);
    await get('/api/kpis?year=2019&brokerId=nope').expect(400);
  });

  it('exports the subsidy report as a workbook that agrees with the JSON to the fen', async () => {
    const json = (await get('/api/kpis/subsidies?year=2019').expect(200)).body as {
      totalFen: number;
      claims: Array<{ kind: 'AGENCY' | 'ENTERPRISE' | 'BROKER'; name: string; baseFen: number; rateBp: number; rawFen: number; capFen: number; amountFen: number; capped: boolean; lines: Array<{ code: string; receivedFen: number }> }>;
      excluded: Array<{ code: string; receivedFen: number; reason: string }>;
    };
    const res = await get('/api/kpis/subsidies/export.xlsx?year=2019').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain('subsidies-2019.xlsx');
    const wb = new Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['奖补汇总', '奖补明细', '不予奖补', '说明']);
    const KIND: Record<string, string> = { AGENCY: '技术转移机构', ENTERPRISE: '技术吸纳企业', BROKER: '技术经理人' };
    const values = (sheet: string) => {
      const rows: unknown[][] = [];
      wb.getWorksheet(sheet)!.eachRow((row, n) => { if (n > 1) rows.push((row.values as unknown[]).slice(1)); });
      return rows;
    };
    const claims = values('奖补汇总');
    expect(claims.slice(0, -1)).toEqual(json.claims.map((c) => [KIND[c.kind], c.name, c.baseFen / 100, c.rateBp, c.rawFen / 100, c.capFen / 100, c.amountFen / 100, c.capped ? '是' : '否']));
    expect(claims.at(-1)).toEqual(['合计', undefined, undefined, undefined, undefined, undefined, json.totalFen / 100]);
    expect(json.totalFen).toBe(244_814_813);
    const lines = values('奖补明细');
    expect(lines).toEqual(json.claims.flatMap((c) => c.lines.map((l) => [KIND[c.kind], c.name, l.code, expect.any(String), l.receivedFen / 100])));
    for (const c of json.claims) expect(lines.filter((l) => l[0] === KIND[c.kind] && l[1] === c.name).reduce((s, l) => s + fen(l[4]), 0)).toBe(c.baseFen);
    expect(values('不予奖补')).toEqual(json.excluded.map((e) => [e.code, e.receivedFen / 100, e.reason]));
    await t.http.get('/api/kpis/subsidies/export.xlsx?year=2019').expect(401);
    await get('/api/kpis/subsidies/export.xlsx?year=2019', researcher).expect(403);
  });

  it('drills down to the money received in the year (paid basis)', async () => {
    const res = await get('/api/kpis/records?year=2019&view=registered&basis=paid').expect(200);
    expect((res.body.items as Row[]).map((r) => r.code).sort()).toEqual(['K1', 'K2', 'K4', 'K6', 'K8']);
    expect(res.body.totals.receivedFen).toBe(expected(2019, 'registered').receivedInYearFen);
  });

  it('computes subsidies on money received in 2019 for registered contracts: rates, caps, exclusions, to the fen', async () => {
    const res = await get('/api/kpis/subsidies?year=2019').expect(200);
    const claims = new Map((res.body.claims as Array<{ kind: string; name: string; baseFen: number; rawFen: number; amountFen: number; capped: boolean; lines: Array<{ code: string; receivedFen: number }> }>).map((c) => [`${c.kind}:${c.name}`, c]));
    // Agency: K1 + K6 + K8 received in 2019 = 3,061,728,400 fen; 2 % = 61,234,568 > cap 50,000,000.
    expect(claims.get('AGENCY:栖霞区技术转移中心')).toMatchObject({ baseFen: 3_061_728_400, rawFen: 61_234_568, amountFen: 50_000_000, capped: true });
    // The broker of the district center does not claim too; the agency-less broker does: 1 % of 1,234,567,891 = 12,345,678.91 → 12,345,678 > cap 5,000,000.
    expect(claims.has('BROKER:李经理')).toBe(false);
    expect(claims.get('BROKER:王自由')).toMatchObject({ baseFen: 1_234_567_891, rawFen: 12_345_678, amountFen: 5_000_000, capped: true });
    // Enterprises (buyers): E1 561,728,397 × 5 % = 28,086,419.85 → 28,086,419; E2 → 61,728,394.55 → 61,728,394; E3 125,000,000.15 → cap.
    expect(claims.get(`ENTERPRISE:${E1}`)).toMatchObject({ baseFen: 561_728_397, amountFen: 28_086_419, capped: false });
    expect(claims.get(`ENTERPRISE:${E2}`)).toMatchObject({ baseFen: 1_234_567_891, amountFen: 61_728_394, capped: false });
    expect(claims.get(`ENTERPRISE:${E3}`)).toMatchObject({ baseFen: 2_500_000_003, rawFen: 125_000_000, amountFen: 100_000_000, capped: true });
    // K4 is related-party: nobody claims it (its agency, 南京大学技术转移中心, has no claim at all).
    expect(claims.has('AGENCY:南京大学技术转移中心')).toBe(false);
    expect(res.body.excluded).toEqual([expect.objectContaining({ code: 'K4', receivedFen: 55_555_555, reason: '买方为卖方控股企业', marked: true })]);
    expect(res.body.claims).toHaveLength(5);
    expect(res.body.totalFen).toBe(50_000_000 + 5_000_000 + 28_086_419 + 61_728_394 + 100_000_000);
    for (const c of claims.values()) expect(c.lines.reduce((s, l) => s + l.receivedFen, 0)).toBe(c.baseFen);
  });

  it('exports a workbook that agrees with the API to the fen', async () => {
    const res = await get('/api/kpis/export.xlsx?year=2019&view=registered').buffer(true).parse(binary).expect(200);
    const wb = new Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '按月份', '按高校院所', '按技术转移中心', '按技术领域', '按合同类型', '按技术经理人', '按企业', '合同明细', '奖补']);
    const e = expected(2019, 'registered');
    const summary = new Map<string, unknown>();
    wb.getWorksheet('汇总')!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('项目数')).toBe(e.projects);
    // Money in 元, as numbers (exact to the fen at two decimals).
    expect(summary.get('合同成交额')).toBe(e.contractAmountFen / 100);
    expect(summary.get('技术交易额')).toBe(e.technicalAmountFen / 100);
    expect(summary.get('实际到账（签约年度口径）')).toBe(e.receivedFen / 100);
    expect(summary.get('实际到账（到账年度口径）')).toBe(e.receivedInYearFen / 100);
    for (const name of ['按月份', '按高校院所', '按技术转移中心', '按技术领域', '按合同类型', '按技术经理人', '按企业']) {
      const sheet = wb.getWorksheet(name)!;
      let projects = 0;
      let amount = 0;
      let totals = 0;
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        if (row.getCell(1).value === '合计') {
          totals++;
          expect(row.getCell(2).value).toBe(e.projects);
          expect(fen(row.getCell(3).value)).toBe(e.contractAmountFen);
          return;
        }
        projects += Number(row.getCell(2).value);
        amount += fen(row.getCell(3).value);
      });
      // Every breakdown sheet ends in one 合计 row; without it the checks above would check nothing.
      expect({ name, projects, amount, totals }).toEqual({ name, projects: e.projects, amount: e.contractAmountFen, totals: 1 });
    }
    const detail = wb.getWorksheet('合同明细')!;
    const codes: string[] = [];
    let contract = 0;
    let technical = 0;
    let received = 0;
    detail.eachRow((row, n) => {
      if (n === 1) return;
      codes.push(String(row.getCell(1).value));
      contract += fen(row.getCell(13).value);
      technical += fen(row.getCell(14).value);
      received += fen(row.getCell(15).value);
      expect(row.getCell(13).numFmt).toBe('#,##0.00');
    });
    expect(codes.sort()).toEqual(['K1', 'K2', 'K4', 'K8']);
    expect({ contract, technical, received }).toEqual({ contract: e.contractAmountFen, technical: e.technicalAmountFen, received: e.receivedFen });
    let subsidies = 0;
    wb.getWorksheet('奖补')!.eachRow((row, n) => { if (n > 1) subsidies += fen(row.getCell(7).value); });
    expect(subsidies).toBe(244_814_813);
  });

  it('exports the records behind a bar as CSV', async () => {
    const res = await get('/api/kpis/export.csv?year=2019&view=registered&dimension=FIELD&key=NE').expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('合同成交额(元)');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[0]).sort()).toEqual(['K1', 'K8']);
    expect(rows.reduce((s, r) => s + fen(r[12]), 0)).toBe(2_623_456_792);
  });

  it('targets: defaults, set by an admin only, per institution, measured against', async () => {
    expect((await get('/api/kpis/targets?year=2019').expect(200)).body).toMatchObject({ projects: 165, contractAmountFen: 840_000_000_000, isDefault: true, institutions: [] });
    const body = { year: 2019, projects: 3, contractAmountFen: 9_358_024_692, institutions: [{ organizationId: fx.orgIds.get(NJU), projects: 2, contractAmountFen: 1_000_000_000 }] };
    await t.http.put('/api/kpis/targets').set(...bearer(broker)).send(body).expect(403);
    const bad = await t.http.put('/api/kpis/targets').set(...bearer(admin)).send({ ...body, institutions: [{ organizationId: fx.orgIds.get(E1), projects: 1, contractAmountFen: 1 }] }).expect(400);
    expect(bad.body.code).toBe('KPI_INSTITUTION_INVALID');
    const put = await t.http.put('/api/kpis/targets').set(...bearer(admin)).send(body).expect(200);
    expect(put.body).toMatchObject({ year: 2019, projects: 3, isDefault: false, institutions: [{ name: NJU, projects: 2, contractAmountFen: 1_000_000_000 }] });
    const headline = await get('/api/kpis?year=2019&view=registered').expect(200);
    expect(headline.body.progress).toEqual({ projectsBp: 13_333, contractAmountBp: 5_000 });
    const nju = await get(`/api/kpis?year=2019&view=registered&institutionId=${fx.orgIds.get(NJU)}`).expect(200);
    expect(nju.body.target).toMatchObject({ scope: 'institution', projects: 2 });
    expect(nju.body.progress.projectsBp).toBe(15_000);
  });

  it('the public headline is aggregate only and open to anyone', async () => {
    const res = await t.http.get('/api/kpis/public?year=2019').expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['asOf', 'contractAmountFen', 'contractAmountProgressBp', 'projects', 'projectsProgressBp', 'targetContractAmountFen', 'targetProjects', 'view', 'year']);
    expect(res.body).toMatchObject({ year: 2019, view: 'registered', asOf: '2019-12-31', projects: 4, contractAmountFen: 4_679_012_346 });
  });

  it('R&D spending: the enterprise its own, a broker any key monitored enterprise; growth against 10 % decided exactly', async () => {
    const e1 = fx.orgIds.get(E1)!;
    const bio = fx.orgIds.get('南京仙林生物医药有限公司')!;
    const put = (who: Session, org: string, year: number, amountFen: number) => t.http.put(`/api/kpis/rnd-spending/${org}/${year}`).set(...bearer(who)).send({ amountFen });
    await put(enterprise, e1, 2018, 1_000_000_000).expect(200);
    await put(enterprise, e1, 2019, 1_100_000_000).expect(200);
    await put(enterprise, bio, 2019, 1).expect(403);
    await put(researcher, e1, 2019, 1).expect(403);
    await put(broker, bio, 2018, 333_333_333).expect(200);
    await put(broker, bio, 2019, 366_666_666).expect(200);
    expect((await put(broker, fx.orgIds.get(E2)!, 2019, 1).expect(400)).body.code).toBe('KPI_ENTERPRISE_NOT_MONITORED');
    await put(broker, e1, 2019, 1.5).expect(400);
    const report = await get('/api/kpis/rnd-spending?year=2019').expect(200);
    const row = (id: string) => (report.body.enterprises as Array<{ organizationId: string }>).find((r) => r.organizationId === id);
    expect(row(e1)).toMatchObject({ amountFen: 1_100_000_000, previousAmountFen: 1_000_000_000, growthBp: 1000, meetsTarget: true });
    expect(row(bio)).toMatchObject({ growthBp: 999, meetsTarget: false }); // 9.9999999 %
    expect(report.body).toMatchObject({ targetGrowthPercent: 10, totalFen: 1_466_666_666, previousTotalFen: 1_333_333_333, growthBp: 999, meetsTarget: false });
    // The enterprise sees its own figures (the report is for brokers); a broker's organization reports nothing.
    await get('/api/kpis/rnd-spending?year=2019', enterprise).expect(403);
    const mine = await get('/api/kpis/rnd-spending/mine?year=2019', enterprise).expect(200);
    expect(mine.body).toMatchObject({ organizationId: e1, keyMonitored: true, amountFen: 1_100_000_000, previousAmountFen: 1_000_000_000, growthBp: 1000, meetsTarget: true, targetGrowthPercent: 10 });
    expect((await get('/api/kpis/rnd-spending/mine?year=2017', enterprise).expect(200)).body).toMatchObject({ keyMonitored: true, amountFen: null, growthBp: null });
    expect((await get('/api/kpis/rnd-spending/mine?year=2019', broker).expect(200)).body).toMatchObject({ keyMonitored: false, amountFen: null });
    await get('/api/kpis/rnd-spending/mine?year=2019', researcher).expect(403);
  });

  it('R&D spending: a correction of the amount alone keeps the note; an empty note clears it', async () => {
    const e1 = fx.orgIds.get(E1)!;
    const put = (who: Session, body: object) => t.http.put(`/api/kpis/rnd-spending/${e1}/2016`).set(...bearer(who)).send(body);
    expect((await put(enterprise, { amountFen: 500_000_001, note: '  依据年度财务报表 ' }).expect(200)).body).toEqual({ organizationId: e1, year: 2016, amountFen: 500_000_001, note: '依据年度财务报表' });
    expect((await put(broker, { amountFen: 500_000_002 }).expect(200)).body.note).toBe('依据年度财务报表');
    expect((await get('/api/kpis/rnd-spending/mine?year=2016', enterprise).expect(200)).body).toMatchObject({ amountFen: 500_000_002, note: '依据年度财务报表' });
    expect((await put(enterprise, { amountFen: 500_000_002, note: ' ' }).expect(200)).body.note).toBeNull();
    expect((await get('/api/kpis/rnd-spending/mine?year=2016', enterprise).expect(200)).body).toMatchObject({ amountFen: 500_000_002, note: null });
  });

  it('the funnel counts each stage and its conversion from the one before', async () => {
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    const res = await get(`/api/kpis/funnel?year=${year}`).expect(200);
    const stages = res.body.stages as Array<{ stage: string; count: number; conversionBp: number | null }>;
    expect(stages.map((s) => s.stage)).toEqual(['MATCHES', 'INTRODUCTIONS', 'DEALS', 'SIGNED', 'REGISTERED', 'PAID']);
    const deals = stages[2]!.count;
    expect(deals).toBeGreaterThan(0); // demo deals and the fixture's deals were opened now
    for (let i = 1; i < stages.length; i++) {
      const prev = stages[i - 1]!.count;
      expect(stages[i]!.conversionBp).toBe(prev === 0 ? null : Math.floor((stages[i]!.count * 10_000) / prev));
    }
    expect(stages[3]!.count).toBeLessThanOrEqual(deals);
  });

  it('guards every route: kpi:read for the ledger, kpi:manage for marks', async () => {
    await t.http.get('/api/kpis?year=2019').expect(401);
    await get('/api/kpis?year=2019', researcher).expect(403);
    await get('/api/kpis?year=2019', enterprise).expect(403);
    await t.http.put(`/api/kpis/related-parties/${fx.ids.get('K1')}`).set(...bearer(broker)).send({ related: true, reason: '测试' }).expect(403);
    await get('/api/kpis/breakdown?year=2019&dimension=COLOUR').expect(400);
  });

  it('related-party marks move a contract out of every claim and back; a same-credit-code exclusion is not a mark', async () => {
    type Report = { totalFen: number; claims: Array<{ lines: Array<{ code: string }> }>; excluded: Array<{ code: string; marked: boolean; reason: string }> };
    const report = async (): Promise<Report> => (await get('/api/kpis/subsidies?year=2019').expect(200)).body as Report;
    const mark = (body: object) => t.http.put(`/api/kpis/related-parties/${fx.ids.get('K2')}`).set(...bearer(admin)).send(body);
    const claimsOf = (r: Report) => r.claims.filter((c) => c.lines.some((l) => l.code === 'K2')).length;
    const before = await report();
    expect(claimsOf(before)).toBe(2); // 王自由 (broker without an agency) and E2 (the buyer)
    expect((await mark({ related: true }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await mark({ related: true, reason: '关' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await mark({ related: true, reason: '同一实际控制人' }).expect(200)).body).toEqual({ contractId: fx.ids.get('K2'), related: true, reason: '同一实际控制人' });
    const marked = await report();
    expect(claimsOf(marked)).toBe(0);
    expect(marked.excluded.find((e) => e.code === 'K2')).toMatchObject({ marked: true, reason: '同一实际控制人' });
    // Both of K2's claims are gone: the broker's 5,000,000 (capped) and E2's 61,728,394.
    expect(marked.totalFen).toBe(before.totalFen - 5_000_000 - 61_728_394);
    await mark({ related: false }).expect(200);
    expect(await report()).toEqual(before);

    // Same credit code on both sides: excluded without a mark, and unmarking cannot bring it back.
    const ds = t.app.get(DataSource);
    const [row] = await ds.query<Array<{ seller_credit_code: string | null }>>(`SELECT seller_credit_code FROM tech_contract WHERE id = $1`, [fx.ids.get('K2')]);
    await ds.query(`UPDATE tech_contract SET seller_credit_code = buyer_credit_code WHERE id = $1`, [fx.ids.get('K2')]);
    try {
      expect((await report()).excluded.find((e) => e.code === 'K2')).toMatchObject({ marked: false, reason: 'same credit code' });
      await mark({ related: false }).expect(200);
      expect((await report()).excluded.find((e) => e.code === 'K2')).toMatchObject({ marked: false });
    } finally {
      await ds.query(`UPDATE tech_contract SET seller_credit_code = $2 WHERE id = $1`, [fx.ids.get('K2'), row!.seller_credit_code]);
    }
  });
});
