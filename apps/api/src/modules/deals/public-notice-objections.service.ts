import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, ErrorCode, OBJECTION_DECISION_LABELS } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { dealSubject } from '@xkx/api/modules/audit/audit-subjects';
import { DealAccessService } from './deal-access.service';
import { recordDealEvent } from './deal-events';
import { DealTransitionsService } from './deal-transitions.service';
import { AnswerObjectionDto, ObjectionDto } from './dto/public-notice.dto';
import { PublicNoticeEntity, PublicNoticeObjectionEntity } from './entities/public-notice.entity';
import { toObjectionDto } from './public-notices.service';

/**
 * The broker's answer to an objection (异议). The notice counts as over only once every objection has one
 * (chain-rules.ts). Upheld: the deal goes back to negotiation through the one stage-move path, which
 * withdraws the notice (new terms need a new notice), writes the timeline and notifies the participants.
 */
@Injectable()
export class PublicNoticeObjectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
    private readonly transitions: DealTransitionsService,
  ) {}

  answer(noticeId: string, objectionId: string, dto: AnswerObjectionDto, user: AuthUser): Promise<ObjectionDto> {
    return this.dataSource.transaction(async (manager) => {
      const notice = await manager.findOneBy(PublicNoticeEntity, { id: noticeId });
      if (!notice) throw DomainException.notFound(ErrorCode.PUBLIC_NOTICE_NOT_FOUND);
      // The deal row lock serializes two answers to the same objection (and any stage move meanwhile).
      const { deal, participants } = await this.access.lock(manager, notice.dealId, user);
      const objection = await manager.findOneBy(PublicNoticeObjectionEntity, { id: objectionId, noticeId });
      if (!objection) throw DomainException.notFound(ErrorCode.OBJECTION_NOT_FOUND);
      if (objection.answeredAt) throw new DomainException(ErrorCode.OBJECTION_ALREADY_ANSWERED, HttpStatus.CONFLICT);

      const label = OBJECTION_DECISION_LABELS[dto.decision]['zh-CN'];
      // Upheld against the running notice: back to negotiation (refused with 409 if the deal is past it).
      if (dto.decision === 'UPHELD' && notice.withdrawnAt === null) {
        await this.transitions.apply(manager, deal, participants, { to: 'NEGOTIATING', note: `${label}（异议人：${objection.name}），公示撤回，重新议价：${dto.answer}` }, user);
      }
      objection.decision = dto.decision;
      objection.answer = dto.answer;
      objection.answeredById = user.id;
      objection.answeredAt = new Date();
      const saved = await manager.save(objection);
      await recordDealEvent(manager, deal, user.id, 'OBJECTION_ANSWERED', `${label}（异议人：${objection.name}）：${dto.answer}`);
      await recordAudit(manager, {
        action: AuditAction.OBJECTION_ANSWERED,
        actorId: user.id,
        ...dealSubject(deal),
        details: { objector: objection.name, objectionDecision: dto.decision, answer: dto.answer },
      });
      return toObjectionDto(saved, user.name);
    });
  }
}
