import { Workbook } from 'exceljs';
import { ImportsService } from '@xkx/api/testing';
import { bearer, loginDemo, Session } from '../support/auth';
import { futureDate } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';

import type { Response as SuperagentResponse } from 'superagent';

/** Collects a binary body (xlsx) instead of letting superagent parse it as text. */
const binary = (res: SuperagentResponse, callback: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function readXlsx(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** A real .xlsx built from the downloaded template: `rows` results, three of them broken on purpose. */
async function buildImportFile(template: Buffer, rows: number): Promise<Buffer> {
  const workbook = await readXlsx(template);
  const sheet = workbook.worksheets[0]!;
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.value)));
  const col = (header: string): number => headers.indexOf(header);
  for (let i = 0; i < rows; i++) {
    const r = sheet.getRow(i + 2);
    r.getCell(col('成果名称*')).value = `批量导入测试成果第${i + 1}号：光催化降解有机污染物工艺`;
    r.getCell(col('一句话价值*')).value = '降解率提升 30%';
    r.getCell(col('公开摘要*')).value = '以改性二氧化钛为催化剂，在可见光下降解印染废水中的有机污染物，处理成本低于传统芬顿工艺。';
    r.getCell(col('解决的问题*')).value = '印染废水难降解';
    r.getCell(col('技术优势*')).value = 'COD 去除率 92%';
    r.getCell(col('技术指标')).value = 'COD去除率:92:%';
    r.getCell(col('应用领域*')).value = '印染、化工废水处理';
    r.getCell(col('技术领域代码*')).value = 'EP';
    r.getCell(col('关键词')).value = '光催化，废水处理';
    r.getCell(col('成果形式*')).value = '新工艺';
    r.getCell(col('TRL*')).value = 5;
    r.getCell(col('成熟阶段*')).value = '小试';
    r.getCell(col('知识产权')).value = '发明专利:CN202310000001.5:已授权';
    r.getCell(col('权利人*')).value = '南京师范大学';
    r.getCell(col('发明人')).value = '王芳，刘洋';
    r.getCell(col('职务成果')).value = '是';
    r.getCell(col('转化方式*')).value = '转让，普通许可';
    r.getCell(col('面议')).value = '否';
    r.getCell(col('最低价(万元)')).value = 30;
    r.getCell(col('最高价(万元)')).value = '45.5';
    r.getCell(col('价格类型')).value = '参考价';
    r.getCell(col('有效期至*')).value = futureDate(300);
    r.getCell(col('所属机构*')).value = '南京师范大学';
  }
  // Three bad rows: a wrong patent check digit, an unknown organization, a TRL of 12.
  sheet.getRow(12).getCell(col('知识产权')).value = '发明专利:CN202310000001.6:已授权';
  sheet.getRow(101).getCell(col('所属机构*')).value = '不存在大学';
  sheet.getRow(402).getCell(col('TRL*')).value = 12;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Excel import and export', () => {
  let t: TestApp;
  let broker: Session;
  let template: Buffer;
  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    broker = await loginDemo(t.http, 'broker');
    template = (await t.http.get('/api/imports/template?kind=RESULT').set(...bearer(broker)).buffer(true).parse(binary).expect(200)).body as Buffer;
  });
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
  });

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
