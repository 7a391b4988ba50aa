import type { Locale } from '@xkx/contracts';
import { SHELL_ZH_CN } from './messages/shell.messages';
import { ACCOUNT_ZH_CN } from './messages/account.messages';
import { ADMIN_ZH_CN } from './messages/admin.messages';
import { LISTING_ZH_CN } from './messages/listing.messages';
import { SEARCH_ZH_CN } from './messages/search.messages';
import { MATCH_ZH_CN } from './messages/match.messages';
import { IMPORT_ZH_CN } from './messages/import.messages';
import { DEAL_ZH_CN } from './messages/deal.messages';
import { CONTRACT_ZH_CN } from './messages/contract.messages';
import { ATTACHMENT_ZH_CN } from './messages/attachment.messages';
import { KPI_ZH_CN } from './messages/kpi.messages';
import { PRINT_ZH_CN } from './messages/print.messages';
import { LEDGER_ZH_CN } from './messages/ledger.messages';
import { INVITE_ZH_CN } from './messages/invite.messages';
import { NDA_ZH_CN } from './messages/nda.messages';
import { NOTICE_ZH_CN } from './messages/notice.messages';
import { PHONE_ZH_CN } from './messages/phone.messages';
import { CLOSURE_ZH_CN } from './messages/closure.messages';
import { LANDING_ZH_CN } from './messages/landing.messages';
import { PEOPLE_ZH_CN } from './messages/people.messages';
import { TODO_ZH_CN } from './messages/todo.messages';
import { BULK_ZH_CN } from './messages/bulk.messages';
import { MONEY_ZH_CN } from './messages/money.messages';
import { HISTORY_ZH_CN } from './messages/history.messages';
import { MAIL_ZH_CN } from './messages/mail.messages';
import { HOME_ZH_CN } from './messages/home.messages';

/**
 * UI strings, 简体中文 first, one file per domain under messages/. Keys are dotted; English must define
 * exactly the same keys (each messages/en file is typed by its ZH_CN, and messages-en.ts by the whole).
 */
const ZH_CN = {
  ...SHELL_ZH_CN,
  ...ACCOUNT_ZH_CN,
  ...ADMIN_ZH_CN,
  ...LISTING_ZH_CN,
  ...SEARCH_ZH_CN,
  ...MATCH_ZH_CN,
  ...IMPORT_ZH_CN,
  ...DEAL_ZH_CN,
  ...CONTRACT_ZH_CN,
  ...KPI_ZH_CN,
  ...PRINT_ZH_CN,
  ...LEDGER_ZH_CN,
  ...CLOSURE_ZH_CN,
  ...LANDING_ZH_CN,
  ...PEOPLE_ZH_CN,
  ...TODO_ZH_CN,
  ...ATTACHMENT_ZH_CN,
  ...INVITE_ZH_CN,
  ...NDA_ZH_CN,
  ...BULK_ZH_CN,
  ...NOTICE_ZH_CN,
  ...HOME_ZH_CN,
  ...PHONE_ZH_CN,
  ...MONEY_ZH_CN,
  ...HISTORY_ZH_CN,
  ...MAIL_ZH_CN,
};

export type MessageKey = keyof typeof ZH_CN;


/** One language's words for every key. */
export type MessageCatalogue = Record<MessageKey, string>;

/** Chinese, the default: in the first download. */
export const MESSAGES_ZH_CN: MessageCatalogue = ZH_CN;

/**
 * A language's catalogue. English is a chunk of its own, fetched when someone picks it: every visitor's first
 * download carried both languages' 2,000 strings, a third of the JavaScript budget of issue 14.
 */
export function loadMessages(locale: Locale): Promise<MessageCatalogue> {
  return locale === 'en' ? import('./messages-en').then((m) => m.MESSAGES_EN) : Promise.resolve(MESSAGES_ZH_CN);
}

/** Prefixes of message groups that word a stored code; each group has an `.other` entry for codes it lacks. */
export type CodeMessagePrefix = 'deal.event' | 'outbox.status' | 'jobs.name';

/** `deal.event.CREATED` for a code the catalogue words, else the group's `.other`: a code is never shown as is. */
export function codeMessageKey(prefix: CodeMessagePrefix, code: string): MessageKey {
  const key = `${prefix}.${code}`;
  return (key in ZH_CN ? key : `${prefix}.other`) as MessageKey;
}
