import { fenToYuanString, parseAmount } from '@xkx/util';

/**
 * A listing amount field's text → fen, through the one parser (`parseAmount`, bare numbers in 万元: "50",
 * "1,200.5", and also "300万", "1.5亿", "3,000,000元"). Empty → undefined; not an amount → null.
 */
export function wanToFen(text: string | null | undefined): number | null | undefined {
  const parsed = parseAmount(text, 'wan');
  return parsed.ok ? parsed.fen : parsed.error === 'empty' ? undefined : null;
}

/** fen → 万元 as text for a form field ("50", "12.345"), exact: the decimal point moves in the string. */
export function fenToWan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const [whole = '0', cents = '00'] = fenToYuanString(fen).split('.');
  const padded = whole.padStart(5, '0');
  const wan = `${padded.slice(0, -4)}.${padded.slice(-4)}${cents}`.replace(/^0+(?=\d)/, '');
  return wan.replace(/\.?0+$/, '');
}
