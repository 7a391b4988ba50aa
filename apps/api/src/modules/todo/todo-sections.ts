import { Permission, TodoSectionKey, TodoSubject } from '@xkx/contracts';

/**
 * One section of the to-do list as SQL: an inner SELECT giving the uniform columns below, who gets it, and its
 * order. Named parameters (compiled to $n by compileTodoSql): {uid} the user, {org} their organization (a nil uuid
 * when none), {today} today in China, {stale} the "waiting too long" cut-off time, {role} the role, {weekEnd} the
 * last day of "this week" for notices, {expiryEnd} the last day for expiring listings.
 *
 * Columns: id, subject, subject_id, deal_id, code, title, detail, due_on (date), since (timestamptz), overdue.
 */
export interface TodoSectionSql {
  key: TodoSectionKey;
  /** Held permissions decide who gets the section; `brokerOnly: false` keeps a party's sections from brokers. */
  permission: Permission;
  brokerOnly?: boolean;
  partyOnly?: boolean;
  sql: string;
  orderBy: string;
}

/** Open deals a broker carries, or that nobody brokers yet (the brokers' pool sees those, as for new requests). */
const MY_DEAL = `(EXISTS (SELECT 1 FROM deal_participant bp WHERE bp.deal_id = d.id AND bp.side = 'BROKER' AND bp.user_id = {uid})
  OR NOT EXISTS (SELECT 1 FROM deal_participant bp WHERE bp.deal_id = d.id AND bp.side = 'BROKER'))
  AND d.stage NOT IN ('CLOSED', 'LOST')`;

/** The same rule as IntroductionsService's `asked`: the target listing is the caller's (or, for a need, their enterprise's), or the expert asked is the caller. */
const ASKED_OF_ME = `((i.target_kind = 'RESULT' AND r.owner_id = {uid})
  OR (i.target_kind = 'NEED' AND (n.owner_id = {uid} OR ({role} = 'ENTERPRISE' AND n.organization_id = {org})))
  OR (i.target_kind = 'EXPERT' AND e.user_id = {uid}))`;

/** Listings the caller manages as a party (listing-access canManage, without the broker's all-access). */
const MY_LISTING = `(l.owner_id = {uid} OR (l.kind = 'NEED' AND {role} = 'ENTERPRISE' AND l.organization_id = {org}))`;

const LISTINGS = `(SELECT id, 'RESULT' AS kind, code, title, status, owner_id, organization_id, review_note, valid_until, submitted_at, updated_at FROM result
  UNION ALL SELECT id, 'NEED' AS kind, code, title, status, owner_id, organization_id, review_note, valid_until, submitted_at, updated_at FROM need) l`;

const dealCols = (detail: string, due: string, since: string, overdue: string): string =>
  `d.id AS id, '${TodoSubject.DEAL}' AS subject, d.id AS subject_id, d.id AS deal_id, d.code, d.title, ${detail} AS detail, ${due} AS due_on, ${since} AS since, ${overdue} AS overdue`;

