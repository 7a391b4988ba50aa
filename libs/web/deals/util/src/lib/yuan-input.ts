/** Why a typed amount was refused; each has its own message in the form. */
export type YuanInputError = 'empty' | 'format' | 'decimals' | 'negative' | 'tooLarge';

export type YuanInput = { ok: true; fen: number } | { ok: false; error: YuanInputError };

const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;

/**
 * An amount in 元 as a broker types it ("1,234,567.89", "１２３４.５", "¥800", "800 元") → integer fen,
 * by string parsing only (never a float): the integer part and at most two decimals are joined as
 * digits. Thousands separators must sit every three digits; three decimals, a sign, 万/亿 units or any
 * other character are refused with a reason rather than rounded or guessed.
 */
export function parseYuanInput(text: string | null | undefined): YuanInput {
  // NFKC turns full-width digits, "，" and "．" from a Chinese IME into their ASCII forms.
  const cleaned = (text ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .trim();
  if (cleaned === '') return { ok: false, error: 'empty' };
  if (/^[-−–]/.test(cleaned)) return { ok: false, error: 'negative' };
  const [whole = '', fraction, ...rest] = cleaned.split('.');
  if (rest.length > 0 || (!PLAIN.test(whole) && !GROUPED.test(whole))) return { ok: false, error: 'format' };
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { ok: false, error: 'format' };
  if (fraction !== undefined && fraction.length > 2) return { ok: false, error: 'decimals' };
  const digits = `${whole.replace(/,/g, '')}${(fraction ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  // Compare as digit strings first: Number() of a long string would silently lose digits.
  const max = String(Number.MAX_SAFE_INTEGER);
  if (digits.length > max.length || (digits.length === max.length && digits > max))
    return { ok: false, error: 'tooLarge' };
  return { ok: true, fen: Number(digits) };
}

/** The shared formatters, under the names the deal forms use. */
export { fenToYuanInput, groupedYuan as formatYuanExact } from '@xkx/util';
