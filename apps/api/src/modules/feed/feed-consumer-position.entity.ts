import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { feedPosition } from './feed-position.transformer';

/**
 * Where a consumer of the change feed stands: per instance for what each instance keeps in memory
 * (matching index, synonyms), or once for the whole cluster (instance `*`) for consumers whose effects
 * are rows in the database. A consumer that was down resumes after this position.
 */
@Entity({ name: 'feed_consumer_position' })
export class FeedConsumerPositionEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  instance!: string;

  @PrimaryColumn({ type: 'varchar', length: 60 })
  consumer!: string;

  @Column({ type: 'bigint', transformer: feedPosition })
  position!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
