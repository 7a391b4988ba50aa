import { stream as excelStream } from 'exceljs';
import { StringDecoder } from 'node:string_decoder';
import { Readable, Transform, TransformCallback } from 'node:stream';
import * as yauzl from 'yauzl';

// Framework-free on purpose: this module runs inside the parser worker thread (modules/imports/xlsx-rows.worker.ts).

/** One refused cell of a sheet import (listings or organizations), kept on the import job. */
export interface ImportRowError {
  /** Spreadsheet row number as the user sees it (header is row 1). */
  row: number;
  /** The column header as in the template. */
  column: string;
  field: string;
  /** Validation constraint; worded in the reader's language when the job is read. */
  constraint: string;
  args: unknown[];
}

export type SheetRefusalReason = 'FILE_INVALID' | 'TOO_MANY_ROWS' | 'TOO_LARGE';

export class SheetRefusal extends Error {
  constructor(readonly reason: SheetRefusalReason, readonly limit?: number) {
    super(reason);
    this.name = 'SheetRefusal';
  }
}

export interface SheetLimits {
  /** Data rows (header excluded) with any text in a template column. */
  maxRows: number;
  /** All inflated bytes of the zip together, as declared and as actually inflated. */
  maxUncompressedBytes: number;
  maxEntries: number;
}

export interface SheetRequest {
  /** Template header (without the * mark) → field. */
  headers: Record<string, string>;
  /** How many template columns must be found in the header row. */
  requiredColumns: number;
  limits: SheetLimits;
}

export interface SheetRow {
  row: number;
  values: Record<string, string>;
}

/** What exceljs' streaming reader does per zip entry; not in its typings, stable in 4.x. */
interface ReaderInternals {
  workbookRels?: Array<{ Id: string; Target: string }>;
  model?: { sheets?: Array<{ id: number; name: string; rId: string }> };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(entry: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelRow> }>;
}

interface ExcelRow {
  number: number;
  getCell(col: number): { value: unknown };
  eachCell(callback: (cell: { value: unknown }, col: number) => void): void;
}

/**
 * The first worksheet's non-empty rows as text, read as a stream: the zip's central directory is
 * checked before anything is inflated (entry count, declared sizes), every entry is inflated through
 * a counter that stops at the limit (yauzl also stops an entry that inflates past its declared size),
 * and reading stops at the first row past the row limit. Parts are read in the order the reader
 * needs them (rels, workbook, styles, shared strings, sheet), so nothing is spooled to disk.
 */
export async function readSheetRows(buffer: Buffer, request: SheetRequest): Promise<SheetRow[]> {
  const { limits } = request;
  const zip = await openZip(buffer);
  try {
    const entries = await centralDirectory(zip, limits);
    const budget = { left: limits.maxUncompressedBytes };
    const open = (name: string): Promise<Readable> => {
      const entry = entries.get(name);
      return entry ? openEntry(zip, entry, budget) : Promise.reject(new SheetRefusal('FILE_INVALID'));
    };

    const reader = new excelStream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as ReaderInternals;
    const rels = 'xl/_rels/workbook.xml.rels';
    const book = 'xl/workbook.xml';
    if (!entries.has(rels) || !entries.has(book)) throw new SheetRefusal('FILE_INVALID');
    await reader._parseRels(await open(rels));
    await reader._parseWorkbook(await open(book));
    if (entries.has('xl/styles.xml')) await reader._parseStyles(await open('xl/styles.xml'));
    if (entries.has('xl/sharedStrings.xml')) {
      for await (const _ of reader._parseSharedStrings(await open('xl/sharedStrings.xml'))) void _;
    }
    const sheetPath = firstSheetPath(reader, entries);
    if (!sheetPath) throw new SheetRefusal('FILE_INVALID');
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
    const emitted = reader._parseWorksheet(await open(sheetPath), sheetNo).next();
    if (emitted.done) throw new SheetRefusal('FILE_INVALID');
    return await collectRows(emitted.value.value, request);
  } catch (error) {
    throw toRefusal(error);
  } finally {
    zip.close();
  }
}

async function collectRows(sheet: AsyncIterable<ExcelRow>, request: SheetRequest): Promise<SheetRow[]> {
  const index = new Map<string, number>();
  const rows: SheetRow[] = [];
  let first = true;
  for await (const row of sheet) {
    if (first) {
      first = false;
      if (row.number !== 1) break;
      row.eachCell((cell, col) => {
        const field = request.headers[cellText(cell.value).replace(/\*$/, '').trim()];
        if (field) index.set(field, col);
      });
      if (index.size < request.requiredColumns) break;
      continue;
    }
    const values: Record<string, string> = {};
    let any = false;
    for (const [field, col] of index) {
      const text = cellText(row.getCell(col).value);
      if (text) any = true;
      values[field] = text;
    }
    if (!any) continue;
    rows.push({ row: row.number, values });
    if (rows.length > request.limits.maxRows) throw new SheetRefusal('TOO_MANY_ROWS', request.limits.maxRows);
  }
  if (index.size < request.requiredColumns) throw new SheetRefusal('FILE_INVALID');
  return rows;
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => (error ? reject(new SheetRefusal('FILE_INVALID')) : resolve(zip))),
  );
}

/** Every entry's metadata, refused before a single byte is inflated when the declared sizes are too big. */
function centralDirectory(zip: yauzl.ZipFile, limits: SheetLimits): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > limits.maxEntries) return Promise.reject(new SheetRefusal('TOO_LARGE', limits.maxUncompressedBytes));
  const entries = new Map<string, yauzl.Entry>();
  let declared = 0;
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) return reject(new SheetRefusal('TOO_LARGE', limits.maxUncompressedBytes));
      if (entry.isEncrypted()) return reject(new SheetRefusal('FILE_INVALID'));
      entries.set(entry.fileName.replace(/^\//, ''), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new SheetRefusal('FILE_INVALID')));
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(toRefusal(error));
      // Text out, decoded across chunk boundaries: exceljs decodes each Buffer chunk on its own, which
      // garbles a Chinese character split between two chunks.
      const decoder = new StringDecoder('utf8');
      const counted = new Transform({
        readableObjectMode: true,
        transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
          budget.left -= chunk.length;
          if (budget.left < 0) callback(new SheetRefusal('TOO_LARGE'));
          else callback(null, decoder.write(chunk));
        },
        flush(callback: TransformCallback) {
          callback(null, decoder.end() || undefined);
        },
      });
      stream.on('error', (e) => counted.destroy(toRefusal(e)));
      resolve(stream.pipe(counted));
    }),
  );
}

/** The first sheet in workbook order (what a user sees as the first tab). */
function firstSheetPath(reader: ReaderInternals, entries: Map<string, yauzl.Entry>): string | undefined {
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  if (target) {
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (entries.has(path)) return path;
  }
  return [...entries.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
}

function toRefusal(error: unknown): SheetRefusal {
  if (error instanceof SheetRefusal) return error;
  // yauzl: an entry inflating past its declared size is a zip bomb that lies, not a broken file.
  if (error instanceof Error && /too many bytes in the stream/i.test(error.message)) return new SheetRefusal('TOO_LARGE');
  return new SheetRefusal('FILE_INVALID');
}

/** A cell as plain text: numbers, dates, rich text, hyperlinks and formula results. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value).trim();
}
