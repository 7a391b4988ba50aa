import { Injectable, Logger } from '@nestjs/common';
import { DEFAULT_NOTIFICATION_PREFERENCES, LISTING_KINDS, ListingKind, NotificationKind, Role, TODO_SECTION_LABELS, TodoList, UserStatus } from '@xkx/contracts';
import { addCalendarDays, BUSINESS_TIME_ZONE, shanghaiDate } from '@xkx/util';
import { DataSource, EntityManager } from 'typeorm';
import { toAuthUser } from '../../common/auth/auth-user';
import { MatchingService } from '@xkx/api/modules/matching/matching.service';
import { claimDigestDay } from '@xkx/api/modules/notifications/digest-claims';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { TodoService } from './todo.service';

export const TODO_DIGEST_LOCK_KEY = '7305281966117003';
/** Users handled per pass; the next pass (a quarter of an hour later) takes the rest. */
const PASS_LIMIT = 500;
const DIGEST_LINES = 20;
const MATCHES_PER_LISTING = 20;
const WEEKLY_LINES = 10;

interface Candidate {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  organization_id: string | null;
  digest_mail: boolean | null;
}

/** The hour of the day in China (0–23). */
export function shanghaiHour(now: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: BUSINESS_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' }).format(now));
}

/** The Monday of the week `date` (yyyy-MM-dd) falls in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addCalendarDays(date, -((weekday + 6) % 7));
}

/**
 * Reminders (issue 17): once a day, from each user's digest hour (China time), a bell notification listing
 * their overdue to-do items, and a mail unless they turned it off; once a week, for researchers and
 * enterprises who opted in, the new matches of their published listings. A pass runs in one transaction under
 * an advisory lock (instances and overlapping triggers do not both run), and each user is claimed by writing
 * the day (or week) on their preference row before anything is sent, so nobody gets a digest twice.
 */
@Injectable()
export class TodoDigestService {
  private readonly logger = new Logger(TodoDigestService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly todo: TodoService,
    private readonly notifications: NotificationsService,
    private readonly matching: MatchingService,
  ) {}

