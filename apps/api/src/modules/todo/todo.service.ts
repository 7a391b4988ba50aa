import { Injectable } from '@nestjs/common';
import {
  Permission,
  TODO_ITEMS_PER_SECTION,
  TODO_LISTING_EXPIRING_DAYS,
  TODO_NOTICE_ENDING_DAYS,
  TODO_SECTION_ORDER,
  TODO_STALE_AFTER_DAYS,
  TodoItem,
  TodoList,
  TodoSection,
  TodoSubject,
} from '@xkx/contracts';
import { addCalendarDays, shanghaiDate } from '@xkx/util';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { compileTodoSql, TODO_SECTIONS, TodoSectionSql, TodoSqlParams } from './todo-sections';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const DAY_MS = 24 * 60 * 60 * 1000;

interface Row {
  id: string;
  subject: TodoSubject;
  subject_id: string;
  deal_id: string | null;
  code: string | null;
  title: string;
  detail: string | null;
  due_text: string | null;
  since: Date | string | null;
  overdue: boolean;
  total: string | number;
  overdue_total: string | number;
}

/** Who gets a section: its permission, and brokers' sections are not a party's (and the other way round). */
function sectionsFor(user: AuthUser): TodoSectionSql[] {
  const broker = user.permissions.includes(Permission.DEAL_MANAGE);
  return TODO_SECTIONS.filter((s) => user.permissions.includes(s.permission) && !(s.partyOnly && broker) && !(s.brokerOnly && !broker));
}

/**
 * What needs the caller now (issue 17): one query per section they get (count, overdue count and the first few
 * rows in one statement, through window counts), scoped like the pages the items link to — a broker's own deals
 * and the ones nobody brokers yet, a party's own listings, introductions and NDAs.
 */
@Injectable()
export class TodoService {
  constructor(private readonly dataSource: DataSource) {}

  async forUser(user: AuthUser, now = new Date(), manager: EntityManager = this.dataSource.manager): Promise<TodoList> {
    const today = shanghaiDate(now);
    const params: TodoSqlParams = {
      uid: user.id,
      org: user.organizationId ?? NIL_UUID,
      today,
      stale: new Date(now.getTime() - TODO_STALE_AFTER_DAYS * DAY_MS),
      role: user.role,
      weekEnd: addCalendarDays(today, TODO_NOTICE_ENDING_DAYS),
      expiryEnd: addCalendarDays(today, TODO_LISTING_EXPIRING_DAYS),
    };
    const wanted = sectionsFor(user);
    // In turn rather than all at once: the embedded database has one connection, and a request holds only one.
    const sections: TodoSection[] = [];
    for (const section of wanted) sections.push(await this.section(manager, section, params));
    sections.sort((a, b) => TODO_SECTION_ORDER.indexOf(a.key) - TODO_SECTION_ORDER.indexOf(b.key));
    return {
      total: sections.reduce((sum, s) => sum + s.count, 0),
      overdue: sections.reduce((sum, s) => sum + s.overdue, 0),
      sections,
      today,
    };
  }

  private async section(manager: EntityManager, section: TodoSectionSql, params: TodoSqlParams): Promise<TodoSection> {
    const { text, values } = compileTodoSql(
      `SELECT x.*, to_char(x.due_on, 'YYYY-MM-DD') AS due_text, count(*) OVER () AS total, count(*) FILTER (WHERE x.overdue) OVER () AS overdue_total
       FROM (${section.sql}) x ORDER BY x.overdue DESC, ${section.orderBy.replace(/(^|, )/g, '$1x.')} LIMIT ${TODO_ITEMS_PER_SECTION}`,
      params,
    );
    const rows = await manager.query<Row[]>(text, values);
    return {
      key: section.key,
      count: Number(rows[0]?.total ?? 0),
      overdue: Number(rows[0]?.overdue_total ?? 0),
      items: rows.map((r) => toItem(r)),
    };
  }
}

function toItem(r: Row): TodoItem {
  return {
    id: r.id,
    subject: r.subject,
    subjectId: r.subject_id,
    dealId: r.deal_id,
    code: r.code,
    title: r.title,
    detail: r.detail,
    dueOn: r.due_text,
    since: r.since === null ? null : new Date(r.since).toISOString(),
    overdue: r.overdue === true,
  };
}
