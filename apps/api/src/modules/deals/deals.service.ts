import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, DealSide, DealStage, ErrorCode, IntroductionOrigin, NotificationKind, PeopleContractType, PRICING_METHOD_LABELS, PricingMethod, Role } from '@xkx/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { findListingFacts } from '@xkx/api/modules/listings/listing-reader';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { findOrganizationsFacts } from '@xkx/api/modules/organizations/organization-reader';
import { findUserCard, getUserCard, userCards, userNames } from '@xkx/api/modules/users/user-reader';
import { DealAccessService } from './deal-access.service';
import { DEAL_SIDE_WORDS, nextDealCode, recordDealEvent } from './deal-events';
import { isOpen } from './deal-workflow';
import { CreateDealDto, ParticipantInputDto, UpdateDealDto } from './dto/deal-write.dto';
import { DealParticipantEntity } from './entities/deal-participant.entity';
import { DealEntity } from './entities/deal.entity';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { dealSubject } from '@xkx/api/modules/audit/audit-subjects';

export interface OpenDealInput {
  title: string;
  institutionOrgId: string;
  enterpriseOrgId: string;
  resultId: string | null;
  needId: string | null;
  introductionId: string | null;
  origin: IntroductionOrigin;
  matchScore: number | null;
  pricingMethod: PricingMethod | null;
  nextAction: string | null;
  nextActionDue: string | null;
  participants: Array<{ userId: string; side: DealSide }>;
  /** Issue 16: a deal with an expert or a laboratory, the contract type it carries, and its fields. */
  expertId?: string | null;
  laboratoryId?: string | null;
  contractType?: PeopleContractType | null;
  extraFieldCodes?: readonly string[];
  /** A price already agreed when the deal opens (a shared instrument's accepted fee), integer fen. */
  agreedPriceFen?: number | null;
}

/** The side a user stands on by role. */
export function sideForRole(role: Role): DealSide {
  if (role === Role.RESEARCHER) return DealSide.INSTITUTION;
  if (role === Role.ENTERPRISE) return DealSide.ENTERPRISE;
  return DealSide.BROKER;
}

