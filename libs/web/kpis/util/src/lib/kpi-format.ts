import type { Locale } from '@xkx/contracts';
import { groupedYuan } from '@xkx/util';

// Display of the ledger's integers. Money arrives as integer fen and ratios as integer basis points;
// both are turned into text by digit and BigInt operations, never by dividing floats.

function safe(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} ${n} is not a safe integer`);
}

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Integer fen as yuan with thousands separators, exactly: 123456789 → '1,234,567.89'. */
export function yuanText(fen: number): string {
  safe(fen, 'fen');
  return groupedYuan(fen);
}

/** '¥1,234,567.89' (and '-¥…' for a negative amount). */
export function yuan(fen: number): string {
  const text = yuanText(fen);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** abs / unit to two decimals, rounded half up, trailing zeros dropped: exact BigInt arithmetic. */
function scaled(abs: bigint, unit: bigint): string {
  const hundredths = (abs * 100n + unit / 2n) / unit;
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return text.replace(/\.?0+$/, '');
}

/**
 * Short money for axis labels: 亿元 / 万元 in Chinese, bn / M / k in English, two decimals at most.
 * Tables and cards show the exact `yuan()`; this is only for ticks where space is short.
 */
export function compactYuan(fen: number, locale: Locale): string {
  safe(fen, 'fen');
  const sign = fen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(fen));
  if (locale === 'zh-CN') {
    if (abs >= 10_000_000_000n) return `${sign}${scaled(abs, 10_000_000_000n)}亿元`;
    if (abs >= 1_000_000n) return `${sign}${scaled(abs, 1_000_000n)}万元`;
    return `${sign}${scaled(abs, 100n)}元`;
  }
  if (abs >= 100_000_000_000n) return `${sign}¥${scaled(abs, 100_000_000_000n)}bn`;
  if (abs >= 100_000_000n) return `${sign}¥${scaled(abs, 100_000_000n)}M`;
  if (abs >= 100_000n) return `${sign}¥${scaled(abs, 100_000n)}k`;
  return `${sign}¥${scaled(abs, 100n)}`;
}

/** Basis points as a percentage with two decimals: 1234 → '12.34%', -5 → '-0.05%'; null → '—'. */
export function percentText(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  safe(bp, 'bp');
  const digits = String(Math.abs(bp)).padStart(3, '0');
  return `${bp < 0 ? '-' : ''}${group(digits.slice(0, -2))}.${digits.slice(-2)}%`;
}

/** Growth from previous to current in basis points, rounded down (like the API); null without a positive previous. */
export function growthBp(current: number, previous: number): number | null {
  safe(current, 'value');
  safe(previous, 'value');
  if (previous <= 0) return null;
  const num = BigInt(current - previous) * 10_000n;
  const den = BigInt(previous);
  let q = num / den;
  if (num % den !== 0n && num < 0n) q -= 1n;
  return Number(q);
}

/** A progress bar's width in percent (0–100) from basis points. Layout only, never shown as a figure. */
export function progressWidth(bp: number | null | undefined): number {
  if (bp === null || bp === undefined || bp <= 0) return 0;
  return Math.min(100, bp / 100);
}

/** Escapes text for ECharts' HTML tooltips: names come from the records. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
