import type { Locale } from '@xkx/contracts';
import { SHELL_EN, SHELL_ZH_CN } from './messages/shell.messages';
import { ACCOUNT_EN, ACCOUNT_ZH_CN } from './messages/account.messages';
import { ADMIN_EN, ADMIN_ZH_CN } from './messages/admin.messages';
import { LISTING_EN, LISTING_ZH_CN } from './messages/listing.messages';
import { SEARCH_EN, SEARCH_ZH_CN } from './messages/search.messages';
import { MATCH_EN, MATCH_ZH_CN } from './messages/match.messages';
import { IMPORT_EN, IMPORT_ZH_CN } from './messages/import.messages';
import { DEAL_EN, DEAL_ZH_CN } from './messages/deal.messages';
import { CONTRACT_EN, CONTRACT_ZH_CN } from './messages/contract.messages';
import { ATTACHMENT_EN, ATTACHMENT_ZH_CN } from './messages/attachment.messages';
import { KPI_EN, KPI_ZH_CN } from './messages/kpi.messages';
import { PRINT_EN, PRINT_ZH_CN } from './messages/print.messages';
import { LEDGER_EN, LEDGER_ZH_CN } from './messages/ledger.messages';
import { INVITE_EN, INVITE_ZH_CN } from './messages/invite.messages';
import { NDA_EN, NDA_ZH_CN } from './messages/nda.messages';
import { NOTICE_EN, NOTICE_ZH_CN } from './messages/notice.messages';
import { PHONE_EN, PHONE_ZH_CN } from './messages/phone.messages';
import { CLOSURE_EN, CLOSURE_ZH_CN } from './messages/closure.messages';
import { TODO_EN, TODO_ZH_CN } from './messages/todo.messages';
import { BULK_EN, BULK_ZH_CN } from './messages/bulk.messages';
import { MONEY_EN, MONEY_ZH_CN } from './messages/money.messages';
import { HISTORY_EN, HISTORY_ZH_CN } from './messages/history.messages';
import { MAIL_EN, MAIL_ZH_CN } from './messages/mail.messages';
import { HOME_EN, HOME_ZH_CN } from './messages/home.messages';

/**
 * UI strings, 简体中文 first, one file per domain under messages/. Keys are dotted; English must define
 * exactly the same keys (each file's EN is typed by its ZH_CN, and MESSAGES by the whole).
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

const EN: Record<MessageKey, string> = {
  ...SHELL_EN,
  ...ACCOUNT_EN,
  ...ADMIN_EN,
  ...LISTING_EN,
  ...SEARCH_EN,
  ...MATCH_EN,
  ...IMPORT_EN,
  ...DEAL_EN,
  ...CONTRACT_EN,
  ...KPI_EN,
  ...PRINT_EN,
  ...LEDGER_EN,
  ...CLOSURE_EN,
  ...TODO_EN,
  ...ATTACHMENT_EN,
  ...INVITE_EN,
  ...NDA_EN,
  ...BULK_EN,
  ...NOTICE_EN,
  ...HOME_EN,
  ...PHONE_EN,
  ...MONEY_EN,
  ...HISTORY_EN,
  ...MAIL_EN,
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': ZH_CN, en: EN };

/** Prefixes of message groups that word a stored code; each group has an `.other` entry for codes it lacks. */
export type CodeMessagePrefix = 'deal.event' | 'outbox.status';

/** `deal.event.CREATED` for a code the catalogue words, else the group's `.other`: a code is never shown as is. */
export function codeMessageKey(prefix: CodeMessagePrefix, code: string): MessageKey {
  const key = `${prefix}.${code}`;
  return (key in ZH_CN ? key : `${prefix}.other`) as MessageKey;
}
