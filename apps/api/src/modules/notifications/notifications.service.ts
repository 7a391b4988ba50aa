import { Injectable } from '@nestjs/common';
import { ErrorCode, NotificationKind } from '@xkx/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainException } from '../../common/exceptions/domain.exception';
import { MailService } from '@xkx/api/modules/mail/mail.service';
import { NotificationRecipients } from './notification-recipients.port';
import { NotificationEntity } from './notification.entity';

export interface NotifyInput {
  kind: NotificationKind;
  /** Chinese first, English second: both go into the mail; the in-app title is the Chinese one. */
  titleZh: string;
  titleEn: string;
  body: string;
  dealId?: string | null;
  /** Web path where the news is acted on, for news that is not about a deal. */
  link?: string | null;
  /** False: the bell only (a digest whose mail the user turned off). */
  mail?: boolean;
}

/** In-app notifications plus a mail through the outbox, written in the caller's transaction. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly recipients: NotificationRecipients,
  ) {}

  async notify(manager: EntityManager, userIds: readonly string[], input: NotifyInput): Promise<void> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return;
    await manager.insert(
      NotificationEntity,
      ids.map((userId) => ({ userId, kind: input.kind, title: input.titleZh, titleEn: input.titleEn, body: input.body, dealId: input.dealId ?? null, link: input.link ?? null, readAt: null })),
    );
    if (input.mail === false) return;
    const users = await this.recipients.contacts(manager, ids);
    for (const user of users) {
      if (user.status === 'SUSPENDED') continue;
      await this.mail.enqueue({ to: user.email, subject: `霞科行：${input.titleZh} / ${input.titleEn}`, body: input.body }, manager);
    }
  }

  async list(userId: string, unreadOnly: boolean, limit: number, offset: number): Promise<{ items: NotificationEntity[]; total: number; unread: number; dealCodes: Map<string, string> }> {
    const where = unreadOnly ? { userId, readAt: IsNull() } : { userId };
    const [items, total] = await this.dataSource.manager.findAndCount(NotificationEntity, { where, order: { createdAt: 'DESC' }, take: limit, skip: offset });
    const unread = await this.dataSource.manager.count(NotificationEntity, { where: { userId, readAt: IsNull() } });
    // Links open a deal by its code. Plain SQL: notifications sit below the deals module.
    const dealIds = [...new Set(items.flatMap((n) => (n.dealId ? [n.dealId] : [])))];
    const rows: Array<{ id: string; code: string }> = dealIds.length ? await this.dataSource.query(`SELECT id, code FROM deal WHERE id = ANY($1::uuid[])`, [dealIds]) : [];
    return { items, total, unread, dealCodes: new Map(rows.map((r) => [r.id, r.code])) };
  }

  async markRead(userId: string, id: string): Promise<void> {
    const result = await this.dataSource.manager.update(NotificationEntity, { id, userId }, { readAt: () => 'COALESCE(read_at, now())' });
    if (!result.affected) throw DomainException.notFound(ErrorCode.NOTIFICATION_NOT_FOUND);
  }

  async markAllRead(userId: string): Promise<number> {
    const result = await this.dataSource.manager.update(NotificationEntity, { userId, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
