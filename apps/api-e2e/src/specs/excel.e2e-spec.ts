import { ImportsService } from '@xkx/api/testing';
import { bearer, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { binary, buildImportFile, readXlsx } from '../support/xlsx';

describe('Excel import and export', () => {
  let t: TestApp;
  let broker: Session;
  let template: Buffer;
  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    broker = await loginDemo(t.http, 'broker');
    template = (await t.http.get('/api/imports/template?kind=RESULT').set(...bearer(broker)).buffer(true).parse(binary).expect(200)).body as Buffer;
  }, 180_000);
  afterAll(() => t.close());

  it('offers a Chinese template that researchers cannot download', async () => {
    const workbook = await readXlsx(template);
    const headers: string[] = [];
    workbook.worksheets[0]!.getRow(1).eachCell((cell) => headers.push(String(cell.value)));
    expect(headers).toEqual(expect.arrayContaining(['成果名称*', '技术领域代码*', '知识产权', '最低价(万元)', '所属机构*']));
    const researcher = await loginDemo(t.http, 'researcher');
    await t.http.get('/api/imports/template?kind=RESULT').set(...bearer(researcher)).expect(403);
  });

  it('reports the 3 bad rows of a 500-row file by row and column, then imports the 497 valid ones', async () => {
    const file = await buildImportFile(template, 500);
    const upload = await t.http.post('/api/imports?kind=RESULT').set(...bearer(broker)).attach('file', file, '成果清单.xlsx').expect(201);
    expect(upload.body).toMatchObject({ status: 'VALIDATED', totalRows: 500, validRows: 497, fileName: '成果清单.xlsx' });
    const errors = upload.body.errors as Array<{ row: number; column: string; message: string }>;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [12, '知识产权'],
      [101, '所属机构*'],
      [402, 'TRL*'],
    ]);
    expect(errors[1]!.message).toContain('不存在大学');
    const before = (await t.http.get('/api/results').query({ q: '批量导入测试成果', status: 'DRAFT' }).set(...bearer(broker)).expect(200)).body.total;
    expect(before).toBe(0);

    const decided = await t.http.post(`/api/imports/${upload.body.id}/decision`).set(...bearer(broker)).send({ mode: 'VALID', publish: true }).expect(202);
    expect(['IMPORTING', 'DONE']).toContain(decided.body.status);
    const done = await t.app.get(ImportsService).waitFor(upload.body.id);
    expect(done.status).toBe('DONE');
    const job = await t.http.get(`/api/imports/${upload.body.id}`).set(...bearer(broker)).expect(200);
    expect(job.body).toMatchObject({ status: 'DONE', importedRows: 497, processedRows: 497 });
    const search = await t.http.get('/api/results').query({ q: '批量导入测试成果', limit: 1 }).expect(200);
    expect(search.body.total).toBe(497);
    const one = await t.http.get(`/api/results/${search.body.items[0].id}`).expect(200);
    expect(one.body.price).toEqual({ negotiable: false, minFen: 30_000_000, maxFen: 45_500_000, priceType: 'INDICATIVE' });
    await t.http.post(`/api/imports/${upload.body.id}/decision`).set(...bearer(broker)).send({ mode: 'VALID' }).expect(409);
    }, 180_000);

  it('imports nothing when the broker chooses none', async () => {
    const file = await buildImportFile(template, 20);
    const upload = await t.http.post('/api/imports?kind=RESULT').set(...bearer(broker)).attach('file', file, 'none.xlsx').expect(201);
    const decided = await t.http.post(`/api/imports/${upload.body.id}/decision`).set(...bearer(broker)).send({ mode: 'NONE' }).expect(202);
    expect(decided.body.status).toBe('CANCELLED');
  });

  it('rejects a file that is not a workbook with 400', async () => {
    const res = await t.http.post('/api/imports?kind=RESULT').set(...bearer(broker)).attach('file', Buffer.from('not excel'), 'x.xlsx').expect(400);
    expect(res.body.code).toBe('IMPORT_FILE_INVALID');
  });

  it('exports a search result list as a real workbook that adds up', async () => {
    const search = await t.http.get('/api/results').query({ field: 'NE', limit: 1 }).expect(200);
    const res = await t.http.get('/api/exports/results').query({ field: 'NE' }).set(...bearer(broker)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await readXlsx(res.body as Buffer)).worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(search.body.total);
    expect(String(sheet.getRow(1).getCell(2).value)).toBe('成果名称');
    const anonymous = await t.http.get('/api/exports/results').expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
  });
});
