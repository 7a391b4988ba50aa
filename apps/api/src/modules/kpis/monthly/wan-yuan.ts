/**
 * 万元 with two decimals from integer fen, rounded half up on the integer (1 万元 = 1,000,000 fen;
 * 0.01 万元 = 10,000 fen), so no float ever touches the amount before the cell.
 */
export function fenToWanYuan(fen: number): number {
  const negative = fen < 0;
  const hundredths = Math.floor((Math.abs(fen) + 5_000) / 10_000);
  const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  return negative ? -Number(text) : Number(text);
}

/** The month's first and last calendar day, and the previous month, for `YYYY-MM`. */
export function monthBounds(month: string): { year: number; first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { year: y, first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month before the given Asia/Shanghai calendar date (YYYY-MM-DD). */
export function previousMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
