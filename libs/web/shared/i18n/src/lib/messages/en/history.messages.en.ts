import type { HISTORY_ZH_CN } from '../history.messages';

/** English for history.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const HISTORY_EN: Record<keyof typeof HISTORY_ZH_CN, string> = {
  'history.action.other': 'Other change',
  'deal.event.CREATED': 'Deal opened',
  'deal.event.STAGE': 'Stage changed',
  'deal.event.UPDATED': 'Deal edited',
  'deal.event.NEXT_ACTION': 'Next action updated',
  'deal.event.PARTICIPANT_ADDED': 'Participant added',
  'deal.event.REASSIGNED': 'Handed over to another broker',
  'deal.event.NDA_ACCEPTED': 'NDA signed',
  'deal.event.INTRODUCTION_ANSWERED': 'Introduction answered',
  'deal.event.OFFER_ACCEPTED': 'Offer accepted',
  'deal.event.CONTRACT_RECORDED': 'Contract recorded',
  'deal.event.CONTRACT_AMENDED': 'Contract amended',
  'deal.event.PAYMENT_RECEIVED': 'Payment received',
  'deal.event.REGISTRATION': 'Registration',
  'deal.event.NOTICE_OVERRIDE': 'Notice period overridden',
  'deal.event.OBJECTION_ANSWERED': 'Objection answered',
  'deal.event.CLOSURE_PROPOSED': 'A side says it is not a fit',
  'deal.event.CLOSURE_WITHDRAWN': 'Kept going',
  'deal.event.LANDING_RECORDED': 'Landing recorded',
  'deal.event.other': 'Deal activity',
};
