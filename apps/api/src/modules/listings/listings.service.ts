import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, ErrorCode, LISTING_KINDS, ListingKind, ListingStatus, NotificationKind, Permission, STALE_WARNING_DAYS } from '@xkx/contracts';
import { addCalendarDays, shanghaiDate } from '@xkx/util';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { isUuid } from '../../common/http/id-or-code';
import { DomainException, FieldIssue } from '../../common/exceptions/domain.exception';
import { MailService } from '@xkx/api/modules/mail/mail.service';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { findUserCard, userNames } from '@xkx/api/modules/users/user-reader';
import { findOrganizationFacts, findOrganizationsFacts, innerJoinOrganization, OrganizationFacts, takeJoinedOrganization } from '@xkx/api/modules/organizations/organization-reader';
import { SearchTextService } from '@xkx/api/modules/search/search-text.service';
import { fieldPaths, TaxonomyService } from '@xkx/api/modules/taxonomy/taxonomy.service';
import { ListingBaseEntity } from './entities/listing-base.entity';
import { ListingHistoryEntity } from './entities/listing-history.entity';
import { canManage, canView, ConfidentialAccessGrants, isBroker } from './listing-access';
import { KindSpec } from './listing-kinds';
import { EDITABLE, isMaterialChange, ListingAction, nextStatus } from './listing-workflow';
import { ChangeFeed } from '@xkx/api/modules/feed/change-feed.service';
import { FeedTopics } from '@xkx/api/modules/feed/feed-events';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { listingSubject } from '@xkx/api/modules/audit/audit-subjects';

export interface LoadedListing<E extends ListingBaseEntity> {
  entity: E;
  organization: OrganizationFacts;
  canManage: boolean;
  confidentialVisible: boolean;
  /** Visible through an NDA in a deal (not as owner or broker). */
  viaGrant: boolean;
}

export interface TransitionInput {
  note?: string;
  version?: number;
  validUntil?: string;
}

/** Where load() has TypeORM put the joined organization, taken off the entity before it is returned. */
const ORGANIZATION = 'loadedOrganization';

const MAX_VALIDITY_DAYS = 3 * 366;
/** pg_try_advisory_xact_lock key of the daily expiry pass: one instance runs it at a time. */
export const LISTING_EXPIRY_LOCK_KEY = '7305281966117005';
const DEFAULT_RENEWAL_DAYS = 365;

/** Rows of an `UPDATE … RETURNING` through `manager.query`, which answers [rows, affectedCount]. */
function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

/**
 * The life cycle shared by results and needs: create, edit with optimistic locking and history,
 * submit, review, renew, expire, archive. Kind-specific fields come from a KindSpec.
 */
