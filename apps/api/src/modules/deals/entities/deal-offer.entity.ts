import { DealSide, OfferStatus } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintFen } from '../../../database/transformers';
import { DealEntity } from './deal.entity';

/** A price and terms proposed during negotiation, and what the other side answered. */
@Entity({ name: 'deal_offer' })
@Index('ix_deal_offer_deal', ['dealId', 'createdAt'])
export class DealOfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId!: string;

  @ManyToOne(() => DealEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id', foreignKeyConstraintName: 'fk_deal_offer_deal' })
  deal?: DealEntity;

  @Column({ name: 'proposed_by_id', type: 'uuid' })
  proposedById!: string;

  @Column({ type: 'varchar', length: 20 })
  side!: DealSide;

  @Column({ name: 'price_fen', type: 'bigint', transformer: bigintFen })
  priceFen!: number;

  @Column({ type: 'text' })
  terms!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: OfferStatus;

  @Column({ name: 'answered_by_id', type: 'uuid', nullable: true })
  answeredById!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'answer_note', type: 'text', nullable: true })
  answerNote!: string | null;
}