  /** One pass; returns the digests sent (daily and weekly). */
  async run(now = new Date()): Promise<{ daily: number; weekly: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [TODO_DIGEST_LOCK_KEY]);
      if (!lock?.locked) return { daily: 0, weekly: 0 };
      const daily = await this.daily(manager, now);
      const weekly = await this.weekly(manager, now);
      if (daily || weekly) this.logger.log(`sent ${daily} daily and ${weekly} weekly digest(s)`);
      return { daily, weekly };
    });
  }

  private async daily(manager: EntityManager, now: Date): Promise<number> {
    const today = shanghaiDate(now);
    const candidates = await manager.query<Candidate[]>(
      `SELECT u.id, u.email, u.name, u.role, u.status, u.organization_id, p.digest_mail
       FROM app_user u LEFT JOIN notification_preference p ON p.user_id = u.id
       WHERE u.status = 'ACTIVE' AND COALESCE(p.digest_hour, $1) <= $2 AND (p.last_digest_on IS NULL OR p.last_digest_on < $3::date)
       ORDER BY u.id LIMIT ${PASS_LIMIT}`,
      [DEFAULT_NOTIFICATION_PREFERENCES.digestHour, shanghaiHour(now), today],
    );
    let sent = 0;
    for (const c of candidates) {
      if (!(await claimDigestDay(manager, c.id, 'last_digest_on', today))) continue;
      const todo = await this.todo.forUser(toAuthUser({ ...c, organizationId: c.organization_id }), now, manager);
      if (todo.overdue === 0) continue;
      await this.notifications.notify(manager, [c.id], {
        kind: NotificationKind.TODO_DIGEST,
        titleZh: `待办提醒：${todo.overdue} 项已逾期`,
        titleEn: `To-do reminder: ${todo.overdue} overdue`,
        body: digestBody(c.name, todo),
        link: '/workspace',
        mail: c.digest_mail ?? DEFAULT_NOTIFICATION_PREFERENCES.digestMail,
      });
      sent += 1;
    }
    return sent;
  }

  private async weekly(manager: EntityManager, now: Date): Promise<number> {
    const monday = mondayOf(shanghaiDate(now));
    const candidates = await manager.query<Candidate[]>(
      `SELECT u.id, u.email, u.name, u.role, u.status, u.organization_id, p.digest_mail
       FROM notification_preference p JOIN app_user u ON u.id = p.user_id
       WHERE p.weekly_matches AND u.status = 'ACTIVE' AND u.role IN ('RESEARCHER', 'ENTERPRISE') AND p.digest_hour <= $1
         AND (p.last_weekly_on IS NULL OR p.last_weekly_on < $2::date)
       ORDER BY u.id LIMIT ${PASS_LIMIT}`,
      [shanghaiHour(now), monday],
    );
    let sent = 0;
    for (const c of candidates) {
      if (!(await claimDigestDay(manager, c.id, 'last_weekly_on', monday))) continue;
      const lines = await this.newMatches(manager, c, now);
      if (lines.length === 0) continue;
      await this.notifications.notify(manager, [c.id], {
        kind: NotificationKind.MATCH_DIGEST,
        titleZh: `本周新匹配：${lines.length} 条`,
        titleEn: `New matches this week: ${lines.length}`,
        body: `${c.name}，您好：本周新发布、与您的发布相匹配的信息：\n\n${lines.join('\n')}\n\n登录霞科行查看详情并申请对接。如不想再收到，可在“个人资料 › 提醒”中关闭。\n\nNew listings this week matching yours are listed above. Sign in to see them and ask for an introduction; turn this mail off under Profile › Reminders.`,
        link: '/workspace',
      });
      sent += 1;
    }
    return sent;
  }

  /** Counterparts published in the last seven days among the best matches of the user's published listings. */
  private async newMatches(manager: EntityManager, c: Candidate, now: Date): Promise<string[]> {
    const kind: ListingKind = c.role === Role.RESEARCHER ? 'RESULT' : 'NEED';
    const { table } = LISTING_KINDS[kind];
    const mine = await manager.query<Array<{ id: string; title: string }>>(
      `SELECT id, title FROM "${table}" WHERE status = 'PUBLISHED' AND (owner_id = $1 OR ($2::boolean AND organization_id = $3)) ORDER BY updated_at DESC LIMIT 20`,
      [c.id, kind === 'NEED', c.organization_id ?? '00000000-0000-0000-0000-000000000000'],
    );
    const since = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
    const other = LISTING_KINDS[LISTING_KINDS[kind].counterpart];
    const lines: string[] = [];
    const seen = new Set<string>();
    for (const listing of mine) {
      const ids = this.matching.rankIds(kind, listing.id, MATCHES_PER_LISTING).filter((id) => !seen.has(id));
      if (ids.length === 0) continue;
      const fresh = await manager.query<Array<{ id: string; code: string; title: string }>>(
        `SELECT id, code, title FROM "${other.table}" WHERE id = ANY($1::uuid[]) AND status = 'PUBLISHED' AND published_at >= $2`,
        [ids, since],
      );
      for (const f of fresh.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))) {
        seen.add(f.id);
        lines.push(`· ${f.code}「${f.title}」 ← 「${listing.title}」 /${other.path}/${f.code}`);
        if (lines.length >= WEEKLY_LINES) return lines;
      }
    }
    return lines;
  }
}

/** The mail and bell text: overdue items by section, Chinese first. */
export function digestBody(name: string, todo: TodoList): string {
  const lines: string[] = [];
  for (const section of todo.sections) {
    if (section.overdue === 0) continue;
    const label = TODO_SECTION_LABELS[section.key];
    lines.push(`${label['zh-CN']} / ${label.en}：${section.overdue}`);
    for (const item of section.items.filter((i) => i.overdue).slice(0, DIGEST_LINES)) {
      lines.push(`  · ${item.code ? `${item.code} ` : ''}${item.title}${item.dueOn ? `（${item.dueOn}）` : ''}${item.detail ? ` — ${item.detail}` : ''}`);
    }
  }
  return `${name}，您好：以下待办已逾期，请登录霞科行工作台处理。\n\n${lines.join('\n')}\n\n在“个人资料 › 提醒”中可关闭邮件或更改发送时间。\n\nThese to-do items are overdue; open your workspace on Xiakexing to act on them. Turn the mail off or change its hour under Profile › Reminders.`;
}
