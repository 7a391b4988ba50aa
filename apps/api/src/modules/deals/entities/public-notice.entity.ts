import { ObjectionDecision, PricingMethod } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintFen } from '../../../database/transformers';
import { DealEntity } from './deal.entity';

/**
 * 公示: title, intended price and parties of a result priced by agreement, public for 15 calendar days
 * (Asia/Shanghai), starting on startsOn and ending after endsOn.
 */
@Entity({ name: 'public_notice' })
@Index('ix_public_notice_deal', ['dealId'])
@Index('ix_public_notice_ends_on', ['endsOn'])
export class PublicNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId!: string;

  @ManyToOne(() => DealEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id', foreignKeyConstraintName: 'fk_public_notice_deal' })
  deal?: DealEntity;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'intended_price_fen', type: 'bigint', transformer: bigintFen })
  intendedPriceFen!: number;

  @Column({ name: 'institution_name', type: 'varchar', length: 200 })
  institutionName!: string;

  @Column({ name: 'enterprise_name', type: 'varchar', length: 200 })
  enterpriseName!: string;

  @Column({ name: 'transfer_mode', type: 'varchar', length: 100, nullable: true })
  transferMode!: string | null;

  /** 协议定价 / 挂牌交易 / 拍卖, as the deal had it when the notice opened. */
  @Column({ name: 'pricing_method', type: 'varchar', length: 20, nullable: true })
  pricingMethod!: PricingMethod | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  /** Last day of the notice, inclusive. */
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  /** Set when the deal went back to negotiation or was lost: the notice no longer counts. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;
}

/** An objection (异议) filed against a public notice, by anyone. */
@Entity({ name: 'public_notice_objection' })
@Index('ix_public_notice_objection_notice', ['noticeId', 'createdAt'])
export class PublicNoticeObjectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId!: string;

  @ManyToOne(() => PublicNoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'fk_public_notice_objection_notice' })
  notice?: PublicNoticeEntity;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  contact!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  /** The broker's answer; the notice is not over while any objection has none. */
  @Column({ name: 'answer', type: 'text', nullable: true })
  answer!: string | null;

  @Column({ name: 'decision', type: 'varchar', length: 20, nullable: true })
  decision!: ObjectionDecision | null;

  @Column({ name: 'answered_by_id', type: 'uuid', nullable: true })
  answeredById!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
