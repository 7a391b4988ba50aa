import type { LocalizedText } from './error-codes';

/**
 * GET /api/me/todo: what needs the signed-in person now (issue 17), one section per kind of work. Which
 * sections a caller gets follows their permissions; each item names what it is about, and the web app turns
 * that into the page where it is done (libs/web/notifications/util todoLink).
 */
export const TodoSectionKey = {
  /** Brokers: deals whose next action is past its date. */
  OVERDUE_ACTIONS: 'OVERDUE_ACTIONS',
  /** Brokers: deals whose next action is due today. */
  TODAY_ACTIONS: 'TODAY_ACTIONS',
  /** Brokers: introductions on their deals still waiting for the other side's answer. */
  INTRODUCTIONS_AWAITING: 'INTRODUCTIONS_AWAITING',
  /** Reviewers: listings submitted or in review. */
  LISTINGS_TO_REVIEW: 'LISTINGS_TO_REVIEW',
  /** Brokers: accounts waiting for verification (membership requests). */
  ACCOUNTS_TO_VERIFY: 'ACCOUNTS_TO_VERIFY',
  /** Brokers: objections to a 公示 not answered yet. */
  OBJECTIONS_TO_ANSWER: 'OBJECTIONS_TO_ANSWER',
  /** Brokers: public notices whose period ends within seven days. */
  NOTICES_ENDING: 'NOTICES_ENDING',
  /** Brokers: signed contracts not registered (认定登记) yet. */
  CONTRACTS_TO_REGISTER: 'CONTRACTS_TO_REGISTER',
  /** Brokers: registered contracts waiting for money received. */
  CONTRACTS_AWAITING_PAYMENT: 'CONTRACTS_AWAITING_PAYMENT',
  /** Researchers and enterprises: introductions addressed to them. */
  INTRODUCTIONS_TO_ANSWER: 'INTRODUCTIONS_TO_ANSWER',
  /** Researchers and enterprises: their listings sent back with changes requested. */
  LISTINGS_CHANGES_REQUESTED: 'LISTINGS_CHANGES_REQUESTED',
  /** Researchers and enterprises: their published listings expiring within 30 days. */
  LISTINGS_EXPIRING: 'LISTINGS_EXPIRING',
  /** Researchers and enterprises: deals where they still have to sign the NDA. */
  NDAS_TO_SIGN: 'NDAS_TO_SIGN',
} as const;
export type TodoSectionKey = (typeof TodoSectionKey)[keyof typeof TodoSectionKey];

/** The order sections are shown in: the most urgent first. */
export const TODO_SECTION_ORDER: readonly TodoSectionKey[] = Object.values(TodoSectionKey);

/** Section headings: on the workspace page and in the digest mail. */
export const TODO_SECTION_LABELS: Record<TodoSectionKey, LocalizedText> = {
  OVERDUE_ACTIONS: { 'zh-CN': '逾期的下一步行动', en: 'Overdue next actions' },
  TODAY_ACTIONS: { 'zh-CN': '今天的下一步行动', en: 'Next actions due today' },
  INTRODUCTIONS_AWAITING: { 'zh-CN': '等待对方答复的对接', en: 'Introductions awaiting an answer' },
  LISTINGS_TO_REVIEW: { 'zh-CN': '待审核的发布', en: 'Listings waiting for review' },
  ACCOUNTS_TO_VERIFY: { 'zh-CN': '待审核的账号', en: 'Accounts waiting for verification' },
  OBJECTIONS_TO_ANSWER: { 'zh-CN': '待答复的公示异议', en: 'Objections to answer' },
  NOTICES_ENDING: { 'zh-CN': '本周结束的公示', en: 'Public notices ending this week' },
  CONTRACTS_TO_REGISTER: { 'zh-CN': '待认定登记的合同', en: 'Contracts awaiting registration' },
  CONTRACTS_AWAITING_PAYMENT: { 'zh-CN': '待到账的合同', en: 'Contracts awaiting payment' },
  INTRODUCTIONS_TO_ANSWER: { 'zh-CN': '待我答复的对接', en: 'Introductions to answer' },
  LISTINGS_CHANGES_REQUESTED: { 'zh-CN': '需修改的发布', en: 'Listings with changes requested' },
  LISTINGS_EXPIRING: { 'zh-CN': '即将过期的发布', en: 'Listings about to expire' },
  NDAS_TO_SIGN: { 'zh-CN': '待签署的保密协议', en: 'NDAs to sign' },
};

/** What an item is about; the web app links a deal to its page, a listing to its form or page, a user to the queue. */
export const TodoSubject = { DEAL: 'DEAL', RESULT: 'RESULT', NEED: 'NEED', USER: 'USER', INTRODUCTION: 'INTRODUCTION' } as const;
export type TodoSubject = (typeof TodoSubject)[keyof typeof TodoSubject];

export interface TodoItem {
  /** Unique within its section. */
  id: string;
  subject: TodoSubject;
  subjectId: string;
  /** The deal it belongs to, when there is one (introductions, objections, notices, contracts). */
  dealId: string | null;
  /** A code people know it by (deal or listing code), when there is one. */
  code: string | null;
  title: string;
  /** A short second line in the data's own words (the next action, the objector, the requester). */
  detail: string | null;
  /** The date it is due (next action, notice end, listing expiry), yyyy-MM-dd, when it has one. */
  dueOn: string | null;
  /** Since when it has waited (submitted, requested, stage reached), ISO time, when that is what counts. */
  since: string | null;
  /** Past its date, or waiting longer than TODO_STALE_AFTER_DAYS: what the daily digest lists. */
  overdue: boolean;
}

export interface TodoSection {
  key: TodoSectionKey;
  /** Every item of the section, also when only the first few are listed. */
  count: number;
  overdue: number;
  /** The most urgent first, at most TODO_ITEMS_PER_SECTION. */
  items: TodoItem[];
}

export interface TodoList {
  /** Sum of the sections' counts (the number on the menu). */
  total: number;
  overdue: number;
  /** The caller's sections in TODO_SECTION_ORDER, empty ones included (so the page can say "nothing to do"). */
  sections: TodoSection[];
  /** "Today" as the list counted it: the date in China (Asia/Shanghai), yyyy-MM-dd. */
  today: string;
}

export const TODO_ITEMS_PER_SECTION = 10;
/** Something waiting (an answer, a review, a verification, a registration) longer than this is overdue. */
export const TODO_STALE_AFTER_DAYS = 7;
export const TODO_NOTICE_ENDING_DAYS = 7;
export const TODO_LISTING_EXPIRING_DAYS = 30;

/** GET/PUT /api/me/notification-preferences: reminders by mail (issue 17). */
export interface NotificationPreferences {
  /** The daily digest of overdue items goes out by mail too (the bell always gets it). */
  digestMail: boolean;
  /** Hour of the day (China time, 0–23) from which the daily digest is sent. */
  digestHour: number;
  /** Researchers and enterprises: a weekly mail of new matches for their published listings. */
  weeklyMatches: boolean;
}

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = { digestMail: true, digestHour: 8, weeklyMatches: false };
