import type { PHONE_ZH_CN } from '../phone.messages';

/** English for phone.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const PHONE_EN: Record<keyof typeof PHONE_ZH_CN, string> = {
  'phone.openMenu': 'Open the menu',
  'phone.closeMenu': 'Close the menu',
  'phone.menu': 'Navigation menu',
  'phone.account': 'Account',
  'phone.filters': 'Filters',
  'phone.filtersCount': 'Filters ({count})',
  'phone.filtersLabel': 'Filters ({count} results now)',
  'phone.showResults': 'Show {count} results',
  'phone.stage': 'Stage',
  'phone.moveTo': 'Move to…',
};
