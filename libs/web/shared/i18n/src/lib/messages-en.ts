import { SHELL_EN } from './messages/en/shell.messages.en';
import { ACCOUNT_EN } from './messages/en/account.messages.en';
import { ADMIN_EN } from './messages/en/admin.messages.en';
import { LISTING_EN } from './messages/en/listing.messages.en';
import { SEARCH_EN } from './messages/en/search.messages.en';
import { MATCH_EN } from './messages/en/match.messages.en';
import { IMPORT_EN } from './messages/en/import.messages.en';
import { DEAL_EN } from './messages/en/deal.messages.en';
import { CONTRACT_EN } from './messages/en/contract.messages.en';
import { ATTACHMENT_EN } from './messages/en/attachment.messages.en';
import { KPI_EN } from './messages/en/kpi.messages.en';
import { PRINT_EN } from './messages/en/print.messages.en';
import { LEDGER_EN } from './messages/en/ledger.messages.en';
import { INVITE_EN } from './messages/en/invite.messages.en';
import { NDA_EN } from './messages/en/nda.messages.en';
import { NOTICE_EN } from './messages/en/notice.messages.en';
import { PHONE_EN } from './messages/en/phone.messages.en';
import { CLOSURE_EN } from './messages/en/closure.messages.en';
import { LANDING_EN } from './messages/en/landing.messages.en';
import { PEOPLE_EN } from './messages/en/people.messages.en';
import { TODO_EN } from './messages/en/todo.messages.en';
import { BULK_EN } from './messages/en/bulk.messages.en';
import { MONEY_EN } from './messages/en/money.messages.en';
import { HISTORY_EN } from './messages/en/history.messages.en';
import { MAIL_EN } from './messages/en/mail.messages.en';
import { HOME_EN } from './messages/en/home.messages.en';
import type { MessageCatalogue } from './messages';

/** The English catalogue, a lazy chunk (loadMessages): the same keys as the Chinese, the types check it. */
export const MESSAGES_EN: MessageCatalogue = {
  ...SHELL_EN,
  ...ACCOUNT_EN,
  ...ADMIN_EN,
  ...LISTING_EN,
  ...SEARCH_EN,
  ...MATCH_EN,
  ...IMPORT_EN,
  ...DEAL_EN,
  ...CONTRACT_EN,
  ...ATTACHMENT_EN,
  ...KPI_EN,
  ...PRINT_EN,
  ...LEDGER_EN,
  ...INVITE_EN,
  ...NDA_EN,
  ...NOTICE_EN,
  ...PHONE_EN,
  ...CLOSURE_EN,
  ...LANDING_EN,
  ...PEOPLE_EN,
  ...TODO_EN,
  ...BULK_EN,
  ...MONEY_EN,
  ...HISTORY_EN,
  ...MAIL_EN,
  ...HOME_EN,
};
