import { DealSide } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@xkx/api/modules/users/user.entity';
import { DealEntity } from './deal.entity';

/** A person in a deal: a researcher or enterprise contact a broker let in, or a broker carrying it. */
@Entity({ name: 'deal_participant' })
@Index('uq_deal_participant', ['dealId', 'userId'], { unique: true })
@Index('ix_deal_participant_user', ['userId'])
// The KPI ledger's lead broker of a deal: its first BROKER participant, read from the index alone.
@Index('ix_deal_participant_side', ['dealId', 'side', 'createdAt', 'userId'])
export class DealParticipantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId!: string;

  @ManyToOne(() => DealEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id', foreignKeyConstraintName: 'fk_deal_participant_deal' })
  deal?: DealEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_deal_participant_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  side!: DealSide;

  @Column({ name: 'added_by_id', type: 'uuid', nullable: true })
  addedById!: string | null;
}
