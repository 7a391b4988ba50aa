import { authoredCapitalsIn, CODE_WORD_ALLOWED, codeWords } from '@xkx/util';
import { Cell, Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { FixtureContract, loadKpiFixture } from '../support/kpis';
import { startTestApp, TestApp } from '../support/test-app';
import { binary, readXlsx } from '../support/xlsx';

const NJU = '南京大学';
const E1 = '南京栖霞新能源科技有限公司';
const E2 = '南京尧化门人工智能科技有限公司';

// 2019: no demo data lives there; a field code and a dotted contract type that must come out as words.
const FIXTURE: FixtureContract[] = [
  { code: 'W1', seller: NJU, buyer: E1, typeCode: 'LICENSE.PATENT', signedOn: '2019-11-05', contractAmountFen: 123_456_789, nonTechnicalCostFen: 3_456_780, registration: 'REGISTERED', deal: { fieldCode: 'NE.BAT', broker: 'broker@xkx.demo' }, payments: [{ receivedOn: '2019-11-20', amountFen: 61_728_394 }] },
  { code: 'W2', seller: NJU, buyer: E2, typeCode: 'TRANSFER.PATENT', signedOn: '2019-11-30', contractAmountFen: 1_999_999_999, nonTechnicalCostFen: 0, registration: 'NOT_SUBMITTED', payments: [] },
];

/** Every file the API produces, as a user downloads it (who may, and with what query). */
const DOWNLOADS: ReadonlyArray<{ path: string; query?: Record<string, string>; as: 'broker' | 'admin' }> = [
  { path: '/api/exports/results', as: 'broker' },
  { path: '/api/exports/needs', as: 'broker' },
  { path: '/api/imports/template', query: { kind: 'RESULT' }, as: 'broker' },
  { path: '/api/imports/template', query: { kind: 'NEED' }, as: 'broker' },
  { path: '/api/organizations/import-template', as: 'admin' },
  { path: '/api/experts/import-template', as: 'broker' },
  { path: '/api/audit-logs/export.xlsx', as: 'admin' },
  { path: '/api/deals/export.xlsx', as: 'broker' },
  { path: '/api/kpis/export.xlsx', query: { year: '2019', view: 'signed' }, as: 'broker' },
  { path: '/api/kpis/export.xlsx', as: 'broker' },
  { path: '/api/kpis/subsidies/export.xlsx', query: { year: '2019' }, as: 'broker' },
  { path: '/api/kpis/reports/monthly.xlsx', query: { month: '2019-11' }, as: 'broker' },
  { path: '/api/kpis/export.csv', query: { year: '2019', view: 'signed' }, as: 'broker' },
];

/** Headers that name money, dates and times: their cells must be numbers and dates with a format, never text. */
const MONEY_HEADER = /元|金额|成交额|交易额|到账|最低价|最高价|预算|悬赏/;
const DATE_HEADER = /时间|日期|有效期|截至|截止/;
/** A cell that only looks like money or a timestamp, written as text. */
const TEXT_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?/;

/**
 * The words a clerk reads in the files: labels, not codes; money in 元/万元 as numbers, dates as dates,
 * both with a number format; Beijing time, never UTC ISO text.
 */
describe('exports speak to people: labels, 元 as numbers, Beijing dates as dates', () => {
  let t: TestApp;
  const sessions: Partial<Record<'broker' | 'admin', Session>> = {};
  /** Capital words the listings' authors wrote (CMOS, CCUS): their words, not codes. */
  let allowed: string[] = [...CODE_WORD_ALLOWED];
  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    sessions.broker = await loginDemo(t.http, 'broker');
    sessions.admin = await loginDemo(t.http, 'admin');
    await loadKpiFixture(t.app.get(DataSource), FIXTURE);
    for (const kind of ['results', 'needs']) {
      const hits = (await t.http.get(`/api/${kind}`).query({ limit: 100 }).set(...bearer(sessions.broker)).expect(200)).body.items as unknown[];
      allowed = [...allowed, ...authoredCapitalsIn(hits)];
    }
    // An audit entry with a change to show.
    const org = (await t.http.get('/api/organizations').query({ q: NJU, limit: 1 }).set(...bearer(sessions.admin)).expect(200)).body.items[0] as { id: string };
    const detail = await t.http.get(`/api/organizations/${org.id}`).set(...bearer(sessions.admin)).expect(200);
    await t.http.patch(`/api/organizations/${org.id}`).set(...bearer(sessions.admin)).send({ version: detail.body.version, shortName: '南大技转' }).expect(200);
    // The demo market, seeded and indexed: minutes on a loaded 2-core machine.
  }, 300_000);
  afterAll(() => t?.close());

  it('downloads every file route the API documents', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>> };
    const files = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method, op]) => method === 'get' && Object.values(op.responses ?? {}).some((r) => Object.keys(r.content ?? {}).some((type) => /spreadsheet|csv/.test(type))))
        .map(() => path),
    );
    expect(files.length).toBeGreaterThan(5);
    const downloaded = (path: string) => DOWNLOADS.some((d) => new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`).test(d.path));
    expect(files.filter((path) => !downloaded(path))).toEqual([]);
  });

  it.each(DOWNLOADS.map((d) => [`${d.path}${d.query ? `?${new URLSearchParams(d.query)}` : ''}`, d] as const))('%s: every cell in words, money and dates typed and formatted', async (_, d) => {
    const res = await t.http.get(d.path).query(d.query ?? {}).set(...bearer(sessions[d.as]!)).buffer(true).parse(binary).expect(200);
    const problems: string[] = [];
    if (String(res.headers['content-type']).includes('csv')) {
      const lines = (res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines.length).toBeGreaterThan(1);
      const headers = lines[0]!.split(',');
      for (const h of headers) if (/\(分\)|（分）/.test(h)) problems.push(`header ${h}: money in 分`);
      for (const [n, line] of lines.entries()) {
        for (const w of codeWords(line, allowed)) problems.push(`line ${n + 1}: raw code ${w}`);
        if (n === 0) continue;
        line.split(',').forEach((value, i) => {
          const header = headers[i] ?? '';
          if (MONEY_HEADER.test(header) && value && !/^-?\d+(\.\d{1,2})?$/.test(value)) problems.push(`line ${n + 1} ${header}: ${value} is not an amount in 元`);
          if (/\d{2}:\d{2}|T\d{2}|Z$/.test(value) && TEXT_TIMESTAMP.test(value)) problems.push(`line ${n + 1} ${header}: ${value} is a UTC timestamp`);
        });
      }
      expect(problems).toEqual([]);
      return;
    }
    const workbook: Workbook = await readXlsx(res.body as Buffer);
    let cells = 0;
    for (const sheet of workbook.worksheets) {
      for (const w of codeWords(sheet.name)) problems.push(`sheet ${sheet.name}: raw code ${w}`);
      // The header row: the first with two different texts (a report's merged title lines repeat one).
      let headerRow = 1;
      for (let r = 1; r <= Math.min(sheet.rowCount, 10); r++) {
        const texts = new Set<string>();
        sheet.getRow(r).eachCell((cell) => void texts.add(cell.text));
        if (texts.size >= 2) { headerRow = r; break; }
      }
      const headers: string[] = [];
      sheet.getRow(headerRow).eachCell((cell, col) => (headers[col] = cell.text));
      sheet.eachRow((row, r) => {
        // A row labelled with its unit (the monthly report's layout) types its cells like a column does.
        const rowLabel = row.getCell(1).text;
        row.eachCell((cell: Cell, col) => {
          cells += 1;
          const where = `${sheet.name}!${cell.address}`;
          const text = cell.text;
          for (const w of codeWords(text, allowed)) problems.push(`${where}: raw code ${w} in "${text.slice(0, 60)}"`);
          if (r < headerRow) return;
          if (r === headerRow) {
            if (/\(分|（分|分\)|分）/.test(text)) problems.push(`${where}: header "${text}" in 分`);
            return;
          }
          const header = headers[col] ?? '';
          const value = cell.value;
          if (typeof value === 'string' && TEXT_TIMESTAMP.test(value)) problems.push(`${where}: date or time "${value}" written as text`);
          const moneyHere = MONEY_HEADER.test(header) || (col > 1 && /万元|（元）|\(元\)/.test(rowLabel));
          if (moneyHere && typeof value === 'string' && /^-?[\d,]+(\.\d+)?$/.test(value)) problems.push(`${where}: money "${value}" under "${header || rowLabel}" written as text`);
          if (MONEY_HEADER.test(header) && value !== null && value !== '' && typeof value !== 'number') problems.push(`${where}: money ${JSON.stringify(value)} under "${header}" is not a number`);
          if (moneyHere && typeof value === 'number' && !cell.numFmt) problems.push(`${where}: amount ${value} has no number format`);
          if (DATE_HEADER.test(header) && value !== null && value !== '' && !(value instanceof Date)) problems.push(`${where}: "${String(value)}" under "${header}" is not a date`);
          if (value instanceof Date && !cell.numFmt) problems.push(`${where}: date without a date format`);
        });
      });
    }
    expect(cells).toBeGreaterThan(10);
    expect(problems.slice(0, 40)).toEqual([]);
  });

  it('writes times as Beijing time: an audit entry made just now reads as now in Asia/Shanghai', async () => {
    const res = await t.http.get('/api/audit-logs/export.xlsx').set(...bearer(sessions.admin!)).buffer(true).parse(binary).expect(200);
    const sheet = (await readXlsx(res.body as Buffer)).worksheets[0]!;
    const at = sheet.getRow(2).getCell(1).value;
    expect(at).toBeInstanceOf(Date);
    // Excel has no time zones: the cell holds the wall-clock time in Beijing (exceljs reads it back as UTC fields).
    const beijingNow = Date.now() + 8 * 3600_000;
    expect(Math.abs((at as Date).getTime() - beijingNow)).toBeLessThan(10 * 60_000);
  });

  it('search URLs name an organization by its credit code, not an id; an old id still filters the same', async () => {
    const page = (await t.http.get('/api/results').query({ limit: 1 }).expect(200)).body as { facets: { organizations: Array<{ value: string; label: string; count: number }> } };
    const org = page.facets.organizations.find((o) => o.label === NJU)!;
    expect(codeWords(org.value)).toEqual([]);
    const byCode = (await t.http.get('/api/results').query({ organizationId: org.value, limit: 1 }).expect(200)).body as { total: number };
    expect(byCode.total).toBe(org.count);
    const orgs = (await t.http.get('/api/organizations').query({ q: NJU, limit: 100 }).set(...bearer(sessions.admin!)).expect(200)).body.items as Array<{ id: string; nameZh: string }>;
    const id = orgs.find((o) => o.nameZh === NJU)!.id;
    expect((await t.http.get('/api/results').query({ organizationId: id, limit: 1 }).expect(200)).body.total).toBe(org.count);
    await t.http.get('/api/results').query({ organizationId: 'not-an-organization' }).expect(400);
  });
});
