import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One rate-limit window (PostgreSQL storage): hits so far, when the window ends, and any block. */
@Entity({ name: 'rate_limit_counter' })
@Index('ix_rate_limit_counter_expires', ['expiresAt'])
export class RateLimitCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  key!: string;

  @Column({ type: 'integer' })
  hits!: number;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
