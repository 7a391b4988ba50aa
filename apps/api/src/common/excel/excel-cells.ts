import type { Column, Worksheet } from 'exceljs';
import type { DataSource } from 'typeorm';

/**
 * How every workbook the API writes shows money and time, so a clerk can sum a column and sort by date:
 * amounts are numbers of 元 (or 万元 where the header says so) with a number format, never text and never
 * 分; times are Beijing time (Asia/Shanghai) as real date cells with a date format, never UTC ISO text.
 */
export const YUAN_FORMAT = '#,##0.00';
/** 万元 keep the fen: up to six decimals, at least two. */
export const WAN_FORMAT = '#,##0.00####';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has no daylight saving time.

/** fen → 元 as a number; exact to the fen when shown with two decimals (fen < 2^53). */
export const fenToYuanNumber = (fen: number): number => fen / 100;

/** fen → 万元 as a number (shown with WAN_FORMAT), or null for no amount. */
export const fenToWanNumber = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 1_000_000);

/**
 * A moment as the cell Excel shows in Beijing. Excel has no time zones: a date cell is a wall-clock
 * serial, and exceljs writes a Date's UTC fields, so the Date carries Beijing's wall clock in them.
 */
export function beijingDateTime(moment: string | Date | null | undefined): Date | null {
  if (moment === null || moment === undefined || moment === '') return null;
  const ms = (moment instanceof Date ? moment : new Date(moment)).getTime();
  return Number.isNaN(ms) ? null : new Date(ms + SHANGHAI_OFFSET_MS);
}

/** A calendar day (YYYY-MM-DD, already a Beijing date) as a date cell. */
export function calendarDate(day: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** Column styles for `sheet.columns`: a number format that Excel applies to every cell of the column. */
export const yuanColumn = { style: { numFmt: YUAN_FORMAT } } satisfies Partial<Column>;
export const wanColumn = { style: { numFmt: WAN_FORMAT } } satisfies Partial<Column>;
export const dateColumn = { style: { numFmt: DATE_FORMAT } } satisfies Partial<Column>;
export const dateTimeColumn = { style: { numFmt: DATE_TIME_FORMAT } } satisfies Partial<Column>;

/** Bold header row, frozen under it. */
export function boldHeader(sheet: Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Code → Chinese name of a coded table (technology_field, contract_type), for writing names instead of codes. */
export async function codeNames(dataSource: DataSource, table: 'technology_field' | 'contract_type'): Promise<Map<string, string>> {
  const rows = await dataSource.query<Array<{ code: string; name_zh: string }>>(`SELECT code, name_zh FROM ${table}`);
  return new Map(rows.map((r) => [r.code, r.name_zh]));
}

/** Chinese field names that name one field only → its code (sheets take names, as clerks write them). */
export async function fieldCodesByName(dataSource: DataSource): Promise<Map<string, string>> {
  const byName = new Map<string, string | null>();
  for (const [code, name] of await codeNames(dataSource, 'technology_field')) byName.set(name, byName.has(name) ? null : code);
  return new Map([...byName].filter((e): e is [string, string] => e[1] !== null));
}
