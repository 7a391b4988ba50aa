import { DealStage, IntroductionOrigin, PeopleContractType, PricingMethod } from '@xkx/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ExpertEntity } from '@xkx/api/modules/experts/entities/expert.entity';
import { LaboratoryEntity } from '@xkx/api/modules/experts/entities/laboratory.entity';
import { BaseEntity } from '../../../common/entities/base.entity';
import { bigintFen } from '../../../database/transformers';
import { OrganizationEntity } from '@xkx/api/modules/organizations/organization.entity';

/** A 撮合项目: one institution, one enterprise, the listings between them, and the brokers who carry it. */
@Entity({ name: 'deal' })
@Index('uq_deal_code', ['code'], { unique: true })
@Index('ix_deal_stage_next_action_due', ['stage', 'nextActionDue'])
@Index('ix_deal_institution', ['institutionOrgId'])
@Index('ix_deal_enterprise', ['enterpriseOrgId'])
@Index('ix_deal_result', ['resultId'])
@Index('ix_deal_need', ['needId'])
@Index('ix_deal_lost_proposed_at', ['lostProposedAt'])
@Index('ix_deal_expert', ['expertId'])
@Index('ix_deal_laboratory', ['laboratoryId'])
export class DealEntity extends BaseEntity {
  /** Issue 16: started from an expert or a laboratory instead of a listing's side (both null otherwise). */
  @Column({ name: 'expert_id', type: 'uuid', nullable: true })
  expertId!: string | null;

  @ManyToOne(() => ExpertEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'expert_id', foreignKeyConstraintName: 'fk_deal_expert' })
  expert?: ExpertEntity | null;

  @Column({ name: 'laboratory_id', type: 'uuid', nullable: true })
  laboratoryId!: string | null;

  @ManyToOne(() => LaboratoryEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'laboratory_id', foreignKeyConstraintName: 'fk_deal_laboratory' })
  laboratory?: LaboratoryEntity | null;

  /** 技术开发, 技术咨询 or 技术服务: the contract an introduction to an expert or a laboratory is heading for. */
  @Column({ name: 'contract_type', type: 'varchar', length: 20, nullable: true })
  contractType!: PeopleContractType | null;

  /** Human-readable code, e.g. D2026-000042. */
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 20 })
  stage!: DealStage;

  @Column({ name: 'stage_changed_at', type: 'timestamptz' })
  stageChangedAt!: Date;

  @Column({ name: 'institution_org_id', type: 'uuid' })
  institutionOrgId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_org_id', foreignKeyConstraintName: 'fk_deal_institution' })
  institution?: OrganizationEntity;

  @Column({ name: 'enterprise_org_id', type: 'uuid' })
  enterpriseOrgId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_org_id', foreignKeyConstraintName: 'fk_deal_enterprise' })
  enterprise?: OrganizationEntity;

  @Column({ name: 'result_id', type: 'uuid', nullable: true })
  resultId!: string | null;

  @Column({ name: 'need_id', type: 'uuid', nullable: true })
  needId!: string | null;

  @Column({ name: 'introduction_id', type: 'uuid', nullable: true })
  introductionId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  origin!: IntroductionOrigin;

  /** The matching engine's score when a broker opened it from a match. Not money: a float is fine. */
  @Column({ name: 'match_score', type: 'double precision', nullable: true })
  matchScore!: number | null;

  /** Technology fields of the listings, copied for board filters. */
  @Column({ name: 'field_codes', type: 'text', array: true, default: () => "'{}'" })
  fieldCodes!: string[];

  @Column({ name: 'pricing_method', type: 'varchar', length: 20, nullable: true })
  pricingMethod!: PricingMethod | null;

  /** The price of the accepted offer (or set by a broker), in fen. */
  @Column({ name: 'agreed_price_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  agreedPriceFen!: number | null;

  @Column({ name: 'next_action', type: 'varchar', length: 300, nullable: true })
  nextAction!: string | null;

  @Column({ name: 'next_action_due', type: 'date', nullable: true })
  nextActionDue!: string | null;

  @Column({ name: 'lost_reason', type: 'text', nullable: true })
  lostReason!: string | null;

  @Column({ name: 'lost_from_stage', type: 'varchar', length: 20, nullable: true })
  lostFromStage!: DealStage | null;

  /**
   * A side answered 不合适 on the deal's introduction (deal-closure.service.ts): the stage stays until the
   * broker confirms 未成交 or keeps going, or the scheduled job closes it after XKX_DECLINE_AUTO_CLOSE_DAYS.
   * All three are null when nothing is pending; any stage move clears them.
   */
  @Column({ name: 'lost_proposed_at', type: 'timestamptz', nullable: true })
  lostProposedAt!: Date | null;

  @Column({ name: 'lost_proposed_by_id', type: 'uuid', nullable: true })
  lostProposedById!: string | null;

  @Column({ name: 'lost_proposal_reason', type: 'text', nullable: true })
  lostProposalReason!: string | null;

  /** Why an administrator let the contract be signed before the public notice ended. */
  @Column({ name: 'notice_override_reason', type: 'text', nullable: true })
  noticeOverrideReason!: string | null;

  @Column({ name: 'notice_override_by_id', type: 'uuid', nullable: true })
  noticeOverrideById!: string | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;
}
