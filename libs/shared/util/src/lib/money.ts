// Money is kept as integer fen (1 yuan = 100 fen) end to end; never a float.

export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** What a bare number in an amount field counts: 元, or 万元 (listing prices and budgets). */
export type AmountUnit = 'yuan' | 'wan';

/** Why a typed amount was refused; each has its own message in the forms. */
export type AmountError = 'empty' | 'format' | 'decimals' | 'negative' | 'tooLarge';

export type AmountParse = { ok: true; fen: Fen } | { ok: false; error: AmountError };

const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;
const UNIT_SCALE: Record<string, number> = { 元: 0, 万: 4, 万元: 4, 亿: 8, 亿元: 8 };
const MAX_FEN_DIGITS = String(Number.MAX_SAFE_INTEGER);

/**
 * The one parser of typed amounts (every money field of the web app, the Excel import): `300万`, `1.5亿`,
 * `3,000,000.00`, `3000000`, `¥3,000,000 元`, full-width digits and commas from a Chinese IME → integer fen.
 * A bare number counts in the field's `unit`; 元, 万(元) or 亿(元) written after it win. Exact: the digits
 * are shifted as a string, never multiplied as a float. Thousands separators must sit every three digits;
 * finer than one fen (more than two decimals of 元, trailing zeros included), a sign, or more fen than
 * Number.MAX_SAFE_INTEGER are refused with a reason rather than rounded or guessed.
 */
export function parseAmount(text: string | null | undefined, unit: AmountUnit = 'yuan'): AmountParse {
  // NFKC turns full-width digits, "，", "．" and "￥" into their ASCII forms.
  const cleaned = (text ?? '').normalize('NFKC').trim();
  if (cleaned === '') return { ok: false, error: 'empty' };
  const match = /^([-−–]?)\s*¥?\s*([-−–]?)([\d.,]*)\s*(万元|亿元|万|亿|元)?$/.exec(cleaned);
  if (!match) return { ok: false, error: 'format' };
  const [, sign = '', innerSign = '', number = '', written] = match;
  if (number === '') return { ok: false, error: 'format' };
  if (sign !== '' || innerSign !== '') return { ok: false, error: 'negative' };
  const [whole = '', fraction, ...rest] = number.split('.');
  if (rest.length > 0 || (!PLAIN.test(whole) && !GROUPED.test(whole))) return { ok: false, error: 'format' };
  if (fraction !== undefined && !PLAIN.test(fraction)) return { ok: false, error: 'format' };
  const places = 2 + (written === undefined ? (unit === 'wan' ? 4 : 0) : (UNIT_SCALE[written] ?? 0));
  if (fraction !== undefined && fraction.length > places) return { ok: false, error: 'decimals' };
  const digits = `${whole.replace(/,/g, '')}${(fraction ?? '').padEnd(places, '0')}`.replace(/^0+(?=\d)/, '');
  // Compare as digit strings first: Number() of a long string would silently lose digits.
  if (digits.length > MAX_FEN_DIGITS.length || (digits.length === MAX_FEN_DIGITS.length && digits > MAX_FEN_DIGITS))
    return { ok: false, error: 'tooLarge' };
  return { ok: true, fen: Number(digits) };
}

/** `parseAmount` in 元, as fen or null (empty, junk, negative, finer than a fen, too large). */
export function parseYuanToFen(text: string): Fen | null {
  const parsed = parseAmount(text);
  return parsed.ok ? parsed.fen : null;
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

/** The exact sum of amounts in fen; refuses a total beyond Number.MAX_SAFE_INTEGER rather than round it. */
export function sumFen(values: readonly number[]): number {
  const total = values.reduce((acc, v) => acc + BigInt(v), 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) throw new Error('fen sum beyond Number.MAX_SAFE_INTEGER');
  return Number(total);
}
