import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, DealSide, ErrorCode, NotificationKind, OfferStatus, Role } from '@xkx/contracts';
import { fenToYuanString } from '@xkx/util';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { userCards, userNames } from '@xkx/api/modules/users/user-reader';
import { DealAccessService, managesDeals } from './deal-access.service';
import { recordDealEvent } from './deal-events';
import { isOpen } from './deal-workflow';
import { AnswerOfferDto, DealMessageDto, DealOfferDto, PostMessageDto, ProposeOfferDto } from './dto/collaboration.dto';
import { DealMessageEntity } from './entities/deal-message.entity';
import { DealOfferEntity } from './entities/deal-offer.entity';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { dealSubject } from '@xkx/api/modules/audit/audit-subjects';

/** The deal's message thread and its offers during negotiation. */
@Injectable()
export class DealCollaborationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
    private readonly notifications: NotificationsService,
  ) {}

  async messages(dealId: string, user: AuthUser): Promise<DealMessageDto[]> {
    const { participants } = await this.access.load(dealId, user);
    const rows = await this.dataSource.manager.find(DealMessageEntity, { where: { dealId }, order: { createdAt: 'ASC' }, take: 1000 });
    const ids = [...new Set(rows.map((r) => r.authorId))];
    const authors = await userCards(this.dataSource.manager, ids);
    const byId = new Map(authors.map((a) => [a.id, a]));
    return rows.map((r) => ({
      id: r.id, authorId: r.authorId, authorName: byId.get(r.authorId)?.name ?? '', body: r.body, createdAt: r.createdAt.toISOString(),
      authorSide: authorSide(r.authorId, byId.get(r.authorId)?.role, participants),
    }));
  }

  /** Only the people in the deal write in it: its participants and the brokers who carry it. */
  async post(dealId: string, dto: PostMessageDto, user: AuthUser): Promise<DealMessageDto> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, participants, side } = await this.access.load(dealId, user, manager);
      if (!managesDeals(user) && !participants.some((p) => p.userId === user.id)) throw new DomainException(ErrorCode.DEAL_NOT_PARTICIPANT, HttpStatus.FORBIDDEN);
      const saved = await manager.save(manager.create(DealMessageEntity, { dealId, authorId: user.id, body: dto.body }));
      const preview = dto.body.length > 200 ? `${dto.body.slice(0, 200)}…` : dto.body;
      await this.notifications.notify(manager, participants.map((p) => p.userId).filter((id) => id !== user.id), {
        kind: NotificationKind.DEAL_MESSAGE,
        titleZh: `撮合项目「${deal.title}」有新消息`,
        titleEn: `New message in the deal "${deal.title}"`,
        body: `${user.name}：${preview}\n\n(${deal.code})`,
        dealId,
      });
      return { id: saved.id, authorId: user.id, authorName: user.name, authorSide: side, body: saved.body, createdAt: saved.createdAt.toISOString() };
    });
  }

  async offers(dealId: string, user: AuthUser): Promise<DealOfferDto[]> {
    await this.access.load(dealId, user);
    const rows = await this.dataSource.manager.find(DealOfferEntity, { where: { dealId }, order: { createdAt: 'ASC' } });
    const names = await this.names(rows.map((r) => r.proposedById));
    return rows.map((o) => this.offerDto(o, names.get(o.proposedById) ?? ''));
  }

  /** Anyone in the deal may propose while negotiating; brokers propose as BROKER (a compromise). */
  async propose(dealId: string, dto: ProposeOfferDto, user: AuthUser): Promise<DealOfferDto> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, participants, side } = await this.access.lock(manager, dealId, user);
      if (deal.stage !== 'NEGOTIATING') throw new DomainException(ErrorCode.OFFER_NOT_ALLOWED, HttpStatus.CONFLICT, [], { stage: deal.stage });
      const saved = await manager.save(manager.create(DealOfferEntity, { dealId, proposedById: user.id, side, priceFen: dto.priceFen, terms: dto.terms, status: OfferStatus.PROPOSED, answeredById: null, answeredAt: null, answerNote: null }));
      await this.notifications.notify(manager, participants.map((p) => p.userId).filter((id) => id !== user.id), {
        kind: NotificationKind.DEAL_OFFER,
        titleZh: `撮合项目「${deal.title}」收到新报价`,
        titleEn: `New offer in the deal "${deal.title}"`,
        body: `${user.name} 报价 ¥${fenToYuanString(dto.priceFen)}：${dto.terms}\n\n${user.name} offered ¥${fenToYuanString(dto.priceFen)}.`,
        dealId,
      });
      return this.offerDto(saved, user.name);
    });
  }

  /**
   * The other side answers. Accepting sets the deal's agreed price (which the public notice shows);
   * only parties answer, never the side that proposed, and brokers do not accept for a party.
   */
  async answer(dealId: string, offerId: string, accept: boolean, dto: AnswerOfferDto, user: AuthUser): Promise<DealOfferDto> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, participants, side } = await this.access.lock(manager, dealId, user);
      const offer = await manager.findOneBy(DealOfferEntity, { id: offerId, dealId });
      if (!offer) throw DomainException.notFound(ErrorCode.OFFER_NOT_FOUND);
      if (offer.status !== OfferStatus.PROPOSED) throw new DomainException(ErrorCode.OFFER_ALREADY_ANSWERED, HttpStatus.CONFLICT, [], { status: offer.status });
      if (side === DealSide.BROKER) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
      if (side === offer.side) throw new DomainException(ErrorCode.OFFER_OWN, HttpStatus.CONFLICT);
      if (!isOpen(deal.stage)) throw new DomainException(ErrorCode.DEAL_NOT_OPEN, HttpStatus.CONFLICT);
      offer.status = accept ? OfferStatus.ACCEPTED : OfferStatus.DECLINED;
      offer.answeredById = user.id;
      offer.answeredAt = new Date();
      offer.answerNote = dto.note ?? null;
      const saved = await manager.save(offer);
      if (accept) {
        const priceBefore = deal.agreedPriceFen;
        deal.agreedPriceFen = offer.priceFen;
        const savedDeal = await manager.save(deal);
        await recordDealEvent(manager, savedDeal, user.id, 'OFFER_ACCEPTED', `¥${fenToYuanString(offer.priceFen)} ${offer.terms}`);
        await recordAudit(manager, { action: AuditAction.DEAL_PRICE_AGREED, actorId: user.id, ...dealSubject(savedDeal), changes: { agreedPriceFen: { from: priceBefore, to: offer.priceFen } }, details: { note: offer.terms } });
      }
      await this.notifications.notify(manager, participants.map((p) => p.userId).filter((id) => id !== user.id), {
        kind: NotificationKind.DEAL_OFFER,
        titleZh: `报价已${accept ? '接受' : '拒绝'}：「${deal.title}」`,
        titleEn: `Offer ${accept ? 'accepted' : 'declined'} in "${deal.title}"`,
        body: `${user.name}${accept ? '接受' : '拒绝'}了 ¥${fenToYuanString(offer.priceFen)} 的报价。${dto.note ? `\n${dto.note}` : ''}`,
        dealId,
      });
      const names = await this.names([saved.proposedById], manager);
      return this.offerDto(saved, names.get(saved.proposedById) ?? '');
    });
  }

  private offerDto(o: DealOfferEntity, name: string): DealOfferDto {
    return {
      id: o.id, proposedById: o.proposedById, proposedByName: name, side: o.side, priceFen: o.priceFen, terms: o.terms, status: o.status,
      answeredById: o.answeredById, answeredAt: o.answeredAt?.toISOString() ?? null, answerNote: o.answerNote, createdAt: o.createdAt.toISOString(),
    };
  }

  private async names(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    return new Map((await userNames(manager, ids)).map((u) => [u.id, u.name]));
  }
}

/**
 * The side a message is shown under: the author's side as a participant, else the side their role
 * stands for. Never BROKER for someone who is not a broker (messages written before only participants
 * could post would otherwise pass as the broker's).
 */
function authorSide(authorId: string, role: Role | undefined, participants: readonly { userId: string; side: DealSide }[]): DealSide {
  const own = participants.find((p) => p.userId === authorId);
  if (own) return own.side;
  if (role === Role.ENTERPRISE) return DealSide.ENTERPRISE;
  if (role === Role.RESEARCHER) return DealSide.INSTITUTION;
  return DealSide.BROKER;
}
