/**
 * The business date. Every calendar date the platform keeps or compares (a listing's validity, a deal's
 * next action, a public notice, a payment, a KPI year) is a day in China, whatever the server's zone: the
 * market is in Nanjing. Before this was one function, listings compared validity with the UTC date and deals
 * with Beijing's, so between 00:00 and 08:00 Beijing time a listing was judged on yesterday.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date (YYYY-MM-DD) in Asia/Shanghai, whatever the server's zone. */
export function shanghaiDate(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return dateFormat.format(now);
}

/** The current calendar year in Asia/Shanghai. */
export function shanghaiYear(now: Date = new Date()): number {
  return Number(shanghaiDate(now).slice(0, 4));
}

/** date + days, on calendar dates (no zone involved). */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
