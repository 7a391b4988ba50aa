import { DealStage } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The deal's timeline: every stage move and notable step, with actor, time and note. Append-only. */
@Entity({ name: 'deal_event' })
@Index('ix_deal_event_deal', ['dealId', 'createdAt'])
export class DealEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId!: string;

  /** The deal's version after the step. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** CREATED, STAGE, NEXT_ACTION, PARTICIPANT_ADDED, NDA_ACCEPTED, OFFER_ACCEPTED, NOTICE_OVERRIDE, UPDATED … */
  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ name: 'from_stage', type: 'varchar', length: 20, nullable: true })
  fromStage!: DealStage | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 20, nullable: true })
  toStage!: DealStage | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
