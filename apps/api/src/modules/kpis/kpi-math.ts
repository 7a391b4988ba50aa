/**
 * Integer arithmetic for the ledger. Money stays integer fen; ratios are integer basis points. BigInt
 * keeps products such as fen × 10,000 exact beyond 2^53.
 */

/** part / whole in basis points, rounded down (toward −∞); null when whole is 0. */
export function ratioBp(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const num = BigInt(part) * 10_000n;
  const den = BigInt(whole);
  let q = num / den;
  if (num % den !== 0n && (num < 0n) !== (den < 0n)) q -= 1n;
  return Number(q);
}

/** Growth from previous to current in basis points, rounded down; null without a positive previous value. */
export function growthBp(current: number, previous: number): number | null {
  return previous > 0 ? ratioBp(current - previous, previous) : null;
}

/** Whether current ≥ previous × (100 + percent) / 100, decided exactly (no rounding at all). */
export function meetsGrowth(current: number, previous: number, percent: number): boolean | null {
  if (previous <= 0) return null;
  return BigInt(current) * 100n >= BigInt(previous) * BigInt(100 + percent);
}

/** A subsidy: base × rate, rounded DOWN to the fen (never pays a fraction not earned), then capped. */
export function subsidyFen(baseFen: number, rateBp: number, capFen: number): { rawFen: number; amountFen: number; capped: boolean } {
  const raw = Number((BigInt(baseFen) * BigInt(rateBp)) / 10_000n);
  return { rawFen: raw, amountFen: Math.min(raw, capFen), capped: raw > capFen };
}

/** Sums of fen, checked to stay exact. */
/** A fen amount read from SQL text (sum(...)::text), exactly. */
export function fen(text: string | number | null | undefined): number {
  if (text === null || text === undefined) return 0;
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`fen amount ${String(text)} is not a safe integer`);
  return n;
}

/** Days from 1 January to `asOf` inclusive ÷ days in its year, in basis points, rounded down (4 Dec 2026: 338/365 = 9260). */
export function yearElapsedBp(asOf: string): number {
  const year = Number(asOf.slice(0, 4));
  const day = (Date.UTC(year, Number(asOf.slice(5, 7)) - 1, Number(asOf.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return Math.floor((day * 10_000) / days);
}

/** A figure's progress against the share of the year elapsed. */
export function paceOf(progressBp: number | null, elapsedBp: number): { progressBp: number; expectedBp: number; gapBp: number } | null {
  return progressBp === null ? null : { progressBp, expectedBp: elapsedBp, gapBp: progressBp - elapsedBp };
}
