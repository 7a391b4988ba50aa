import { fenToYuanString, parseYuanToFen } from '@xkx/util';

/** 万元 typed by a user ("50", "1,200.5") → fen, exactly (no floats); null when not a figure. Empty → undefined. */
export function wanToFen(text: string | null | undefined): number | null | undefined {
  const t = (text ?? '').trim().replace(/万元?$/, '');
  if (!t) return undefined;
  return parseYuanToFen(`${t}万`);
}

/** fen → 万元 as text for a form field ("50", "12.345"), exact: the decimal point moves in the string. */
export function fenToWan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const [whole = '0', cents = '00'] = fenToYuanString(fen).split('.');
  const padded = whole.padStart(5, '0');
  const wan = `${padded.slice(0, -4)}.${padded.slice(-4)}${cents}`.replace(/^0+(?=\d)/, '');
  return wan.replace(/\.?0+$/, '');
}
