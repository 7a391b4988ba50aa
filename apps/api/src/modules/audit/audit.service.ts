import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditAction, AuditChanges, AuditEntityType } from '@xkx/contracts';
import { Brackets, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { currentRequestMeta, currentRequestUser } from '../../common/http/request-context';
import { RequestMeta } from '../../common/http/request-meta';
import { AuditLogEntity } from './audit-log.entity';
import { ListAuditLogsQueryDto } from './dto/list-audit-logs-query.dto';

/**
 * One entry of the audit trail. Only `action` is required: the actor and the address default to the
 * current request's, so a service deep in a call chain records an event with just what it changed.
 */
export interface AuditEntry {
  action: AuditAction;
  /** Defaults to the signed-in caller of the current request; pass null for "nobody" (a public form). */
  actorId?: string | null;
  actorEmail?: string | null;
  subjectType?: AuditEntityType | null;
  subjectId?: string | null;
  /** How people know the entity: "D2026-000006 新型电池隔膜" (kept as it was then). */
  subjectLabel?: string | null;
  /** Defaults to the current request's address and agent. */
  meta?: RequestMeta;
  /** Before → after per field; build with `auditDiff(before, after, fields)` from @xkx/contracts. */
  changes?: AuditChanges;
  /** Other facts (reason, note …); field names with a label in AUDIT_FIELDS read best. */
  details?: Record<string, unknown>;
}

/**
 * The same as `AuditService.record`, for code that already holds a transaction's manager and has no
 * AuditService injected (a helper function, a service shared by several modules).
 */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  const meta = entry.meta ?? currentRequestMeta();
  const actorId = entry.actorId !== undefined ? entry.actorId : (currentRequestUser()?.id ?? null);
  const details: Record<string, unknown> = { ...(entry.details ?? {}) };
  if (entry.changes && Object.keys(entry.changes).length > 0) details['changes'] = entry.changes;
  const repo = manager.getRepository(AuditLogEntity);
  await repo.save(
    repo.create({
      action: entry.action,
      actorId,
      actorEmail: entry.actorEmail ?? null,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      subjectLabel: entry.subjectLabel?.slice(0, 300) ?? null,
      ip: meta?.ip ?? null,
      userAgent: meta?.userAgent ?? null,
      details,
    }),
  );
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly logs: Repository<AuditLogEntity>) {}

  /**
   * Appends one entry. Pass the transaction's manager so the entry commits (or not) with the change it
   * records. The single entry point for every module's audit events.
   */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await recordAudit(manager ?? this.logs.manager, entry);
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
    const qb = this.filtered(query).take(query.limit).skip(query.offset);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** Up to `max` entries matching the filters, newest first, for the Excel export. */
  async listAll(query: ListAuditLogsQueryDto, max: number): Promise<AuditLogEntity[]> {
    return this.filtered(query).take(max).getMany();
  }

  /** The history of some entities (a deal with its contracts and notices), oldest first. */
  async history(subjects: ReadonlyArray<{ type: AuditEntityType; id: string }>): Promise<AuditLogEntity[]> {
    if (subjects.length === 0) return [];
    const qb = this.logs.createQueryBuilder('a');
    qb.where(
      new Brackets((w) => {
        subjects.forEach((s, i) => w.orWhere(`(a.subject_type = :t${i} AND a.subject_id = :s${i})`, { [`t${i}`]: s.type, [`s${i}`]: s.id }));
      }),
    );
    return qb.orderBy('a.created_at', 'ASC').addOrderBy('a.id', 'ASC').take(2000).getMany();
  }

  private filtered(query: ListAuditLogsQueryDto): SelectQueryBuilder<AuditLogEntity> {
    const qb = this.logs.createQueryBuilder('a');
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.subjectType) qb.andWhere('a.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('a.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.subject) {
      // Part of the entity's code or title, as people know it.
      qb.andWhere('a.subject_label ILIKE :subject', { subject: `%${escapeLike(query.subject)}%` });
    }
    if (query.ip) qb.andWhere('a.ip = :ip', { ip: query.ip });
    const actor = query.actor ?? query.email;
    if (actor) {
      // Sign-in events carry the typed email; other events only the actor's id (name or email matches).
      const pattern = `%${escapeLike(actor)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('a.actor_email ILIKE :actor', { actor: pattern }).orWhere('a.actor_id IN (SELECT u.id FROM app_user u WHERE u.email ILIKE :actor OR u.name ILIKE :actor)', { actor: pattern }),
        ),
      );
    }
    if (query.from) qb.andWhere('a.created_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.created_at < :to', { to: query.to });
    return qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC');
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
