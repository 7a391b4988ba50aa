// Money is kept as integer fen (1 yuan = 100 fen) end to end; never a float.

export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Parses a yuan amount written as text ("12,345.67", "1.5万", "84亿") into fen, exactly. */
export function parseYuanToFen(text: string): Fen | null {
  const cleaned = text.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  const match = /^(\d+)(?:\.(\d+))?(万|亿)?$/.exec(cleaned);
  if (!match) return null;
  const [, whole = '0', fraction = '', unit] = match;
  const scale = unit === '亿' ? 8 : unit === '万' ? 4 : 0;
  // Shift the decimal point in the digits instead of multiplying floats.
  const digits = whole + fraction;
  const exponent = scale + 2 - fraction.length;
  if (exponent < 0) {
    const dropped = digits.slice(digits.length + exponent);
    if (/[^0]/.test(dropped)) return null; // finer than one fen
    return toSafe(digits.slice(0, digits.length + exponent));
  }
  return toSafe(digits + '0'.repeat(exponent));
}

function toSafe(digits: string): Fen | null {
  const value = Number(digits === '' ? '0' : digits);
  return Number.isSafeInteger(value) ? value : null;
}

/** "12345.67" style, exact. */
export function fenToYuanString(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${yuan}.${cents.toString().padStart(2, '0')}`;
}

/** Fen as yuan with thousands separators, every fen shown: 123456789 → "1,234,567.89", -5 → "-0.05". */
export function groupedYuan(fen: Fen): string {
  const [yuan = '0', cents = '00'] = fenToYuanString(fen).split('.');
  const sign = yuan.startsWith('-') ? '-' : '';
  return `${sign}${yuan.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** Fen → what an amount field starts with when editing: 840000000000 → "8400000000", 12345 → "123.45". */
export function fenToYuanInput(fen: Fen | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return fenToYuanString(fen).replace(/\.00$/, '');
}

/** Human display: ¥1,234.50, or 万/亿 units (two decimals at most) for large figures in Chinese. */
export function formatFen(fen: Fen, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (locale === 'zh-CN' && Math.abs(fen) >= 1e10) return `${hundredths(fen, 1e8)}亿元`;
  if (locale === 'zh-CN' && Math.abs(fen) >= 1e6) return `${hundredths(fen, 1e4)}万元`;
  const [yuan = '0', cents = '00'] = fenToYuanString(fen).split('.');
  return `¥${yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** fen / (divisor * 100), rounded half away from zero to two decimals, trailing zeros dropped; integer math only. */
function hundredths(fen: Fen, divisor: number): string {
  const d = BigInt(divisor);
  const rounded = Number((BigInt(Math.abs(fen)) * 2n + d) / (2n * d));
  const text = fenToYuanString(fen < 0 ? -rounded : rounded);
  return text.replace(/\.?0+$/, '');
}
