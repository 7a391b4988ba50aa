import type { MAIL_ZH_CN } from '../mail.messages';

/** English for mail.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const MAIL_EN: Record<keyof typeof MAIL_ZH_CN, string> = {
  'outbox.status.PENDING': 'Waiting to be sent',
  'outbox.status.SENT': 'Sent',
  'outbox.status.FAILED': 'Failed',
  'outbox.status.other': 'Unknown state',
};