@Injectable()
export class ListingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly search: SearchTextService,
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
    private readonly grants: ConfidentialAccessGrants,
    private readonly feed: ChangeFeed,
  ) {}

  async create<E extends ListingBaseEntity, I extends object>(spec: KindSpec<E, I>, input: I & { fieldCodes: string[]; validUntil: string }, organizationId: string | undefined, user: AuthUser): Promise<string> {
    const orgId = await this.resolveOrganization(spec.kind, organizationId, user);
    await this.assertFields(input.fieldCodes);
    this.assertValidUntil(input.validUntil);
    return this.dataSource.transaction(async (manager) => {
      const id = await this.insert(manager, spec, input, orgId, user);
      await this.feed.append(manager, 'listing.changed', [{ kind: spec.kind, id, status: ListingStatus.DRAFT }]);
      return id;
    });
  }

  /**
   * Inserts one listing inside the caller's transaction (input already validated). Imports use it to
   * write thousands of rows atomically; `publish` is for brokers, who are reviewers themselves.
   * The caller appends the rows to the change feed ('listing.changed') in the same transaction.
   */
  async insert<E extends ListingBaseEntity, I extends object>(manager: EntityManager, spec: KindSpec<E, I>, input: I, organizationId: string, user: AuthUser, publish = false): Promise<string> {
    const now = new Date();
    const entity = Object.assign(new spec.entity(), {
      status: publish ? ListingStatus.PUBLISHED : ListingStatus.DRAFT,
      organizationId,
      ownerId: isBroker(user) ? null : user.id,
      createdById: user.id,
      reviewerId: publish ? user.id : null,
      reviewNote: null,
      submittedAt: publish ? now : null,
      publishedAt: publish ? now : null,
      staleWarnedAt: null,
      confidentialDetail: null,
    } as Partial<E>);
    spec.apply(entity, input);
    entity.fieldPaths = fieldPaths(entity.fieldCodes);
    entity.code = await this.nextCode(manager, spec);
    const saved = await manager.save(spec.entity, entity);
    await this.search.index(manager, spec.kind, saved.id, spec.searchParts(saved));
    await this.history(manager, spec.kind, saved, user.id, publish ? 'IMPORTED_PUBLISHED' : 'CREATED', null, saved.status, []);
    return saved.id;
  }

  /** `ref`: the id, or the code (R2026-000012) from a detail route. */
  async load<E extends ListingBaseEntity>(spec: KindSpec<E, object>, ref: string, user: AuthUser | undefined, manager?: EntityManager): Promise<LoadedListing<E>> {
    const m = manager ?? this.dataSource.manager;
    // One round trip (issue 14): the listing, its relations and its organization in one statement.
    // findOne with relations sent three (TypeORM's DISTINCT id probe for a joined LIMIT 1, the rows, then
    // the organization by id); without LIMIT, getOne needs no probe, and a code or id matches one row.
    const qb = m.createQueryBuilder(spec.entity, 'l');
    for (const relation of spec.relations) qb.leftJoinAndSelect(`l.${relation}`, relation);
    const entity = await innerJoinOrganization(qb, `l.${ORGANIZATION}`, 'org', 'org.id = l.organizationId')
      .where(isUuid(ref) ? 'l.id = :ref' : 'l.code = :ref', { ref })
      .getOne();
    if (!entity || !canView(user, spec.kind, entity)) throw DomainException.notFound(ErrorCode.LISTING_NOT_FOUND);
    const organization = takeJoinedOrganization(entity, ORGANIZATION) as OrganizationFacts;
    const manages = canManage(user, spec.kind, entity);
    const viaGrant = !manages && !!user && (await this.grants.isGranted(user.id, spec.kind, entity.id));
    return { entity, organization, canManage: manages, confidentialVisible: manages || viaGrant, viaGrant };
  }

  async update<E extends ListingBaseEntity, I extends { fieldCodes?: string[]; validUntil?: string }>(spec: KindSpec<E, I>, id: string, input: I & { version: number }, user: AuthUser): Promise<{ changed: string[]; status: ListingStatus }> {
    const { version, ...rest } = input;
    const changes = rest as unknown as I;
    if (changes.fieldCodes) await this.assertFields(changes.fieldCodes);
    if (changes.validUntil) this.assertValidUntil(changes.validUntil);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const entity = await this.lockForWrite(manager, spec, id, user, version);
      if (!EDITABLE.includes(entity.status)) throw new DomainException(ErrorCode.LISTING_NOT_EDITABLE, HttpStatus.CONFLICT);
      const from = entity.status;
      const changed = spec.apply(entity, changes);
      if (changed.length === 0) return { changed, status: from, entity };
      entity.fieldPaths = fieldPaths(entity.fieldCodes);
      // A published listing whose substance changed goes back to a reviewer before the public sees it.
      const to = from === ListingStatus.PUBLISHED && isMaterialChange(changed) ? nextStatus(ListingAction.MATERIAL_EDIT, from) ?? from : from;
      if (to !== from) {
        entity.status = to;
        entity.submittedAt = new Date();
      }
      const saved = await manager.save(spec.entity, entity);
      await this.search.index(manager, spec.kind, saved.id, spec.searchParts(saved));
      await this.history(manager, spec.kind, saved, user.id, to !== from ? 'MATERIAL_EDIT' : 'UPDATED', from, to, changed);
      await this.feed.append(manager, 'listing.changed', [{ kind: spec.kind, id, status: to }]);
      return { changed, status: to, entity: saved };
    });
    return { changed: outcome.changed, status: outcome.status };
  }

  /** One status move. Route permissions decide who may call which action; ownership is checked here. */
  async transition<E extends ListingBaseEntity>(spec: KindSpec<E, object>, id: string, action: ListingAction, input: TransitionInput, user: AuthUser, now = new Date()): Promise<{ status: ListingStatus; version: number }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const entity = await this.lockForWrite(manager, spec, id, user, input.version);
      const from = entity.status;
      const to = nextStatus(action, from);
      if (!to) throw new DomainException(ErrorCode.LISTING_TRANSITION_NOT_ALLOWED, HttpStatus.CONFLICT, [], { status: from, action });
      switch (action) {
        case ListingAction.SUBMIT:
          entity.submittedAt = now;
          entity.reviewNote = null;
          break;
        case ListingAction.START_REVIEW:
          entity.reviewerId = user.id;
          break;
        case ListingAction.APPROVE:
          entity.reviewerId = user.id;
          entity.publishedAt = now;
          entity.reviewNote = input.note ?? null;
          if (entity.validUntil < shanghaiDate(now)) entity.validUntil = addCalendarDays(shanghaiDate(now), DEFAULT_RENEWAL_DAYS);
          break;
        case ListingAction.REQUEST_CHANGES:
        case ListingAction.REJECT:
          if (!input.note?.trim()) throw DomainException.validation([{ field: 'note', constraint: 'isNotEmpty', args: [] }]);
          entity.reviewerId = user.id;
          entity.reviewNote = input.note.trim();
          break;
        case ListingAction.RENEW: {
          const until = input.validUntil ?? addCalendarDays(shanghaiDate(now), DEFAULT_RENEWAL_DAYS);
          this.assertValidUntil(until, now, 'validUntil');
          entity.validUntil = until;
          entity.staleWarnedAt = null;
          if (from === ListingStatus.EXPIRED) entity.publishedAt = now;
          break;
        }
        case ListingAction.EXPIRE:
        case ListingAction.ARCHIVE:
        case ListingAction.MATERIAL_EDIT:
          break;
      }
      entity.status = to;
      const saved = await manager.save(spec.entity, entity);
      await this.history(manager, spec.kind, saved, user.id, action, from, to, action === ListingAction.RENEW ? ['validUntil'] : [], input.note ?? null);
      if (action === ListingAction.APPROVE || action === ListingAction.REJECT || action === ListingAction.REQUEST_CHANGES) {
        await recordAudit(manager, { action: AuditAction.LISTING_REVIEWED, actorId: user.id, ...listingSubject(spec.kind, saved), changes: { status: { from, to } }, details: { decision: action, note: input.note ?? null } });
      }
      await this.notifyOwner(manager, spec.kind, saved, action);
      await this.feed.append(manager, 'listing.changed', [{ kind: spec.kind, id, status: to }]);
      return { status: to, version: saved.version };
    });
    return outcome;
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await userNames(this.dataSource.manager, ids)).map((r) => [r.id, r.name]));
  }

  /**
   * Daily: warn owners STALE_WARNING_DAYS before valid-until, and expire what has passed it. One
   * transaction under a transaction-level advisory lock, so passes on several instances (or two triggers)
   * do not both act: the second finds the lock taken and returns `skipped`, or, once the first committed,
   * finds nothing left. Idempotent; returns what it did.
   */
  async runExpiry(now = new Date()): Promise<{ warned: number; expired: number; skipped: boolean }> {
    let warned = 0;
    let expired = 0;
    const today = shanghaiDate(now);
    const warnBefore = addCalendarDays(today, STALE_WARNING_DAYS);
    const ran = await this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [LISTING_EXPIRY_LOCK_KEY]);
      if (!lock?.locked) return false;
      const gone: Array<FeedTopics['listing.changed']> = [];
      for (const kind of ['result', 'need'] as const) {
        const listingKind: ListingKind = kind === 'result' ? 'RESULT' : 'NEED';
        const toExpire = returned<{ id: string; version: number }>(
          await manager.query(
            `UPDATE "${kind}" SET status = 'EXPIRED', version = version + 1, updated_at = now() WHERE status = 'PUBLISHED' AND valid_until < $1 RETURNING id, version`,
            [today],
          ),
        );
        for (const row of toExpire) {
          await manager.insert(ListingHistoryEntity, { listingKind, listingId: row.id, version: row.version, actorId: null, action: 'EXPIRE', fromStatus: 'PUBLISHED', toStatus: 'EXPIRED', changedFields: [], note: null });
        }
        expired += toExpire.length;
        const toWarn = returned<{ id: string; title: string; valid_until: string; owner_id: string | null; version: number }>(
          await manager.query(
            `UPDATE "${kind}" SET stale_warned_at = $3 WHERE status = 'PUBLISHED' AND valid_until >= $1 AND valid_until <= $2 AND stale_warned_at IS NULL
             RETURNING id, title, valid_until, owner_id, version`,
            [today, warnBefore, now],
          ),
        );
        for (const row of toWarn) {
          await manager.insert(ListingHistoryEntity, { listingKind, listingId: row.id, version: row.version, actorId: null, action: 'STALE_WARNED', fromStatus: null, toStatus: null, changedFields: [], note: row.valid_until });
          const to = await this.ownerEmail(manager, row.owner_id);
          if (to) {
            await this.mail.enqueue({ to, subject: `霞科行：「${row.title}」即将过期 / Listing expires soon`, body: `您发布的「${row.title}」将于 ${row.valid_until} 到期，请登录续期。\n\nYour listing "${row.title}" expires on ${row.valid_until}; sign in to renew it.` }, manager);
          }
        }
        warned += toWarn.length;
        gone.push(...toExpire.map((row) => ({ kind: listingKind, id: row.id, status: ListingStatus.EXPIRED })));
      }
      // Last, after every row lock the pass takes (the feed's lock is held until commit).
      await this.feed.append(manager, 'listing.changed', gone);
      return true;
    });
    return { warned, expired, skipped: !ran };
  }

  async historyOf(spec: KindSpec<ListingBaseEntity, object>, id: string, user: AuthUser): Promise<ListingHistoryEntity[]> {
    const loaded = await this.load(spec, id, user);
    if (!loaded.canManage) throw DomainException.notFound(ErrorCode.LISTING_NOT_FOUND);
    return this.dataSource.manager.find(ListingHistoryEntity, { where: { listingKind: spec.kind, listingId: id }, order: { createdAt: 'ASC', version: 'ASC' } });
  }

  /** Listings the caller manages: researchers their own, enterprise staff their enterprise's needs. */
  async mine<E extends ListingBaseEntity>(spec: KindSpec<E, object>, user: AuthUser, status?: ListingStatus): Promise<E[]> {
    const qb = this.dataSource.manager.createQueryBuilder(spec.entity, 'l');
    if (spec.kind === 'NEED' && user.role === 'ENTERPRISE' && user.organizationId) {
      qb.where('(l.owner_id = :uid OR l.organization_id = :org)', { uid: user.id, org: user.organizationId });
    } else {
      qb.where('l.owner_id = :uid', { uid: user.id });
    }
    if (status) qb.andWhere('l.status = :status', { status });
    for (const relation of spec.relations) qb.leftJoinAndSelect(`l.${relation}`, relation);
    return qb.orderBy('l.updatedAt', 'DESC').take(500).getMany();
  }

  /** Submitted and in-review listings, oldest first: the brokers' review queue. */
  async reviewQueue<E extends ListingBaseEntity>(spec: KindSpec<E, object>): Promise<E[]> {
    const qb = this.dataSource.manager.createQueryBuilder(spec.entity, 'l').where('l.status IN (:...statuses)', { statuses: ['SUBMITTED', 'IN_REVIEW'] });
    for (const relation of spec.relations) qb.leftJoinAndSelect(`l.${relation}`, relation);
    return qb.orderBy('l.submittedAt', 'ASC').take(500).getMany();
  }

  async organizationsById(ids: readonly string[]): Promise<Map<string, OrganizationFacts>> {
    const orgs = await findOrganizationsFacts(this.dataSource.manager, [...new Set(ids)]);
    return new Map(orgs.map((o) => [o.id, o]));
  }

  private async lockForWrite<E extends ListingBaseEntity>(manager: EntityManager, spec: KindSpec<E, object>, id: string, user: AuthUser, version: number | undefined): Promise<E> {
    const locked = await manager.createQueryBuilder(spec.entity, 'l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
    if (!locked || !canView(user, spec.kind, locked)) throw DomainException.notFound(ErrorCode.LISTING_NOT_FOUND);
    if (!canManage(user, spec.kind, locked) && !user.permissions.includes(Permission.LISTING_REVIEW)) {
      throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
    }
    if (version !== undefined && locked.version !== version) throw DomainException.versionConflict(locked.version);
    // Relations are loaded after the lock: FOR UPDATE cannot apply to the nullable side of an outer join.
    if (spec.relations.length === 0) return locked;
    return manager.findOneOrFail(spec.entity, { where: { id } as never, relations: spec.relations });
  }

  private async resolveOrganization(kind: ListingKind, requested: string | undefined, user: AuthUser): Promise<string> {
    if (isBroker(user)) {
      const orgId = requested ?? user.organizationId;
      if (!orgId) throw DomainException.validation([{ field: 'organizationId', constraint: 'isDefined', args: [] }]);
      const org = await findOrganizationFacts(this.dataSource.manager, orgId);
      if (!org) throw new DomainException(ErrorCode.ORGANIZATION_NOT_FOUND, HttpStatus.BAD_REQUEST, [{ field: 'organizationId', constraint: 'invalid', args: [] }]);
      const fits = LISTING_KINDS[kind].publishers.includes(org.kind);
      if (!fits) throw new DomainException(ErrorCode.ORGANIZATION_KIND_MISMATCH, HttpStatus.BAD_REQUEST, [{ field: 'organizationId', constraint: 'invalid', args: [] }]);
      return org.id;
    }
    // Researchers list for their institution, enterprise staff for their enterprise; never for someone else.
    // A pending account files its own drafts under the organization it asked to join (it sees no others).
    const own = user.organizationId ?? user.requestedOrganizationId ?? null;
    if (requested && requested !== own) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN, [{ field: 'organizationId', constraint: 'invalid', args: [] }]);
    if (!own) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
    return own;
  }

  /** Validations that need the database, for callers that write many rows (imports). */
  async unknownFieldCodes(codes: readonly string[]): Promise<string[]> {
    return this.taxonomy.unknownCodes(codes);
  }

  validUntilIssue(date: string, now = new Date()): string | null {
    try {
      this.assertValidUntil(date, now);
      return null;
    } catch (error) {
      return error instanceof DomainException ? (error.fieldIssues[0]?.constraint ?? 'invalid') : 'invalid';
    }
  }

  private async assertFields(codes: readonly string[]): Promise<void> {
    const unknown = await this.taxonomy.unknownCodes(codes);
    if (unknown.length > 0) throw DomainException.validation([{ field: 'fieldCodes', constraint: 'unknownFieldCode', args: [unknown] }]);
  }

  private assertValidUntil(date: string, now = new Date(), field = 'validUntil'): void {
    const issues: FieldIssue[] = [];
    if (date < shanghaiDate(now)) issues.push({ field, constraint: 'dateInPast', args: [] });
    else if (date > addCalendarDays(shanghaiDate(now), MAX_VALIDITY_DAYS)) issues.push({ field, constraint: 'dateTooFar', args: [] });
    if (issues.length > 0) throw DomainException.validation(issues);
  }

  private async nextCode(manager: EntityManager, spec: KindSpec<ListingBaseEntity, object>): Promise<string> {
    const rows: Array<{ n: string }> = await manager.query(`SELECT nextval('${spec.table}_code_seq') AS n`);
    return `${spec.codePrefix}${new Date().getUTCFullYear()}-${String(rows[0]?.n ?? '0').padStart(6, '0')}`;
  }

  private async history(manager: EntityManager, kind: ListingKind, entity: ListingBaseEntity, actorId: string | null, action: string, from: ListingStatus | null, to: ListingStatus | null, changedFields: string[], note: string | null = null): Promise<void> {
    await manager.insert(ListingHistoryEntity, { listingKind: kind, listingId: entity.id, version: entity.version, actorId, action, fromStatus: from, toStatus: to, changedFields, note });
  }

  private async ownerEmail(manager: EntityManager, ownerId: string | null): Promise<string | null> {
    if (!ownerId) return null;
    return (await findUserCard(manager, ownerId))?.email ?? null;
  }

  /** Review outcomes reach the owner in the bell and by mail (one notification), linked to where they act on it. */
  private async notifyOwner(manager: EntityManager, kind: ListingKind, entity: ListingBaseEntity, action: ListingAction): Promise<void> {
    const words: Partial<Record<ListingAction, [string, string]>> = {
      APPROVE: ['已通过审核并发布', 'was approved and published'],
      REQUEST_CHANGES: ['需要修改', 'needs changes'],
      REJECT: ['未通过审核', 'was not approved'],
    };
    const pair = words[action];
    if (!pair || !entity.ownerId) return;
    const note = entity.reviewNote ? `\n\n审核意见 / Reviewer's note: ${entity.reviewNote}` : '';
    const { nameZh: label, path: segment } = LISTING_KINDS[kind];
    const link = action === ListingAction.APPROVE ? `/${segment}/${entity.code}` : action === ListingAction.REQUEST_CHANGES ? `/workspace/${segment}/${entity.id}/edit` : '/workspace/listings';
    await this.notifications.notify(manager, [entity.ownerId], {
      kind: NotificationKind.LISTING_REVIEWED,
      titleZh: `${label}「${entity.title}」${pair[0]}`,
      titleEn: `Listing "${entity.title}" ${pair[1]}`,
      body: `您的${label}「${entity.title}」${pair[0]}。\nYour listing "${entity.title}" ${pair[1]}.${note}`,
      link,
    });
  }

}