export const TODO_SECTIONS: readonly TodoSectionSql[] = [
  {
    key: TodoSectionKey.OVERDUE_ACTIONS,
    permission: Permission.DEAL_MANAGE,
    sql: `SELECT ${dealCols('d.next_action', 'd.next_action_due', 'NULL::timestamptz', 'true')} FROM deal d WHERE ${MY_DEAL} AND d.next_action_due < {today}::date`,
    orderBy: 'due_on ASC, id',
  },
  {
    key: TodoSectionKey.TODAY_ACTIONS,
    permission: Permission.DEAL_MANAGE,
    sql: `SELECT ${dealCols('d.next_action', 'd.next_action_due', 'NULL::timestamptz', 'false')} FROM deal d WHERE ${MY_DEAL} AND d.next_action_due = {today}::date`,
    orderBy: 'title, id',
  },
  {
    key: TodoSectionKey.INTRODUCTIONS_AWAITING,
    permission: Permission.DEAL_MANAGE,
    sql: `SELECT i.id, '${TodoSubject.INTRODUCTION}' AS subject, i.id AS subject_id, d.id AS deal_id, d.code, d.title,
            COALESCE(r.title, n.title, e.name_zh, lab.name_zh) AS detail, NULL::date AS due_on, i.created_at AS since, i.created_at < {stale} AS overdue
          FROM introduction i JOIN deal d ON d.id = i.deal_id
          LEFT JOIN result r ON r.id = i.result_id AND i.target_kind = 'RESULT' LEFT JOIN need n ON n.id = i.need_id AND i.target_kind = 'NEED'
          LEFT JOIN expert e ON e.id = i.expert_id AND i.target_kind = 'EXPERT' LEFT JOIN laboratory lab ON lab.id = i.laboratory_id AND i.target_kind = 'LABORATORY'
          WHERE i.status = 'PENDING' AND ${MY_DEAL}`,
    orderBy: 'since ASC, id',
  },
  {
    key: TodoSectionKey.LISTINGS_TO_REVIEW,
    permission: Permission.LISTING_REVIEW,
    sql: `SELECT l.id, l.kind AS subject, l.id AS subject_id, NULL::uuid AS deal_id, l.code, l.title, o.name_zh AS detail, NULL::date AS due_on,
            COALESCE(l.submitted_at, l.updated_at) AS since, COALESCE(l.submitted_at, l.updated_at) < {stale} AS overdue
          FROM ${LISTINGS} LEFT JOIN organization o ON o.id = l.organization_id WHERE l.status IN ('SUBMITTED', 'IN_REVIEW')`,
    orderBy: 'since ASC, id',
  },
  {
    key: TodoSectionKey.ACCOUNTS_TO_VERIFY,
    permission: Permission.USER_VERIFY,
    sql: `SELECT u.id, '${TodoSubject.USER}' AS subject, u.id AS subject_id, NULL::uuid AS deal_id, NULL AS code, u.name AS title,
            COALESCE(o.name_zh, u.email) AS detail, NULL::date AS due_on, u.created_at AS since, u.created_at < {stale} AS overdue
          FROM app_user u LEFT JOIN organization o ON o.id = u.organization_id WHERE u.status = 'PENDING'`,
    orderBy: 'since ASC, id',
  },
  {
    key: TodoSectionKey.OBJECTIONS_TO_ANSWER,
    permission: Permission.DEAL_MANAGE,
    sql: `SELECT ob.id, '${TodoSubject.DEAL}' AS subject, d.id AS subject_id, d.id AS deal_id, d.code, d.title, ob.name AS detail,
            pn.ends_on AS due_on, ob.created_at AS since, (pn.ends_on < {today}::date OR ob.created_at < {stale}) AS overdue
          FROM public_notice_objection ob JOIN public_notice pn ON pn.id = ob.notice_id JOIN deal d ON d.id = pn.deal_id
          WHERE ob.answered_at IS NULL AND pn.withdrawn_at IS NULL AND ${MY_DEAL}`,
    orderBy: 'since ASC, id',
  },
  {
    key: TodoSectionKey.NOTICES_ENDING,
    permission: Permission.DEAL_MANAGE,
    sql: `SELECT pn.id, '${TodoSubject.DEAL}' AS subject, d.id AS subject_id, d.id AS deal_id, d.code, d.title, pn.title AS detail,
            pn.ends_on AS due_on, NULL::timestamptz AS since, false AS overdue
          FROM public_notice pn JOIN deal d ON d.id = pn.deal_id
          WHERE pn.withdrawn_at IS NULL AND pn.ends_on >= {today}::date AND pn.ends_on <= {weekEnd}::date AND d.stage = 'PUBLIC_NOTICE' AND ${MY_DEAL}`,
    orderBy: 'due_on ASC, id',
  },
  {
    key: TodoSectionKey.CONTRACTS_TO_REGISTER,
    permission: Permission.DEAL_MANAGE,
    sql: `SELECT ${dealCols('d.next_action', 'd.next_action_due', 'd.stage_changed_at', 'd.stage_changed_at < {stale}')} FROM deal d WHERE d.stage = 'CONTRACT_SIGNED' AND ${MY_DEAL}`,
    orderBy: 'since ASC, id',
  },
  {
    key: TodoSectionKey.CONTRACTS_AWAITING_PAYMENT,
    permission: Permission.DEAL_MANAGE,
    sql: `SELECT ${dealCols('d.next_action', 'd.next_action_due', 'd.stage_changed_at', 'd.stage_changed_at < {stale}')} FROM deal d WHERE d.stage = 'REGISTERED' AND ${MY_DEAL}`,
    orderBy: 'since ASC, id',
  },
  {
    key: TodoSectionKey.INTRODUCTIONS_TO_ANSWER,
    permission: Permission.DEAL_PARTICIPATE,
    partyOnly: true,
    sql: `SELECT i.id, '${TodoSubject.INTRODUCTION}' AS subject, i.id AS subject_id, i.deal_id, COALESCE(r.code, n.code) AS code, COALESCE(r.title, n.title, e.name_zh) AS title,
            ru.name AS detail, NULL::date AS due_on, i.created_at AS since, i.created_at < {stale} AS overdue
          FROM introduction i LEFT JOIN result r ON r.id = i.result_id LEFT JOIN need n ON n.id = i.need_id LEFT JOIN app_user ru ON ru.id = i.requester_id
          LEFT JOIN expert e ON e.id = i.expert_id
          WHERE i.status = 'PENDING' AND i.requester_id <> {uid} AND ${ASKED_OF_ME}`,
    orderBy: 'since ASC, id',
  },
  {
    key: TodoSectionKey.LISTINGS_CHANGES_REQUESTED,
    permission: Permission.LISTING_SUBMIT,
    partyOnly: true,
    sql: `SELECT l.id, l.kind AS subject, l.id AS subject_id, NULL::uuid AS deal_id, l.code, l.title, l.review_note AS detail, NULL::date AS due_on,
            l.updated_at AS since, l.updated_at < {stale} AS overdue
          FROM ${LISTINGS} WHERE l.status = 'CHANGES_REQUESTED' AND ${MY_LISTING}`,
    orderBy: 'since ASC, id',
  },
  {
    key: TodoSectionKey.LISTINGS_EXPIRING,
    permission: Permission.LISTING_SUBMIT,
    partyOnly: true,
    sql: `SELECT l.id, l.kind AS subject, l.id AS subject_id, NULL::uuid AS deal_id, l.code, l.title, NULL AS detail, l.valid_until AS due_on,
            NULL::timestamptz AS since, false AS overdue
          FROM ${LISTINGS} WHERE l.status = 'PUBLISHED' AND l.valid_until <= {expiryEnd}::date AND ${MY_LISTING}`,
    orderBy: 'due_on ASC, id',
  },
  {
    key: TodoSectionKey.NDAS_TO_SIGN,
    permission: Permission.DEAL_PARTICIPATE,
    partyOnly: true,
    sql: `SELECT ${dealCols('NULL', 'NULL::date', 'd.stage_changed_at', 'd.stage_changed_at < {stale}')}
          FROM deal d JOIN deal_participant p ON p.deal_id = d.id AND p.user_id = {uid} AND p.side <> 'BROKER'
          WHERE d.stage IN ('INTERESTED', 'NDA_SIGNED', 'NEGOTIATING', 'TERMS_AGREED', 'PUBLIC_NOTICE', 'CONTRACT_SIGNED', 'REGISTERED', 'PAID')
            AND NOT EXISTS (SELECT 1 FROM nda_acceptance a WHERE a.deal_id = d.id AND a.user_id = {uid})`,
    orderBy: 'since ASC, id',
  },
];

export interface TodoSqlParams {
  uid: string;
  org: string;
  today: string;
  stale: Date;
  role: string;
  weekEnd: string;
  expiryEnd: string;
}

/** {name} placeholders to $1…$n, passing only the parameters the statement uses (Postgres refuses unused ones). */
export function compileTodoSql(sql: string, params: TodoSqlParams): { text: string; values: unknown[] } {
  const order: Array<keyof TodoSqlParams> = [];
  const text = sql.replace(/\{(uid|org|today|stale|role|weekEnd|expiryEnd)\}/g, (_, name: keyof TodoSqlParams) => {
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  return { text, values: order.map((name) => params[name]) };
}
