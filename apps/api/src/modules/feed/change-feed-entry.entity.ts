import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row of the change feed: written in the same transaction as the change it announces, so a write and
 * its event commit together or not at all. `position` only grows, and writers take one advisory lock
 * before appending (ChangeFeed.append), so rows become visible in position order.
 */
@Entity({ name: 'change_feed' })
@Index('ix_change_feed_topic_position', ['topic', 'position'])
export class ChangeFeedEntryEntity {
  /** int8 read as a string by both drivers (raw SQL reads it with ::text). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  position!: string;

  @Column({ type: 'varchar', length: 40 })
  topic!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
