import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DECLINE_REASON_LABELS, DealSide, ErrorCode, NotificationKind, Role } from '@xkx/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { AppConfig } from '../../config/app-config';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { activeBrokerIds, userNames } from '@xkx/api/modules/users/user-reader';
import { DealAccessService, managesDeals } from './deal-access.service';
import { DEAL_SIDE_WORDS, recordDealEvent } from './deal-events';
import { DealTransitionsService } from './deal-transitions.service';
import { canMove } from './deal-workflow';
import { DealClosureDto, DecideClosureDto } from './dto/deal-closure.dto';
import { DealTransitionResultDto } from './dto/deal-response.dto';
import { DealParticipantEntity } from './entities/deal-participant.entity';
import { DealEntity } from './entities/deal.entity';
import { IntroductionEntity } from './entities/introduction.entity';

const DAY_MS = 24 * 3600 * 1000;
const MAX_BROKERS_NOTIFIED = 50;
/** Deals closed per pass; the next pass takes the rest. */
const PASS_LIMIT = 200;
/** pg_try_advisory_xact_lock key of the auto-close pass: one instance runs it at a time. */
export const DECLINE_CLOSE_LOCK_KEY = '7305281966117002';


/** The deal's brokers decide; with none on the deal, any broker; administrators always. */
export function mayDecideClosure(user: AuthUser, participants: readonly Pick<DealParticipantEntity, 'userId' | 'side'>[]): boolean {
  if (user.role === Role.ADMIN) return true;
  const brokers = participants.filter((p) => p.side === DealSide.BROKER);
  if (brokers.some((p) => p.userId === user.id)) return true;
  return brokers.length === 0 && managesDeals(user);
}

/**
 * 不合适 on an introduction (issue 12). The side's answer closes their side only: the deal keeps its stage
 * with a pending closure (deal.lost_proposed_*) and its broker is told. The broker confirms 未成交 (a LOST
 * move through the transitions service, audited) or keeps going (the proposal is cleared, on the
 * timeline). Nobody deciding within XKX_DECLINE_AUTO_CLOSE_DAYS, the scheduled pass closes it.
 */
