import { Injectable } from '@nestjs/common';
import { AuditAction, DEAL_STAGE_LABELS, DealSide, DealStage, NotificationKind, Role } from '@xkx/contracts';
import { shanghaiDate, sumFen } from '@xkx/util';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { DealAccessService } from './deal-access.service';
import { DEAL_SIDE_WORDS, recordDealEvent } from './deal-events';
import { chainIssue, noticeFacts } from './chain-rules';
import { checkMove, MoveContext } from './deal-guards';
import { allowedTargets } from './deal-workflow';
import { DealTransitionResultDto } from './dto/deal-response.dto';
import { TransitionDealDto } from './dto/deal-write.dto';
import { DealParticipantEntity } from './entities/deal-participant.entity';
import { DealContracts } from './deal-contracts.port';
import { DealEntity } from './entities/deal.entity';
import { NdaAcceptanceEntity } from './entities/nda.entity';
import { PublicNoticesService } from './public-notices.service';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { dealSubject } from '@xkx/api/modules/audit/audit-subjects';

export interface MoveInput {
  to: DealStage;
  note?: string | null;
  overrideReason?: string | null;
  /** Required from the API; system moves (an introduction answered) pass the version they locked. */
  version?: number;
}

/**
 * Stage moves: lock the deal row, check the version, gather the guard context, ask the pure state
 * machine and guards, then write the move, its timeline entry, side effects (public notice opened or
 * withdrawn) and notifications in one transaction.
 */
