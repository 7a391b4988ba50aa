import { DeclineReason, IntroductionOrigin, IntroductionStatus, IntroductionTargetKind, PeopleContractType } from '@xkx/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ExpertEntity } from '@xkx/api/modules/experts/entities/expert.entity';
import { LaboratoryEntity } from '@xkx/api/modules/experts/entities/laboratory.entity';
import { BaseEntity } from '../../../common/entities/base.entity';

/**
 * An introduction (对接) request: someone asks to be put in touch with the people behind a listing
 * (the target). It lands in the brokers' queue, opens a deal, and the target's side answers.
 */
@Entity({ name: 'introduction' })
@Index('ix_introduction_status_created_at', ['status', 'createdAt'])
@Index('ix_introduction_requester', ['requesterId'])
@Index('ix_introduction_result', ['resultId'])
@Index('ix_introduction_need', ['needId'])
@Index('ix_introduction_expert', ['expertId'])
@Index('ix_introduction_laboratory', ['laboratoryId'])
@Check(
  'ck_introduction_target',
  `("target_kind" IN ('RESULT', 'NEED') AND "expert_id" IS NULL AND "laboratory_id" IS NULL) OR ("target_kind" = 'EXPERT' AND "expert_id" IS NOT NULL AND "laboratory_id" IS NULL) OR ("target_kind" = 'LABORATORY' AND "laboratory_id" IS NOT NULL AND "expert_id" IS NULL)`,
)
export class IntroductionEntity extends BaseEntity {
  /** Issue 16: started from an expert or a laboratory instead of a listing's side (both null otherwise). */
  @Column({ name: 'expert_id', type: 'uuid', nullable: true })
  expertId!: string | null;

  @ManyToOne(() => ExpertEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'expert_id', foreignKeyConstraintName: 'fk_introduction_expert' })
  expert?: ExpertEntity | null;

  @Column({ name: 'laboratory_id', type: 'uuid', nullable: true })
  laboratoryId!: string | null;

  @ManyToOne(() => LaboratoryEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'laboratory_id', foreignKeyConstraintName: 'fk_introduction_laboratory' })
  laboratory?: LaboratoryEntity | null;

  /** 技术开发, 技术咨询 or 技术服务: the contract an introduction to an expert or a laboratory is heading for. */
  @Column({ name: 'contract_type', type: 'varchar', length: 20, nullable: true })
  contractType!: PeopleContractType | null;

  @Column({ type: 'varchar', length: 20 })
  origin!: IntroductionOrigin;

  @Column({ type: 'varchar', length: 20 })
  status!: IntroductionStatus;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId!: string;

  /** Whose side is asked: a listing's (RESULT, NEED), an expert's or a laboratory's (issue 16). */
  @Column({ name: 'target_kind', type: 'varchar', length: 10 })
  targetKind!: IntroductionTargetKind;

  @Column({ name: 'result_id', type: 'uuid', nullable: true })
  resultId!: string | null;

  @Column({ name: 'need_id', type: 'uuid', nullable: true })
  needId!: string | null;

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'match_score', type: 'double precision', nullable: true })
  matchScore!: number | null;

  @Column({ name: 'decline_reason', type: 'varchar', length: 30, nullable: true })
  declineReason!: DeclineReason | null;

  @Column({ name: 'answer_note', type: 'text', nullable: true })
  answerNote!: string | null;

  @Column({ name: 'answered_by_id', type: 'uuid', nullable: true })
  answeredById!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'deal_id', type: 'uuid', nullable: true })
  dealId!: string | null;
}
