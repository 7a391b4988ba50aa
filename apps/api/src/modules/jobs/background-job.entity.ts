import type { JobState } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * The record of one background job, in both ways to run: what the admin page lists and retries. Without
 * REDIS_URL it is also the queue (claimed with FOR UPDATE SKIP LOCKED, held by a lease); with REDIS_URL
 * BullMQ is the queue and the worker writes each attempt's outcome here. A scheduled job has one record
 * per schedule (key `schedule:<name>`), updated on each run.
 */
@Entity({ name: 'background_job' })
@Index('ux_background_job_key', ['key'], { unique: true })
@Index('ix_background_job_state_run_after', ['state', 'runAfter'])
@Index('ix_background_job_created_at', ['createdAt'])
export class BackgroundJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** The handler's name. */
  @Column({ type: 'varchar', length: 60 })
  name!: string;

  /** Idempotency key: enqueueing the same key again returns the job already there. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  key!: string | null;

  @Column({ type: 'boolean', default: false })
  scheduled!: boolean;

  @Column({ type: 'varchar', length: 10 })
  state!: JobState;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'max_attempts', type: 'int' })
  maxAttempts!: number;

  /** The first retry waits this long, each next one twice as long. */
  @Column({ name: 'backoff_ms', type: 'int' })
  backoffMs!: number;

  @Column({ type: 'text', nullable: true })
  failure!: string | null;

  /** With REDIS_URL: handed to BullMQ (a job enqueued inside a transaction is handed over after it). */
  @Column({ type: 'boolean', default: false })
  dispatched!: boolean;

  /** Without REDIS_URL: the instance running it holds it until then (renewed while it runs). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  /** A scheduled job's last period (epoch ms / period): claimed once across instances. */
  @Column({ type: 'bigint', nullable: true })
  slot!: string | null;

  @Column({ name: 'run_after', type: 'timestamptz', default: () => 'now()' })
  runAfter!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
