import { Injectable } from '@nestjs/common';
import { DEAL_STAGE_ORDER, DealListSort, DealSide } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { Brackets, DataSource, EntityManager, In, IsNull, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { findPersonFacts } from '@xkx/api/modules/experts/expert-reader';
import { findListingFacts } from '@xkx/api/modules/listings/listing-reader';
import { findOrganizationsFacts } from '@xkx/api/modules/organizations/organization-reader';
import { UserCard, userCards } from '@xkx/api/modules/users/user-reader';
import { DealAccessService, managesDeals } from './deal-access.service';
import { DealContracts } from './deal-contracts.port';
import { publicNoticeRequired } from './deal-guards';
import { allowedTargets, isOpen, NDA_STAGES } from './deal-workflow';
import { BoardQueryDto, DealFilterQueryDto, ListDealsQueryDto } from './dto/deal-write.dto';
import { DealBoardDto, DealCardDto, DealNdaStateDto, DealContractSummaryDto, DealDetailDto, DealEventDto, DealListDto } from './dto/deal-response.dto';
import { DealEventEntity } from './entities/deal-event.entity';
import { DealParticipantEntity } from './entities/deal-participant.entity';
import { DealEntity } from './entities/deal.entity';
import { NdaAcceptanceEntity, NdaVersionEntity } from './entities/nda.entity';
import { PublicNoticeEntity } from './entities/public-notice.entity';
import { PublicNoticesService } from './public-notices.service';

const BOARD_LIMIT_PER_STAGE = 200;

/** Read side of deals: lists, the broker board, the deal page, the timeline. */
@Injectable()
export class DealQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
    private readonly notices: PublicNoticesService,
    private readonly dealContracts: DealContracts,
  ) {}

  async list(query: ListDealsQueryDto, user: AuthUser): Promise<DealListDto> {
    const qb = this.filtered(query, user);
    const total = await qb.getCount();
    const deals = await this.ordered(qb, query.sort).take(query.limit).skip(query.offset).getMany();
    return { items: await this.cards(this.dataSource.manager, deals), total };
  }

  /** The same list without paging, for the Excel export: at most `max` deals, in the list's order. */
  async listForExport(query: DealFilterQueryDto, user: AuthUser, max: number): Promise<DealCardDto[]> {
    const deals = await this.ordered(this.filtered(query, user), query.sort).take(max).getMany();
    return this.cards(this.dataSource.manager, deals);
  }

  private filtered(query: DealFilterQueryDto, user: AuthUser): SelectQueryBuilder<DealEntity> {
    const qb = this.visible(user, query);
    if (query.stage) qb.andWhere('d.stage = :stage', { stage: query.stage });
    if (query.q) qb.andWhere('(d.title ILIKE :q OR d.code ILIKE :q)', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return qb;
  }

  private ordered(qb: SelectQueryBuilder<DealEntity>, sort: DealListSort | undefined): SelectQueryBuilder<DealEntity> {
    if (sort) return qb.orderBy('d.next_action_due', sort === DealListSort.DUE_DESC ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('d.updated_at', 'DESC').addOrderBy('d.id', 'ASC');
    // Overdue first (open deals whose next action is past due), then by due date, then recent.
    return qb
      .addSelect(`CASE WHEN d.next_action_due < :today AND d.stage NOT IN ('CLOSED', 'LOST') THEN 0 ELSE 1 END`, 'overdue_rank')
      .setParameter('today', shanghaiDate())
      .orderBy('overdue_rank', 'ASC')
      .addOrderBy('d.next_action_due', 'ASC', 'NULLS LAST')
      .addOrderBy('d.updated_at', 'DESC');
  }

  async board(query: BoardQueryDto, user: AuthUser): Promise<DealBoardDto> {
    const deals = await this.visible(user, query).orderBy('d.next_action_due', 'ASC', 'NULLS LAST').addOrderBy('d.updated_at', 'DESC').take(BOARD_LIMIT_PER_STAGE * DEAL_STAGE_ORDER.length).getMany();
    const cards = await this.cards(this.dataSource.manager, deals);
    return {
      columns: DEAL_STAGE_ORDER.map((stage) => ({
        stage,
        allowedStages: [...allowedTargets(stage)],
        deals: cards.filter((c) => c.stage === stage).sort((a, b) => Number(b.overdue) - Number(a.overdue)).slice(0, BOARD_LIMIT_PER_STAGE),
      })),
    };
  }

  async detail(id: string, user: AuthUser): Promise<DealDetailDto> {
    const m = this.dataSource.manager;
    const { deal, participants, side } = await this.access.load(id, user, m);
    const [card] = await this.cards(m, [deal]);
    if (!card) throw new Error('deal card missing');
    const users = await this.usersById(m, participants.map((p) => p.userId));
    const acceptances = await m.find(NdaAcceptanceEntity, { where: { dealId: deal.id }, order: { acceptedAt: 'ASC' } });
    const current = await m.find(NdaVersionEntity, { order: { version: 'DESC' }, take: 1 });
    const [result, need] = await Promise.all([
      deal.resultId ? findListingFacts(m, 'RESULT', deal.resultId) : null,
      deal.needId ? findListingFacts(m, 'NEED', deal.needId) : null,
    ]);
    const notice = await m.findOne(PublicNoticeEntity, { where: { dealId: deal.id, withdrawnAt: IsNull() }, order: { createdAt: 'DESC' } });
    const parties = participants.filter((p) => p.side !== DealSide.BROKER);
    const accepted = (userId: string) => acceptances.find((a) => a.userId === userId) ?? null;
    return {
      ...card,
      result: result ? { id: result.id, kind: 'RESULT', code: result.code, title: result.title } : null,
      need: need ? { id: need.id, kind: 'NEED', code: need.code, title: need.title } : null,
      introductionId: deal.introductionId,
      origin: deal.origin,
      matchScore: deal.matchScore,
      pricingMethod: deal.pricingMethod,
      publicNoticeRequired: publicNoticeRequired(deal, card.institution.kind),
      publicNotice: notice ? await this.notices.toDto(m, notice) : null,
      participants: participants.map((p) => {
        const u = users.get(p.userId);
        const a = accepted(p.userId);
        return { userId: p.userId, name: u?.name ?? '', side: p.side, organizationName: u?.organization?.nameZh ?? null, ndaVersion: a?.ndaVersion ?? null, ndaAcceptedAt: a?.acceptedAt.toISOString() ?? null };
      }),
      nda: this.ndaState(deal, parties, acceptances, users, current[0]?.version ?? 0, user),
      contracts: await this.contractSummaries(m, deal.id),
      lostReason: deal.lostReason,
      lostFromStage: deal.lostFromStage,
      noticeOverrideReason: deal.noticeOverrideReason,
      mySide: side,
      ...(await this.person(m, deal)),
    };
  }

  /** The expert or laboratory a deal was started from, and the contract type it carries (issue 16). */
  private async person(m: EntityManager, deal: DealEntity): Promise<Pick<DealDetailDto, 'person' | 'contractType'>> {
    const id = deal.expertId ?? deal.laboratoryId;
    if (!id) return deal.contractType ? { contractType: deal.contractType } : {};
    const facts = await findPersonFacts(m, deal.expertId ? 'EXPERT' : 'LABORATORY', id);
    return { person: { kind: deal.expertId ? 'EXPERT' : 'LABORATORY', id, nameZh: facts?.nameZh ?? '' }, contractType: deal.contractType };
  }

  /**
   * Signed only when every institution and enterprise participant signed and each side has at least one
   * signature: a deal with no party in it yet has nobody's signature, not everybody's.
   */
  private ndaState(deal: DealEntity, parties: DealParticipantEntity[], acceptances: NdaAcceptanceEntity[], users: Map<string, UserCard>, currentVersion: number, user: AuthUser): DealNdaStateDto {
    const signed = (userId: string) => acceptances.some((a) => a.userId === userId);
    const sidesWithoutSignature = [DealSide.INSTITUTION, DealSide.ENTERPRISE].filter((side) => !parties.some((p) => p.side === side && signed(p.userId)));
    const unsignedParties = parties.filter((p) => !signed(p.userId)).length;
    const sidesWithNobody = sidesWithoutSignature.filter((side) => !parties.some((p) => p.side === side)).length;
    const sideOf = (userId: string) => parties.find((p) => p.userId === userId)?.side ?? DealSide.ENTERPRISE;
    return {
      currentVersion,
      available: NDA_STAGES.includes(deal.stage),
      acceptedByMe: signed(user.id),
      pendingParties: unsignedParties + sidesWithNobody,
      allSigned: unsignedParties === 0 && sidesWithoutSignature.length === 0,
      signatures: acceptances.map((a) => ({
        userId: a.userId, name: users.get(a.userId)?.name ?? '', side: sideOf(a.userId), ndaVersion: a.ndaVersion, signedAt: a.acceptedAt.toISOString(),
        ip: managesDeals(user) ? a.ip : null, textHash: a.textHash,
      })),
    };
  }

  async timeline(id: string, user: AuthUser): Promise<DealEventDto[]> {
    const m = this.dataSource.manager;
    await this.access.load(id, user, m);
    const events = await m.find(DealEventEntity, { where: { dealId: id }, order: { createdAt: 'ASC', version: 'ASC' } });
    const users = await this.usersById(m, events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
    return events.map((e) => {
      const actor = e.actorId ? users.get(e.actorId) : undefined;
      return { at: e.createdAt.toISOString(), actor: actor ? { id: actor.id, name: actor.name } : null, kind: e.kind, fromStage: e.fromStage, toStage: e.toStage, note: e.note, version: e.version };
    });
  }

  async contractSummaries(manager: EntityManager, dealId: string): Promise<DealContractSummaryDto[]> {
    const contracts = await this.dealContracts.ofDeal(manager, dealId);
    if (contracts.length === 0) return [];
    return contracts.map((c) => ({
      id: c.id, code: c.code, typeCode: c.typeCode, projectName: c.projectName, contractAmountFen: c.contractAmountFen,
      technicalAmountFen: c.technicalAmountFen, receivedFen: c.receivedFen, registrationStatus: c.registrationStatus,
    }));
  }

  /** Deals the caller may see, with the board's filters. */
  private visible(user: AuthUser, filter: { brokerId?: string; organizationId?: string; fieldCode?: string }): SelectQueryBuilder<DealEntity> {
    const qb = this.dataSource.manager.createQueryBuilder(DealEntity, 'd');
    if (!managesDeals(user)) {
      qb.where(
        new Brackets((w) => {
          w.where('EXISTS (SELECT 1 FROM deal_participant p WHERE p.deal_id = d.id AND p.user_id = :uid)', { uid: user.id });
          if (user.role === 'ENTERPRISE' && user.organizationId) w.orWhere('d.enterprise_org_id = :ownOrg', { ownOrg: user.organizationId });
        }),
      );
    }
    if (filter.brokerId) qb.andWhere(`EXISTS (SELECT 1 FROM deal_participant b WHERE b.deal_id = d.id AND b.user_id = :broker AND b.side = 'BROKER')`, { broker: filter.brokerId });
    if (filter.organizationId) qb.andWhere('(d.institution_org_id = :org OR d.enterprise_org_id = :org)', { org: filter.organizationId });
    if (filter.fieldCode) qb.andWhere(`EXISTS (SELECT 1 FROM unnest(d.field_codes) f WHERE f = :field OR f LIKE :fieldPrefix)`, { field: filter.fieldCode, fieldPrefix: `${filter.fieldCode.replace(/[\\%_]/g, '\\$&')}.%` });
    return qb;
  }

  private async cards(manager: EntityManager, deals: DealEntity[]): Promise<DealCardDto[]> {
    if (deals.length === 0) return [];
    const orgIds = [...new Set(deals.flatMap((d) => [d.institutionOrgId, d.enterpriseOrgId]))];
    const orgs = new Map((await findOrganizationsFacts(manager, orgIds)).map((o) => [o.id, o]));
    const brokerRows = await manager.find(DealParticipantEntity, { where: { dealId: In(deals.map((d) => d.id)), side: DealSide.BROKER }, order: { createdAt: 'ASC' } });
    const users = await this.usersById(manager, brokerRows.map((b) => b.userId));
    const today = shanghaiDate();
    const org = (id: string) => {
      const o = orgs.get(id);
      return { id, nameZh: o?.nameZh ?? '', kind: o?.kind ?? 'ENTERPRISE' };
    };
    return deals.map((d) => ({
      id: d.id,
      code: d.code,
      title: d.title,
      stage: d.stage,
      stageChangedAt: d.stageChangedAt.toISOString(),
      allowedStages: [...allowedTargets(d.stage)],
      institution: org(d.institutionOrgId),
      enterprise: org(d.enterpriseOrgId),
      brokers: brokerRows.filter((b) => b.dealId === d.id).map((b) => ({ id: b.userId, name: users.get(b.userId)?.name ?? '' })),
      fieldCodes: d.fieldCodes,
      nextAction: d.nextAction,
      nextActionDue: d.nextActionDue,
      overdue: isOpen(d.stage) && d.nextActionDue !== null && d.nextActionDue < today,
      agreedPriceFen: d.agreedPriceFen,
      updatedAt: d.updatedAt.toISOString(),
      version: d.version,
    }));
  }

  private async usersById(manager: EntityManager, ids: string[]): Promise<Map<string, UserCard>> {
    const users = await userCards(manager, ids, { organization: true });
    return new Map(users.map((u) => [u.id, u]));
  }
}

