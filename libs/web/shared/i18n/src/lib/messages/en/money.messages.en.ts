import type { MONEY_ZH_CN } from '../money.messages';

/** English for money.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const MONEY_EN: Record<keyof typeof MONEY_ZH_CN, string> = {
  'money.format': 'Enter an amount, e.g. 300万, 1.5亿, 3,000,000.00 or 3000000',
  'money.decimals': 'Amounts go down to the fen (two decimals of a yuan) at most',
  'money.negative': 'An amount cannot be negative',
  'money.tooLarge': 'The amount is too large',
  'money.echo': '= {amount} yuan',
  'money.echoLabel': 'Saved as this amount',
};