/** Writes on a deal other than stage moves: open, edit the next action and pricing, let people in. */
@Injectable()
export class DealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(dto: CreateDealDto, user: AuthUser): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const result = dto.resultId ? await findListingFacts(manager, 'RESULT', dto.resultId) : null;
      const need = dto.needId ? await findListingFacts(manager, 'NEED', dto.needId) : null;
      if (dto.resultId && !result) throw this.invalid('resultId', ErrorCode.LISTING_NOT_FOUND);
      if (dto.needId && !need) throw this.invalid('needId', ErrorCode.LISTING_NOT_FOUND);
      const institutionOrgId = dto.institutionOrgId ?? result?.organizationId;
      const enterpriseOrgId = dto.enterpriseOrgId ?? need?.organizationId;
      if (!institutionOrgId) throw DomainException.validation([{ field: 'institutionOrgId', constraint: 'isDefined', args: [] }]);
      if (!enterpriseOrgId) throw DomainException.validation([{ field: 'enterpriseOrgId', constraint: 'isDefined', args: [] }]);
      await this.assertOrganizations(manager, institutionOrgId, enterpriseOrgId);
      const participants = await this.resolveParticipants(manager, dto.participants ?? []);
      return this.open(manager, {
        title: dto.title ?? ([result?.title, need?.title].filter(Boolean).join(' × ') || '撮合项目'),
        institutionOrgId,
        enterpriseOrgId,
        resultId: result?.id ?? null,
        needId: need?.id ?? null,
        introductionId: null,
        origin: dto.matchScore !== undefined ? IntroductionOrigin.MATCH : IntroductionOrigin.BROKER,
        matchScore: dto.matchScore ?? null,
        pricingMethod: dto.pricingMethod ?? null,
        nextAction: dto.nextAction ?? null,
        nextActionDue: dto.nextActionDue ?? null,
        participants: [{ userId: user.id, side: DealSide.BROKER }, ...participants],
      }, user.id);
    });
  }

  /** Inserts a deal at LEAD with its people, inside the caller's transaction (introductions use it too). */
  async open(manager: EntityManager, input: OpenDealInput, actorId: string): Promise<string> {
    const fieldCodes = [...new Set([...(await this.fieldCodes(manager, input.resultId, input.needId)), ...(input.extraFieldCodes ?? [])])];
    const deal = await manager.save(
      manager.create(DealEntity, {
        code: await nextDealCode(manager, 'deal_code_seq', 'D'),
        title: input.title.slice(0, 200) || '撮合项目',
        stage: DealStage.LEAD,
        stageChangedAt: new Date(),
        institutionOrgId: input.institutionOrgId,
        enterpriseOrgId: input.enterpriseOrgId,
        resultId: input.resultId,
        needId: input.needId,
        introductionId: input.introductionId,
        origin: input.origin,
        matchScore: input.matchScore,
        fieldCodes,
        pricingMethod: input.pricingMethod,
        agreedPriceFen: input.agreedPriceFen ?? null,
        nextAction: input.nextAction,
        nextActionDue: input.nextActionDue,
        lostReason: null,
        lostFromStage: null,
        noticeOverrideReason: null,
        noticeOverrideById: null,
        createdById: actorId,
        expertId: input.expertId ?? null,
        laboratoryId: input.laboratoryId ?? null,
        contractType: input.contractType ?? null,
      }),
    );
    const seen = new Set<string>();
    for (const p of input.participants) {
      if (seen.has(p.userId)) continue;
      seen.add(p.userId);
      await manager.insert(DealParticipantEntity, { dealId: deal.id, userId: p.userId, side: p.side, addedById: actorId });
    }
    await recordDealEvent(manager, deal, actorId, 'CREATED', null, null, DealStage.LEAD);
    await recordAudit(manager, { action: AuditAction.DEAL_CREATED, actorId, ...dealSubject(deal), changes: { stage: { from: null, to: DealStage.LEAD } }, details: { pricingMethod: deal.pricingMethod } });
    return deal.id;
  }

  async update(id: string, dto: UpdateDealDto, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { deal } = await this.access.lock(manager, id, user, dto.version);
      if (!isOpen(deal.stage)) throw new DomainException(ErrorCode.DEAL_NOT_OPEN, HttpStatus.CONFLICT);
      // While the notice runs, a change of pricing method would let the contract be signed before it ends;
      // reopening negotiation (which withdraws the notice) is the way to change it.
      if (deal.stage === DealStage.PUBLIC_NOTICE && dto.pricingMethod !== undefined && dto.pricingMethod !== deal.pricingMethod) {
        throw new DomainException(ErrorCode.DEAL_PUBLIC_NOTICE_PENDING, HttpStatus.CONFLICT, [], { stage: deal.stage });
      }
      const pricingBefore = deal.pricingMethod;
      const before = { ...deal };
      const changed: string[] = [];
      const set = <K extends 'title' | 'nextAction' | 'nextActionDue' | 'pricingMethod' | 'agreedPriceFen'>(key: K, value: DealEntity[K] | undefined) => {
        if (value === undefined || deal[key] === value) return;
        deal[key] = value;
        changed.push(key);
      };
      set('title', dto.title);
      set('nextAction', dto.nextAction);
      set('nextActionDue', dto.nextActionDue);
      set('pricingMethod', dto.pricingMethod);
      set('agreedPriceFen', dto.agreedPriceFen);
      if (changed.length === 0) return;
      const saved = await manager.save(deal);
      const nextActionChanged = changed.includes('nextAction') || changed.includes('nextActionDue');
      // A pricing change decides whether a public notice is needed, so the timeline says from what to what.
      const pricing = (m: PricingMethod | null): string => (m ? PRICING_METHOD_LABELS[m]['zh-CN'] : '未填（按协议定价）');
      const described = changed.map((key) => (key === 'pricingMethod' ? `定价方式：${pricing(pricingBefore)} → ${pricing(saved.pricingMethod)}` : key));
      const note = nextActionChanged ? `${saved.nextAction ?? ''}${saved.nextActionDue ? `（${saved.nextActionDue}）` : ''}` : described.join(', ');
      await recordDealEvent(manager, saved, user.id, nextActionChanged ? 'NEXT_ACTION' : 'UPDATED', note || null);
      await recordAudit(manager, { action: AuditAction.DEAL_UPDATED, actorId: user.id, ...dealSubject(saved), changes: auditDiff(before, saved, ['title', 'nextAction', 'nextActionDue', 'pricingMethod', 'agreedPriceFen']) });
    });
  }

  async addParticipant(id: string, dto: ParticipantInputDto, user: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { deal, participants } = await this.access.lock(manager, id, user);
      if (!isOpen(deal.stage)) throw new DomainException(ErrorCode.DEAL_NOT_OPEN, HttpStatus.CONFLICT);
      const [resolved] = await this.resolveParticipants(manager, [dto]);
      if (!resolved) throw new DomainException(ErrorCode.DEAL_PARTICIPANT_INVALID, HttpStatus.BAD_REQUEST);
      if (participants.some((p) => p.userId === resolved.userId)) return;
      await manager.insert(DealParticipantEntity, { dealId: deal.id, userId: resolved.userId, side: resolved.side, addedById: user.id });
      deal.updatedAt = new Date();
      const saved = await manager.save(deal);
      const person = await getUserCard(manager, resolved.userId);
      await recordDealEvent(manager, saved, user.id, 'PARTICIPANT_ADDED', `${person.name}（${DEAL_SIDE_WORDS[resolved.side]}）`);
      await recordAudit(manager, { action: AuditAction.DEAL_PARTICIPANT_ADDED, actorId: user.id, ...dealSubject(saved), details: { participant: `${person.name} ${person.email}`, side: resolved.side } });
      await this.notifications.notify(manager, [resolved.userId], {
        kind: NotificationKind.DEAL_STAGE_CHANGED,
        titleZh: `您已加入撮合项目「${deal.title}」`,
        titleEn: `You were added to the deal "${deal.title}"`,
        body: `技术经理人 ${user.name} 邀请您加入撮合项目「${deal.title}」（${deal.code}）。\n${user.name} added you to the deal "${deal.title}" (${deal.code}).`,
        dealId: deal.id,
      });
    });
  }

  /**
   * Hands a deal to another broker: the target (an active BROKER, nobody else) becomes the deal's only
   * broker participant, the ones before are taken off. Closed and lost deals keep theirs, because the
   * ledger credits a finished deal to the brokers who carried it. Audited, on the timeline, and the new
   * broker is told.
   */
  async reassign(id: string, brokerId: string, version: number | undefined, user: AuthUser): Promise<{ version: number }> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, participants } = await this.access.lock(manager, id, user, version);
      if (!isOpen(deal.stage)) throw new DomainException(ErrorCode.DEAL_NOT_OPEN, HttpStatus.CONFLICT);
      const target = await findUserCard(manager, brokerId);
      if (!target || target.role !== Role.BROKER || target.status !== 'ACTIVE') {
        throw new DomainException(ErrorCode.DEAL_REASSIGN_NOT_BROKER, HttpStatus.BAD_REQUEST, [{ field: 'brokerId', constraint: 'notABroker', args: [] }]);
      }
      const before = participants.filter((p) => p.side === DealSide.BROKER);
      if (before.length === 1 && before[0]?.userId === brokerId) return { version: deal.version };
      const names = new Map((await userNames(manager, before.map((b) => b.userId))).map((u) => [u.id, u.name]));
      const leaving = before.filter((b) => b.userId !== brokerId);
      if (leaving.length > 0) await manager.delete(DealParticipantEntity, { id: In(leaving.map((b) => b.id)) });
      // Someone already in the deal on another side keeps that row; a broker gets a broker's row.
      const existing = participants.find((p) => p.userId === brokerId);
      if (!existing) await manager.insert(DealParticipantEntity, { dealId: deal.id, userId: brokerId, side: DealSide.BROKER, addedById: user.id });
      else if (existing.side !== DealSide.BROKER) await manager.update(DealParticipantEntity, { id: existing.id }, { side: DealSide.BROKER });
      deal.updatedAt = new Date();
      const saved = await manager.save(deal);
      const from = before.map((b) => names.get(b.userId) ?? '').filter(Boolean).join('、');
      await recordDealEvent(manager, saved, user.id, 'REASSIGNED', `${from || '—'} → ${target.name}`);
      await recordAudit(manager, { action: AuditAction.DEAL_REASSIGNED, actorId: user.id, ...dealSubject(saved), changes: { broker: { from: from || null, to: target.name } } });
      if (brokerId !== user.id) {
        await this.notifications.notify(manager, [brokerId], {
          kind: NotificationKind.DEAL_STAGE_CHANGED,
          titleZh: `撮合项目「${deal.title}」已转交给您`,
          titleEn: `The deal "${deal.title}" was handed to you`,
          body: `${user.name} 将撮合项目「${deal.title}」（${deal.code}）转交给您负责。\n${user.name} handed the deal "${deal.title}" (${deal.code}) to you.`,
          dealId: deal.id,
        });
      }
      return { version: saved.version };
    });
  }

  /** Active users a broker may let in; the side follows the role unless the broker says otherwise. */
  private async resolveParticipants(manager: EntityManager, inputs: ParticipantInputDto[]): Promise<Array<{ userId: string; side: DealSide }>> {
    if (inputs.length === 0) return [];
    const users = await userCards(manager, inputs.map((i) => i.userId));
    return inputs.map((input, index) => {
      const u = users.find((x) => x.id === input.userId);
      if (!u || u.status !== 'ACTIVE') throw new DomainException(ErrorCode.DEAL_PARTICIPANT_INVALID, HttpStatus.BAD_REQUEST, [{ field: `participants.${index}.userId`, constraint: 'invalid', args: [] }]);
      return { userId: u.id, side: input.side ?? sideForRole(u.role) };
    });
  }

  private async assertOrganizations(manager: EntityManager, institutionOrgId: string, enterpriseOrgId: string): Promise<void> {
    const orgs = await findOrganizationsFacts(manager, [institutionOrgId, enterpriseOrgId]);
    const institution = orgs.find((o) => o.id === institutionOrgId);
    const enterprise = orgs.find((o) => o.id === enterpriseOrgId);
    if (!institution || !['UNIVERSITY', 'INSTITUTE'].includes(institution.kind)) throw this.invalid('institutionOrgId', ErrorCode.ORGANIZATION_KIND_MISMATCH);
    if (!enterprise || enterprise.kind !== 'ENTERPRISE') throw this.invalid('enterpriseOrgId', ErrorCode.ORGANIZATION_KIND_MISMATCH);
  }

  private async fieldCodes(manager: EntityManager, resultId: string | null, needId: string | null): Promise<string[]> {
    const codes = new Set<string>();
    if (resultId) (await findListingFacts(manager, 'RESULT', resultId))?.fieldCodes.forEach((c) => codes.add(c));
    if (needId) (await findListingFacts(manager, 'NEED', needId))?.fieldCodes.forEach((c) => codes.add(c));
    return [...codes];
  }

  private invalid(field: string, code: ErrorCode): DomainException {
    return new DomainException(code, HttpStatus.BAD_REQUEST, [{ field, constraint: 'invalid', args: [] }]);
  }
}
