import { ValueTransformer } from 'typeorm';

/**
 * bigint columns of integer fen. Both drivers hand int8 back as a string (exact); we turn it into a
 * number and refuse anything beyond Number.MAX_SAFE_INTEGER fen (≈ 900 亿亿 yuan) rather than round.
 */
export const bigintFen: ValueTransformer = {
  to: (value: number | null | undefined) => (value === undefined ? undefined : value),
  from: (value: string | number | null) => {
    if (value === null || value === undefined) return null;
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`fen amount ${String(value)} is not a safe integer`);
    return n;
  },
};
