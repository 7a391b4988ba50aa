import { HttpStatus, Injectable } from '@nestjs/common';
import { DealSide, DealStage, ErrorCode, IntroductionOrigin, IntroductionStatus, ListingKind, NotificationKind, OPEN_DEAL_STAGES, Role, LISTING_KINDS } from '@xkx/contracts';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { findListingFacts, ListingFacts, listingsFacts } from '@xkx/api/modules/listings/listing-reader';
import { canManage } from '@xkx/api/modules/listings/listing-access';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { findOrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { activeBrokerIds, userCards } from '@xkx/api/modules/users/user-reader';
import { DealAccessService, managesDeals } from './deal-access.service';
import { DealClosureService } from './deal-closure.service';
import { recordDealEvent } from './deal-events';
import { DealTransitionsService } from './deal-transitions.service';
import { DealsService, sideForRole } from './deals.service';
import { AnswerIntroductionDto, CreateIntroductionDto, IntroductionDto, IntroductionListDto, ListIntroductionsQueryDto } from './dto/introduction.dto';
import { DealEntity } from './entities/deal.entity';
import { IntroductionEntity } from './entities/introduction.entity';
import { ChangeFeed } from '@xkx/api/modules/feed/change-feed.service';
import { findPersonFacts, PersonFacts, personNames } from '@xkx/api/modules/experts/expert-reader';

const EARLY_STAGES: readonly DealStage[] = ['LEAD', 'TRIAGE', 'INTRODUCED', 'INTERESTED'];
const MAX_BROKERS_NOTIFIED = 50;

interface Listings {
  result: ListingFacts | null;
  need: ListingFacts | null;
}

/**
 * 对接: a verified enterprise asks from a result, a verified researcher from a need, a broker from a
 * match. Each opens a deal at LEAD in the brokers' queue; the target's side answers interested or
 * declined (with a reason the matching engine learns from). Interested moves a deal that is waiting;
 * declined proposes 未成交 to the deal's broker (deal-closure.service.ts).
 */
@Injectable()
export class IntroductionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deals: DealsService,
    private readonly transitions: DealTransitionsService,
    private readonly access: DealAccessService,
    private readonly notifications: NotificationsService,
    private readonly feed: ChangeFeed,
    private readonly closure: DealClosureService,
  ) {}

  async request(dto: CreateIntroductionDto, user: AuthUser): Promise<IntroductionDto> {
    if (dto.expertId || dto.laboratoryId) return this.requestPerson(dto, user);
    const id = await this.dataSource.transaction(async (manager) => {
      const { result, need } = await this.listings(manager, dto);
      const broker = managesDeals(user);
      const targetKind: ListingKind = broker ? (dto.targetKind ?? (result ? 'RESULT' : 'NEED')) : user.role === Role.ENTERPRISE ? 'RESULT' : 'NEED';
      const byKind = { RESULT: result, NEED: need };
      const targetFacts = LISTING_KINDS[targetKind];
      const otherFacts = LISTING_KINDS[targetFacts.counterpart];
      const target = byKind[targetKind];
      const other = byKind[otherFacts.kind];
      if (!target) throw DomainException.validation([{ field: targetFacts.idField, constraint: 'isDefined', args: [] }]);
      if (broker && !other) throw DomainException.validation([{ field: otherFacts.idField, constraint: 'isDefined', args: [] }]);
      if (target.status !== 'PUBLISHED') throw this.listingInvalid(targetKind);
      if (!broker && canManage(user, targetKind, target)) throw new DomainException(ErrorCode.INTRODUCTION_OWN_LISTING, HttpStatus.CONFLICT);
      if (!broker && other && !canManage(user, otherFacts.kind, other)) throw this.listingInvalid(otherFacts.kind);
      // One live request per requester and listing: still waiting for an answer, or answered and its deal still open.
      const duplicate = await manager
        .createQueryBuilder(IntroductionEntity, 'i')
        .leftJoin(DealEntity, 'd', 'd.id = i.deal_id')
        .select('i.deal_id', 'dealId')
        .addSelect('d.code', 'dealCode')
        .where('i.requester_id = :requester', { requester: user.id })
        .andWhere(`i.${targetFacts.table}_id = :target`, { target: target.id })
        .andWhere(`(i.status = :pending OR (i.status = :interested AND d.stage IN (:...open)))`, { pending: IntroductionStatus.PENDING, interested: IntroductionStatus.INTERESTED, open: OPEN_DEAL_STAGES })
        .getRawOne<{ dealId: string | null; dealCode: string | null }>();
      if (duplicate) throw new DomainException(ErrorCode.INTRODUCTION_DUPLICATE, HttpStatus.CONFLICT, [], { dealId: duplicate.dealId, dealCode: duplicate.dealCode });

      const institutionOrgId = result?.organizationId ?? user.organizationId;
      const enterpriseOrgId = need?.organizationId ?? user.organizationId;
      if (!institutionOrgId || !enterpriseOrgId) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
      const requesterOrg = user.organizationId ? await findOrganizationFacts(manager, user.organizationId) : null;
      const origin = broker ? (dto.matchScore !== undefined ? IntroductionOrigin.MATCH : IntroductionOrigin.BROKER) : IntroductionOrigin.SELF_REQUEST;
      const intro = await manager.save(
        manager.create(IntroductionEntity, {
          origin, status: IntroductionStatus.PENDING, requesterId: user.id, targetKind, resultId: result?.id ?? null, needId: need?.id ?? null,
          message: dto.message, matchScore: dto.matchScore ?? null, declineReason: null, answerNote: null, answeredById: null, answeredAt: null, dealId: null,
        }),
      );
      const people = [{ userId: user.id, side: sideForRole(user.role) }];
      if (result?.ownerId) people.push({ userId: result.ownerId, side: DealSide.INSTITUTION });
      if (need?.ownerId) people.push({ userId: need.ownerId, side: DealSide.ENTERPRISE });
      const dealId = await this.deals.open(manager, {
        title: broker ? `${result?.title ?? ''} × ${need?.title ?? ''}` : `「${target.title}」对接：${requesterOrg?.nameZh ?? user.name}`,
        institutionOrgId, enterpriseOrgId, resultId: result?.id ?? null, needId: need?.id ?? null, introductionId: intro.id, origin,
        matchScore: dto.matchScore ?? null, pricingMethod: null, nextAction: broker ? '联系对方确认意向' : '诊断需求并联系对方', nextActionDue: null, participants: people,
      }, user.id);
      await manager.update(IntroductionEntity, intro.id, { dealId });
      const brokers = await activeBrokerIds(manager, MAX_BROKERS_NOTIFIED);
      await this.notifications.notify(manager, brokers.filter((bid) => bid !== user.id), {
        kind: NotificationKind.INTRODUCTION_REQUESTED,
        titleZh: `新的对接请求：「${target.title}」`,
        titleEn: `New introduction request: "${target.title}"`,
        body: `${user.name}（${requesterOrg?.nameZh ?? ''}）：${dto.message}`,
        dealId,
      });
      return intro.id;
    });
    return this.get(id, user);
  }

  /**
   * 对接 with an expert or a laboratory (issue 16), as with a result's side: an enterprise asks (naming its need
   * if it likes), a broker asks for an enterprise's need; the deal opens at LEAD with the contract type asked
   * for, the expert's account (if any) joins it on the institution side and answers, brokers answer for labs.
   */
  private async requestPerson(dto: CreateIntroductionDto, user: AuthUser): Promise<IntroductionDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const kind = dto.expertId ? 'EXPERT' : 'LABORATORY';
      const field = dto.expertId ? 'expertId' : 'laboratoryId';
      if (dto.expertId && dto.laboratoryId) throw DomainException.validation([{ field: 'laboratoryId', constraint: 'whitelistValidation', args: [] }]);
      if (dto.resultId) throw DomainException.validation([{ field: 'resultId', constraint: 'whitelistValidation', args: [] }]);
      const person = await findPersonFacts(manager, kind, dto.expertId ?? dto.laboratoryId ?? '');
      if (!person || !person.listed) throw new DomainException(ErrorCode.INTRODUCTION_LISTING_INVALID, HttpStatus.BAD_REQUEST, [{ field, constraint: 'invalid', args: [] }]);
      const broker = managesDeals(user);
      if (!broker && user.role !== Role.ENTERPRISE) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
      if (!broker && person.ownerId === user.id) throw new DomainException(ErrorCode.INTRODUCTION_OWN_LISTING, HttpStatus.CONFLICT);
      const need = dto.needId ? await findListingFacts(manager, 'NEED', dto.needId) : null;
      if (dto.needId && (!need || (!broker && !canManage(user, 'NEED', need)))) throw this.listingInvalid('NEED');
      if (broker && !need) throw DomainException.validation([{ field: 'needId', constraint: 'isDefined', args: [] }]);
      const duplicate = await manager
        .createQueryBuilder(IntroductionEntity, 'i')
        .leftJoin(DealEntity, 'd', 'd.id = i.deal_id')
        .select('i.deal_id', 'dealId')
        .addSelect('d.code', 'dealCode')
        .where('i.requester_id = :requester', { requester: user.id })
        .andWhere(`i.${kind === 'EXPERT' ? 'expert_id' : 'laboratory_id'} = :target`, { target: person.id })
        .andWhere(`(i.status = :pending OR (i.status = :interested AND d.stage IN (:...open)))`, { pending: IntroductionStatus.PENDING, interested: IntroductionStatus.INTERESTED, open: OPEN_DEAL_STAGES })
        .getRawOne<{ dealId: string | null; dealCode: string | null }>();
      if (duplicate) throw new DomainException(ErrorCode.INTRODUCTION_DUPLICATE, HttpStatus.CONFLICT, [], { dealId: duplicate.dealId, dealCode: duplicate.dealCode });
      const enterpriseOrgId = need?.organizationId ?? user.organizationId;
      if (!enterpriseOrgId) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
      const requesterOrg = user.organizationId ? await findOrganizationFacts(manager, user.organizationId) : null;
      const origin = broker ? (dto.matchScore !== undefined ? IntroductionOrigin.MATCH : IntroductionOrigin.BROKER) : IntroductionOrigin.SELF_REQUEST;
      const people = { expertId: kind === 'EXPERT' ? person.id : null, laboratoryId: kind === 'LABORATORY' ? person.id : null, contractType: dto.contractType ?? null };
      const intro = await manager.save(
        manager.create(IntroductionEntity, {
          origin, status: IntroductionStatus.PENDING, requesterId: user.id, targetKind: kind, resultId: null, needId: need?.id ?? null, ...people,
          message: dto.message, matchScore: dto.matchScore ?? null, declineReason: null, answerNote: null, answeredById: null, answeredAt: null, dealId: null,
        }),
      );
      const participants = [{ userId: user.id, side: sideForRole(user.role) }];
      if (person.ownerId) participants.push({ userId: person.ownerId, side: DealSide.INSTITUTION });
      if (need?.ownerId) participants.push({ userId: need.ownerId, side: DealSide.ENTERPRISE });
      const dealId = await this.deals.open(manager, {
        title: `「${person.nameZh}」对接：${need?.title ?? requesterOrg?.nameZh ?? user.name}`,
        institutionOrgId: person.organizationId, enterpriseOrgId, resultId: null, needId: need?.id ?? null, introductionId: intro.id, origin,
        matchScore: dto.matchScore ?? null, pricingMethod: null, nextAction: '诊断需求并联系专家或实验室', nextActionDue: null, participants, extraFieldCodes: person.fieldCodes, ...people,
      }, user.id);
      await manager.update(IntroductionEntity, intro.id, { dealId });
      const brokers = await activeBrokerIds(manager, MAX_BROKERS_NOTIFIED);
      await this.notifications.notify(manager, brokers.filter((bid) => bid !== user.id), {
        kind: NotificationKind.INTRODUCTION_REQUESTED,
        titleZh: `新的对接请求：「${person.nameZh}」`,
        titleEn: `New introduction request: "${person.nameZh}"`,
        body: `${user.name}（${requesterOrg?.nameZh ?? ''}）：${dto.message}`,
        dealId,
      });
      return intro.id;
    });
    return this.get(id, user);
  }

  async list(query: ListIntroductionsQueryDto, user: AuthUser): Promise<IntroductionListDto> {
    const qb = this.dataSource.manager.createQueryBuilder(IntroductionEntity, 'i');
    const asked = `((i.target_kind = 'RESULT' AND EXISTS (SELECT 1 FROM result r WHERE r.id = i.result_id AND r.owner_id = :uid))
      OR (i.target_kind = 'NEED' AND EXISTS (SELECT 1 FROM need n WHERE n.id = i.need_id AND (n.owner_id = :uid OR (:enterprise AND n.organization_id = :org))))
      OR (i.target_kind = 'EXPERT' AND EXISTS (SELECT 1 FROM expert e WHERE e.id = i.expert_id AND e.user_id = :uid)))`;
    const params = { uid: user.id, enterprise: user.role === Role.ENTERPRISE, org: user.organizationId ?? '00000000-0000-0000-0000-000000000000' };
    if (!managesDeals(user) || query.scope) {
      if (query.scope === 'requested') qb.where('i.requester_id = :uid', params);
      else if (query.scope === 'asked') qb.where(asked, params);
      else qb.where(new Brackets((w) => w.where('i.requester_id = :uid', params).orWhere(asked, params)));
    }
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    const [rows, total] = await qb.orderBy('i.created_at', 'DESC').take(query.limit).skip(query.offset).getManyAndCount();
    return { items: await this.toDtos(this.dataSource.manager, rows, user), total };
  }

  async get(id: string, user: AuthUser): Promise<IntroductionDto> {
    const intro = await this.dataSource.manager.findOneBy(IntroductionEntity, { id });
    if (!intro) throw DomainException.notFound(ErrorCode.INTRODUCTION_NOT_FOUND);
    const visible = intro.requesterId === user.id || this.mayAnswer(user, intro, await this.target(this.dataSource.manager, intro));
    const [dto] = visible ? await this.toDtos(this.dataSource.manager, [intro], user) : [];
    if (!dto) throw DomainException.notFound(ErrorCode.INTRODUCTION_NOT_FOUND);
    return dto;
  }

  async answer(id: string, dto: AnswerIntroductionDto, user: AuthUser): Promise<IntroductionDto> {
    await this.dataSource.transaction(async (manager) => {
      const intro = await manager.createQueryBuilder(IntroductionEntity, 'i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
      if (!intro) throw DomainException.notFound(ErrorCode.INTRODUCTION_NOT_FOUND);
      const target = await this.target(manager, intro);
      if (!this.mayAnswer(user, intro, target)) {
        if (intro.requesterId === user.id) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
        throw DomainException.notFound(ErrorCode.INTRODUCTION_NOT_FOUND);
      }
      if (intro.status !== IntroductionStatus.PENDING) throw new DomainException(ErrorCode.INTRODUCTION_ALREADY_ANSWERED, HttpStatus.CONFLICT, [], { status: intro.status });
      const interested = dto.answer === 'INTERESTED';
      Object.assign(intro, {
        status: interested ? IntroductionStatus.INTERESTED : IntroductionStatus.DECLINED,
        declineReason: interested ? null : (dto.reason ?? 'OTHER'),
        answerNote: dto.note ?? null,
        answeredById: user.id,
        answeredAt: new Date(),
      });
      const saved = await manager.save(intro);
      if (intro.dealId) await this.moveDeal(manager, intro.dealId, saved, user);
      // A decline is feedback for the matching engine, which records it (change feed, same commit).
      if (saved.declineReason) {
        await this.feed.append(manager, 'introduction.declined', [{ introductionId: saved.id, needId: saved.needId, resultId: saved.resultId, reason: saved.declineReason, note: saved.answerNote, actorId: user.id }]);
      }
    });
    return this.get(id, user);
  }

  /**
   * The deal follows an interested answer when it is waiting for it; a decline while it waits proposes
   * closing it to its broker; any other answer goes on its timeline.
   */
  private async moveDeal(manager: EntityManager, dealId: string, intro: IntroductionEntity, user: AuthUser): Promise<void> {
    const deal = await manager.createQueryBuilder(DealEntity, 'd').setLock('pessimistic_write').where('d.id = :id', { id: dealId }).getOne();
    if (!deal) return;
    const participants = await this.access.participants(manager, deal.id);
    if (intro.status === IntroductionStatus.INTERESTED && deal.stage === 'INTRODUCED') {
      await this.transitions.apply(manager, deal, participants, { to: 'INTERESTED', note: intro.answerNote ?? '对方确认有合作意向' }, user);
    } else if (intro.status === IntroductionStatus.DECLINED && EARLY_STAGES.includes(deal.stage)) {
      // 不合适 closes the answering side only: the deal's broker confirms 未成交 or keeps going (issue 12).
      await this.closure.propose(manager, deal, participants, intro, user);
    } else {
      await recordDealEvent(manager, deal, user.id, 'INTRODUCTION_ANSWERED', `${intro.status === 'INTERESTED' ? '有意向' : intro.status === 'DECLINED' ? '婉拒' : '待答复'}${intro.answerNote ? `：${intro.answerNote}` : ''}`);
      await this.notifications.notify(manager, [...participants.map((p) => p.userId), intro.requesterId].filter((uid) => uid !== user.id), {
        kind: NotificationKind.INTRODUCTION_ANSWERED,
        titleZh: `对接请求已答复：「${deal.title}」`,
        titleEn: `Introduction answered: "${deal.title}"`,
        body: `${user.name}：${intro.status === 'INTERESTED' ? '有意向' : '婉拒'}${intro.answerNote ? `。${intro.answerNote}` : ''}`,
        dealId: deal.id,
      });
    }
  }

  private mayAnswer(user: AuthUser, intro: IntroductionEntity, target: ListingFacts | null): boolean {
    if (intro.requesterId === user.id) return false;
    if (managesDeals(user)) return true;
    if (!target) return false;
    // An expert answers for themselves; a laboratory has no account of its own (brokers answer for it).
    if (intro.targetKind === 'EXPERT' || intro.targetKind === 'LABORATORY') return target.ownerId !== null && target.ownerId === user.id;
    return canManage(user, intro.targetKind, target);
  }

  private async target(manager: EntityManager, intro: IntroductionEntity): Promise<ListingFacts | null> {
    // An expert or a laboratory answers as a result's side would: its own account (labs: brokers only).
    if (intro.targetKind === 'EXPERT' || intro.targetKind === 'LABORATORY') {
      const person = await findPersonFacts(manager, intro.targetKind, intro.expertId ?? intro.laboratoryId ?? '');
      return person ? personAsTarget(person) : null;
    }
    if (intro.targetKind === 'RESULT') return intro.resultId ? findListingFacts(manager, 'RESULT', intro.resultId) : null;
    return intro.needId ? findListingFacts(manager, 'NEED', intro.needId) : null;
  }

  private async listings(manager: EntityManager, dto: CreateIntroductionDto): Promise<Listings> {
    const result = dto.resultId ? await findListingFacts(manager, 'RESULT', dto.resultId) : null;
    const need = dto.needId ? await findListingFacts(manager, 'NEED', dto.needId) : null;
    if (dto.resultId && !result) throw this.listingInvalid('RESULT');
    if (dto.needId && !need) throw this.listingInvalid('NEED');
    return { result, need };
  }

  private listingInvalid(kind: ListingKind): DomainException {
    return new DomainException(ErrorCode.INTRODUCTION_LISTING_INVALID, HttpStatus.BAD_REQUEST, [{ field: LISTING_KINDS[kind].idField, constraint: 'invalid', args: [] }]);
  }

  private async toDtos(manager: EntityManager, rows: IntroductionEntity[], user: AuthUser): Promise<IntroductionDto[]> {
    if (rows.length === 0) return [];
    const resultIds = rows.flatMap((r) => (r.resultId ? [r.resultId] : []));
    const needIds = rows.flatMap((r) => (r.needId ? [r.needId] : []));
    const results = await listingsFacts(manager, 'RESULT', resultIds);
    const needs = await listingsFacts(manager, 'NEED', needIds);
    const requesters = await userCards(manager, rows.map((r) => r.requesterId), { organization: true });
    const dealIds = rows.flatMap((r) => (r.dealId ? [r.dealId] : []));
    const dealCodes = new Map((dealIds.length ? await manager.find(DealEntity, { where: { id: In(dealIds) }, select: ['id', 'code'] }) : []).map((d) => [d.id, d.code]));
    const names = await personNames(manager, rows.flatMap((r) => (r.expertId ? [r.expertId] : [])), rows.flatMap((r) => (r.laboratoryId ? [r.laboratoryId] : [])));
    const owners = new Map<string, ListingFacts>();
    for (const r of rows) {
      if (!r.expertId) continue;
      const person = await findPersonFacts(manager, 'EXPERT', r.expertId);
      if (person) owners.set(r.id, personAsTarget(person));
    }
    return rows.map((i) => {
      const result = results.find((r) => r.id === i.resultId) ?? null;
      const need = needs.find((n) => n.id === i.needId) ?? null;
      const requester = requesters.find((u) => u.id === i.requesterId);
      const personId = i.expertId ?? i.laboratoryId;
      const target = i.targetKind === 'EXPERT' ? (owners.get(i.id) ?? null) : i.targetKind === 'RESULT' ? result : i.targetKind === 'NEED' ? need : null;
      return {
        id: i.id, origin: i.origin, status: i.status,
        requester: { id: i.requesterId, name: requester?.name ?? '' }, requesterOrganization: requester?.organization?.nameZh ?? null,
        targetKind: i.targetKind,
        result: result ? { id: result.id, kind: 'RESULT' as const, code: result.code, title: result.title } : null,
        need: need ? { id: need.id, kind: 'NEED' as const, code: need.code, title: need.title } : null,
        message: i.message, matchScore: i.matchScore, declineReason: i.declineReason, answerNote: i.answerNote, answeredAt: i.answeredAt?.toISOString() ?? null,
        dealId: i.dealId, dealCode: i.dealId ? (dealCodes.get(i.dealId) ?? null) : null, canAnswer: i.status === 'PENDING' && this.mayAnswer(user, i, target), createdAt: i.createdAt.toISOString(),
        ...(personId && (i.targetKind === 'EXPERT' || i.targetKind === 'LABORATORY') ? { person: { kind: i.targetKind, id: personId, nameZh: names.get(personId) ?? '' }, contractType: i.contractType } : {}),
      };
    });
  }
}

/** An expert or a laboratory as the target facts the answer rules read (its account owns it; labs have none). */
function personAsTarget(person: PersonFacts): ListingFacts {
  return { id: person.id, kind: 'RESULT', code: '', title: person.nameZh, status: 'PUBLISHED', organizationId: person.organizationId, ownerId: person.ownerId, fieldCodes: person.fieldCodes };
}
