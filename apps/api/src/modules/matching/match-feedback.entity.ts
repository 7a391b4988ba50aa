import { DeclineReason, MatchVerdict } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A verdict on a suggested need–result pair; the latest one per pair counts. Append-only. */
@Entity({ name: 'match_feedback' })
@Index('ix_match_feedback_pair', ['needId', 'resultId', 'createdAt'])
export class MatchFeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'need_id', type: 'uuid' })
  needId!: string;

  @Column({ name: 'result_id', type: 'uuid' })
  resultId!: string;

  @Column({ type: 'varchar', length: 10 })
  verdict!: MatchVerdict;

  @Column({ type: 'varchar', length: 30, nullable: true })
  reason!: DeclineReason | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** ALGORITHM, BROKER, OWNER or INTRODUCTION (a counterpart's decline). */
  @Column({ type: 'varchar', length: 20 })
  source!: string;
}