@Injectable()
export class DealTransitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
    private readonly notices: PublicNoticesService,
    private readonly notifications: NotificationsService,
    private readonly dealContracts: DealContracts,
  ) {}

  move(id: string, dto: TransitionDealDto, user: AuthUser): Promise<DealTransitionResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const { deal, participants } = await this.access.lock(manager, id, user, dto.version);
      return this.apply(manager, deal, participants, dto, user);
    });
  }

  /**
   * One move on a deal already locked by the caller's transaction. `user` null: the platform itself (a
   * scheduled job), recorded with no actor.
   */
  async apply(manager: EntityManager, deal: DealEntity, participants: DealParticipantEntity[], input: MoveInput, user: AuthUser | null): Promise<DealTransitionResultDto> {
    const from = deal.stage;
    const note = input.note?.trim() || null;
    const verdict = checkMove(await this.context(manager, deal, participants, input, user));
    if (!verdict.allowed) {
      const { code, status, field } = verdict.refusal;
      throw new DomainException(code, status, field ? [{ field: field.name, constraint: field.constraint, args: [] }] : [], { stage: from, to: input.to, allowedStages: allowedTargets(from) });
    }
    deal.stage = input.to;
    deal.stageChangedAt = new Date();
    if (input.to === 'LOST') {
      deal.lostReason = note;
      deal.lostFromStage = from;
    }
    if (verdict.overrideUsed && user) {
      deal.noticeOverrideReason = input.overrideReason?.trim() ?? null;
      deal.noticeOverrideById = user.id;
    }
    // A side's pending 不合适 (deal-closure.service.ts) is about the stage it was given in: any move settles it.
    deal.lostProposedAt = null;
    deal.lostProposedById = null;
    deal.lostProposalReason = null;
    const saved = await manager.save(deal);
    // A deal opened by an enterprise's or researcher's own request has no broker yet: the first broker who
    // moves it takes it on (so it shows under his name on the board and in the KPI ledger).
    if (user?.role === Role.BROKER && !participants.some((p) => p.side === DealSide.BROKER)) {
      await manager.insert(DealParticipantEntity, { dealId: saved.id, userId: user.id, side: DealSide.BROKER, addedById: user.id });
      participants.push(manager.create(DealParticipantEntity, { dealId: saved.id, userId: user.id, side: DealSide.BROKER }));
      await recordDealEvent(manager, saved, user.id, 'PARTICIPANT_ADDED', `${user.name}（${DEAL_SIDE_WORDS.BROKER}）`);
    }
    if (input.to === 'PUBLIC_NOTICE') {
      if (!user) throw new Error('only a person opens a public notice');
      await this.notices.open(manager, saved, user);
    }
    if (from === 'PUBLIC_NOTICE' && input.to !== 'CONTRACT_SIGNED') await this.notices.withdraw(manager, saved.id);
    const actorId = user?.id ?? null;
    const actorName = user?.name ?? '霞科行平台';
    await recordDealEvent(manager, saved, actorId, 'STAGE', note, from, input.to);
    await recordAudit(manager, { action: AuditAction.DEAL_STAGE_CHANGED, actorId, ...dealSubject(saved), changes: { stage: { from, to: input.to } }, details: { note, overrideReason: verdict.overrideUsed ? saved.noticeOverrideReason : null } });
    if (verdict.overrideUsed) await recordDealEvent(manager, saved, actorId, 'NOTICE_OVERRIDE', saved.noticeOverrideReason);
    const from_ = DEAL_STAGE_LABELS[from];
    const to = DEAL_STAGE_LABELS[input.to];
    await this.notifications.notify(manager, participants.map((p) => p.userId).filter((uid) => uid !== actorId), {
      kind: NotificationKind.DEAL_STAGE_CHANGED,
      titleZh: `撮合项目「${saved.title}」进入「${to['zh-CN']}」`,
      titleEn: `Deal "${saved.title}" moved to ${to.en}`,
      body: `${actorName} 将撮合项目「${saved.title}」（${saved.code}）从「${from_['zh-CN']}」移到「${to['zh-CN']}」。${note ? `\n备注：${note}` : ''}\n\n${user?.name ?? 'Xiakexing'} moved the deal from ${from_.en} to ${to.en}.`,
      dealId: saved.id,
    });
    return { stage: saved.stage, version: saved.version, overrideUsed: verdict.overrideUsed };
  }

  private async context(manager: EntityManager, deal: DealEntity, participants: DealParticipantEntity[], input: MoveInput, user: AuthUser | null): Promise<MoveContext> {
    const contracts = await this.dealContracts.ofDeal(manager, deal.id);
    const noticeOf = await noticeFacts(manager, deal);
    // Registered and paid count only contracts whose chain holds (chain-rules.ts): a row written behind the
    // gates cannot carry the deal forward.
    const sound = contracts.filter((c) => !chainIssue({ ...c, deal: { stage: deal.stage, lostFromStage: deal.lostFromStage, notice: noticeOf } }));
    const parties = participants.filter((p) => p.side !== DealSide.BROKER).map((p) => p.userId);
    const accepted = parties.length ? await manager.find(NdaAcceptanceEntity, { where: { dealId: deal.id, userId: In(parties) }, select: ['userId'] }) : [];
    return {
      from: deal.stage,
      to: input.to,
      note: input.note ?? null,
      overrideReason: input.overrideReason ?? null,
      actorIsAdmin: user?.role === Role.ADMIN,
      contractCount: contracts.length,
      registeredContractCount: sound.filter((c) => c.registrationStatus === 'REGISTERED').length,
      receivedFen: sumFen(sound.map((c) => c.receivedFen)),
      noticeRequired: noticeOf.required,
      notice: noticeOf.notice,
      overrideRecorded: noticeOf.overrideRecorded,
      earliestSignedOn: contracts.map((c) => c.signedOn).sort()[0] ?? null,
      today: shanghaiDate(),
      // A side with nobody in the deal has nobody's signature: it counts as one party still to sign.
      partiesWithoutNda:
        parties.filter((uid) => !accepted.some((a) => a.userId === uid)).length +
        [DealSide.INSTITUTION, DealSide.ENTERPRISE].filter((side) => !participants.some((p) => p.side === side)).length,
      intendedPriceFen: deal.agreedPriceFen,
    };
  }
}

