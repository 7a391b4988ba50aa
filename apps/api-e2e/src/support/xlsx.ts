import { Workbook } from 'exceljs';
import { Readable } from 'node:stream';
import type { Response as SuperagentResponse } from 'superagent';
import * as yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { futureDate } from './listings';

/** Collects a binary body (xlsx) instead of letting superagent parse it as text. */
export const binary = (res: SuperagentResponse, callback: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

export async function readXlsx(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** A real .xlsx filled in from a template, as a person would: one object per row, keyed by the template's headings. */
export async function fillTemplate(template: Buffer, rows: ReadonlyArray<Partial<Record<string, string>>>): Promise<Buffer> {
  const workbook = await readXlsx(template);
  const ws = workbook.worksheets[0]!;
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.value)));
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) ws.getRow(i + 2).getCell(headers.indexOf(header)).value = value;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A real .xlsx built from the downloaded template: `rows` results, three of them broken on purpose (rows 12, 101, 402 when present). */
export async function buildImportFile(template: Buffer, rows: number, title = '批量导入测试成果'): Promise<Buffer> {
  const workbook = await readXlsx(template);
  const sheet = workbook.worksheets[0]!;
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.value)));
  const col = (header: string): number => headers.indexOf(header);
  for (let i = 0; i < rows; i++) {
    const r = sheet.getRow(i + 2);
    r.getCell(col('成果名称*')).value = `${title}第${i + 1}号：光催化降解有机污染物工艺`;
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
  if (rows >= 11) sheet.getRow(12).getCell(col('知识产权')).value = '发明专利:CN202310000001.6:已授权';
  if (rows >= 100) sheet.getRow(101).getCell(col('所属机构*')).value = '不存在大学';
  if (rows >= 401) sheet.getRow(402).getCell(col('TRL*')).value = 12;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every entry of a zip, inflated (small files only). */
export async function unzipAll(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, z) => (err ? reject(err) : resolve(z))));
  const parts = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (!entry.fileName.endsWith('/')) parts.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return parts;
}

/**
 * The workbook again, with `middle` (generated lazily, chunk by chunk, so the test never holds it)
 * inserted into the first sheet just before `</sheetData>`: extra rows, or a flood of whitespace.
 */
export async function rezipWithSheetContent(parts: Map<string, Buffer>, middle: () => Generator<string>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, data] of parts) {
    if (name !== 'xl/worksheets/sheet1.xml') {
      zip.addBuffer(data, name);
      continue;
    }
    const xml = data.toString('utf8');
    const at = xml.indexOf('</sheetData>');
    const chunks = (function* () {
      yield xml.slice(0, at);
      yield* middle();
      yield xml.slice(at);
    })();
    zip.addReadStream(Readable.from(chunks, { objectMode: false }), name);
  }
  zip.end();
  const out: Buffer[] = [];
  for await (const chunk of zip.outputStream) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

/** Sets the declared uncompressed size of one entry in the central directory (a zip that lies). */
export function lieAboutSize(zip: Buffer, entryName: string, declared: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = out.length - 46; i >= 0; i--) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const nameLength = out.readUInt16LE(i + 28);
    if (out.toString('utf8', i + 46, i + 46 + nameLength) === entryName) {
      out.writeUInt32LE(declared, i + 24);
      return out;
    }
  }
  throw new Error(`no central directory entry ${entryName}`);
}