@Injectable()
export class DealClosureService {
  private readonly logger = new Logger(DealClosureService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
    private readonly transitions: DealTransitionsService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  /** A decline on a deal still waiting for the answer; the deal is locked by the caller's transaction. */
  async propose(manager: EntityManager, deal: DealEntity, participants: DealParticipantEntity[], intro: IntroductionEntity, user: AuthUser): Promise<void> {
    const label = intro.declineReason ? DECLINE_REASON_LABELS[intro.declineReason] : null;
    const reason = `${label?.['zh-CN'] ?? '未说明原因'}${intro.answerNote ? `。${intro.answerNote}` : ''}`;
    deal.lostProposedAt = new Date();
    deal.lostProposedById = user.id;
    deal.lostProposalReason = reason;
    const saved = await manager.save(deal);
    const side = participants.find((p) => p.userId === user.id)?.side ?? (managesDeals(user) ? DealSide.BROKER : intro.targetKind === 'NEED' ? DealSide.ENTERPRISE : DealSide.INSTITUTION);
    await recordDealEvent(manager, saved, user.id, 'CLOSURE_PROPOSED', `${user.name}（${DEAL_SIDE_WORDS[side]}）表示不合适：${reason}。等待技术经理人确认未成交或继续撮合。`);
    const days = this.config.XKX_DECLINE_AUTO_CLOSE_DAYS;
    await this.notifications.notify(manager, (await this.brokersOf(manager, participants)).filter((id) => id !== user.id), {
      kind: NotificationKind.DEAL_CLOSURE_PROPOSED,
      titleZh: `对方表示不合适：「${saved.title}」`,
      titleEn: `Not a fit: "${saved.title}"`,
      body:
        `${user.name} 对撮合项目「${saved.title}」（${saved.code}）表示不合适：${reason}。\n` +
        `请在项目页确认未成交或继续撮合；${days} 天内无人处理，项目将自动关闭为未成交。\n\n` +
        `${user.name} answered “not a fit” (${label?.en ?? 'no reason given'}). Confirm the deal as lost or keep going on the deal page; ` +
        `with no decision it closes as lost after ${days} days.`,
      dealId: saved.id,
    });
  }

  async state(id: string, user: AuthUser): Promise<DealClosureDto> {
    const { deal, participants } = await this.access.load(id, user);
    if (!deal.lostProposedAt) return { proposed: false, reason: null, proposedAt: null, proposedBy: null, autoCloseAt: null, canDecide: false };
    const [by] = deal.lostProposedById ? await userNames(this.dataSource.manager, [deal.lostProposedById]) : [];
    return {
      proposed: true,
      reason: deal.lostProposalReason,
      proposedAt: deal.lostProposedAt.toISOString(),
      proposedBy: by ? { id: by.id, name: by.name } : null,
      autoCloseAt: new Date(deal.lostProposedAt.getTime() + this.config.XKX_DECLINE_AUTO_CLOSE_DAYS * DAY_MS).toISOString(),
      canDecide: mayDecideClosure(user, participants),
    };
  }

  /** The broker agrees: 未成交, through the state machine (audited, everyone told). */
  confirm(id: string, dto: DecideClosureDto, user: AuthUser): Promise<DealTransitionResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, participants } = await this.decidable(manager, id, dto, user);
      const note = `对方表示不合适：${deal.lostProposalReason ?? ''}。${user.name}确认未成交${dto.note ? `：${dto.note}` : '。'}`;
      return this.transitions.apply(manager, deal, participants, { to: 'LOST', note }, user);
    });
  }

  /** The broker keeps going: the proposal is cleared, the stage stays, the timeline says so. */
  keep(id: string, dto: DecideClosureDto, user: AuthUser): Promise<DealTransitionResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const { deal } = await this.decidable(manager, id, dto, user);
      deal.lostProposedAt = null;
      deal.lostProposedById = null;
      deal.lostProposalReason = null;
      const saved = await manager.save(deal);
      await recordDealEvent(manager, saved, user.id, 'CLOSURE_WITHDRAWN', `${user.name}决定继续撮合${dto.note ? `：${dto.note}` : '。'}`);
      return { stage: saved.stage, version: saved.version, overrideUsed: false };
    });
  }

  /**
   * The scheduled pass: closes every deal whose proposal is older than XKX_DECLINE_AUTO_CLOSE_DAYS. One
   * transaction under a transaction-level advisory lock, so concurrent passes (two instances, or two
   * triggers) do not both act: the second finds the lock taken and returns 0, or, once the first
   * committed, finds nothing left. Each deal row is locked too, against a broker deciding at the same time.
   */
  async closeOverdue(now = new Date()): Promise<number> {
    const days = this.config.XKX_DECLINE_AUTO_CLOSE_DAYS;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [DECLINE_CLOSE_LOCK_KEY]);
      if (!lock?.locked) return 0;
      const deals = await manager
        .createQueryBuilder(DealEntity, 'd')
        .setLock('pessimistic_write')
        .where('d.lost_proposed_at <= :cutoff', { cutoff })
        .orderBy('d.lost_proposed_at', 'ASC')
        .limit(PASS_LIMIT)
        .getMany();
      let closed = 0;
      for (const deal of deals) {
        const participants = await this.access.participants(manager, deal.id);
        if (!canMove(deal.stage, 'LOST')) {
          // Closed some other way meanwhile: nothing to decide any more.
          await manager.update(DealEntity, deal.id, { lostProposedAt: null, lostProposedById: null, lostProposalReason: null });
          continue;
        }
        const note = `对方表示不合适：${deal.lostProposalReason ?? ''}。超过${days}天经理人未处理，自动关闭。`;
        await this.transitions.apply(manager, deal, participants, { to: 'LOST', note }, null);
        closed += 1;
      }
      if (closed) this.logger.log(`closed ${closed} declined deal(s) after ${days} days without a broker's decision`);
      return closed;
    });
  }

  private async decidable(manager: EntityManager, id: string, dto: DecideClosureDto, user: AuthUser): Promise<{ deal: DealEntity; participants: DealParticipantEntity[] }> {
    const { deal, participants } = await this.access.lock(manager, id, user, dto.version);
    if (!mayDecideClosure(user, participants)) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
    if (!deal.lostProposedAt) throw new DomainException(ErrorCode.DEAL_CLOSURE_NOT_PROPOSED, HttpStatus.CONFLICT, [], { stage: deal.stage });
    return { deal, participants };
  }

  /** The deal's brokers; a deal nobody brokers yet tells the brokers' pool, as a new request does. */
  private async brokersOf(manager: EntityManager, participants: readonly DealParticipantEntity[]): Promise<string[]> {
    const own = participants.filter((p) => p.side === DealSide.BROKER).map((p) => p.userId);
    if (own.length) return own;
    return activeBrokerIds(manager, MAX_BROKERS_NOTIFIED);
  }
}
