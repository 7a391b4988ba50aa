import type { CLOSURE_ZH_CN } from '../closure.messages';

/** English for closure.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const CLOSURE_EN: Record<keyof typeof CLOSURE_ZH_CN, string> = {
  'closure.proposed': 'The other side says it is not a fit: {reason}',
  'closure.by': 'Answered by {name} on {date}',
  'closure.confirm': 'Confirm as lost',
  'closure.keep': 'Keep going',
  'closure.autoClose': 'With no decision by {date}, the deal closes as lost.',
  'closure.waiting': 'Waiting for the broker to confirm it as lost or keep going.',
  'closure.note': 'Note (optional, kept on the timeline)',
};
