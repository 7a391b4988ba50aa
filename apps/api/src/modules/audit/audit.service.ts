import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditAction } from '@xkx/contracts';
import { EntityManager, Repository } from 'typeorm';
import { RequestMeta } from '../../common/http/request-meta';
import { AuditLogEntity } from './audit-log.entity';
import { ListAuditLogsQueryDto } from './dto/list-audit-logs-query.dto';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  actorEmail?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  meta?: RequestMeta;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly logs: Repository<AuditLogEntity>) {}

  /** Pass the transaction's manager so the event commits (or not) with the change it records. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditLogEntity) : this.logs;
    await repo.save(repo.create({
      action: entry.action,
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail ?? null,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      ip: entry.meta?.ip ?? null,
      userAgent: entry.meta?.userAgent ?? null,
      details: entry.details ?? {},
    }));
  }

  /** Why an account is suspended: its last rejection or status change, whichever came last. */
  async lastStatusDecision(userId: string): Promise<{ action: AuditAction; reason: string | null } | null> {
    const row = await this.logs
      .createQueryBuilder('a')
      .where('a.subject_id = :userId', { userId })
      .andWhere('a.action IN (:...actions)', { actions: [AuditAction.USER_REJECTED, AuditAction.STATUS_CHANGED] })
      .orderBy('a.created_at', 'DESC')
      .getOne();
    if (!row) return null;
    const reason = (row.details as { reason?: unknown } | null)?.reason;
    return { action: row.action, reason: typeof reason === 'string' ? reason : null };
  }

  /** Failed sign-ins for one email from one address since `since` (oldest first). */
  async recentFailures(email: string, ip: string | null, since: Date): Promise<Date[]> {
    const qb = this.logs
      .createQueryBuilder('a')
      .select('a.created_at', 'at')
      .where('a.action = :action', { action: AuditAction.LOGIN_FAILED })
      .andWhere('a.actor_email = :email', { email })
      .andWhere('a.created_at >= :since', { since })
      .orderBy('a.created_at', 'ASC');
    if (ip) qb.andWhere('a.ip = :ip', { ip });
    else qb.andWhere('a.ip IS NULL');
    const rows = await qb.getRawMany<{ at: Date }>();
    return rows.map((r) => new Date(r.at));
  }

  async list(query: ListAuditLogsQueryDto): Promise<{ items: AuditLogEntity[]; total: number }> {
    const qb = this.logs.createQueryBuilder('a');
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.subjectId) qb.andWhere('a.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.ip) qb.andWhere('a.ip = :ip', { ip: query.ip });
    if (query.email) {
      // Sign-in events carry the typed email; other events only the actor's id.
      qb.andWhere('(a.actor_email ILIKE :email OR a.actor_id IN (SELECT u.id FROM app_user u WHERE u.email ILIKE :email))', {
        email: `%${query.email.replace(/[\\%_]/g, '\\$&')}%`,
      });
    }
    if (query.from) qb.andWhere('a.created_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.created_at < :to', { to: query.to });
    qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(query.limit).skip(query.offset);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
