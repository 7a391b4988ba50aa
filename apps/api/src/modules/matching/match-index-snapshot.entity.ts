import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { feedPosition } from '@xkx/api/modules/feed/feed-position.transformer';

/**
 * A published matching index (issue 13): the engine's analysed listings, term statistics, semantic space and
 * word vectors (MatchIndex.toSnapshot, gzip-compressed), as of `feed_position` of the change feed. Instances
 * start from the latest and apply the feed after its position. A row is inserted whole in one transaction, so
 * a snapshot job killed half-way leaves no row; the last few are kept (MatchSnapshotService.KEEP).
 */
@Entity({ name: 'match_index_snapshot' })
export class MatchIndexSnapshotEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  version!: string;

  /** The change-feed position the snapshot covers: every listing change up to it is in. */
  @Column({ name: 'feed_position', type: 'bigint', transformer: feedPosition })
  feedPosition!: number;

  /** Fingerprint of the analyzer (the admin's synonyms) it was built with; another one makes it stale. */
  @Column({ name: 'analyzer_key', type: 'varchar', length: 64 })
  analyzerKey!: string;

  @Column({ type: 'int' })
  results!: number;

  @Column({ type: 'int' })
  needs!: number;

  /** Size before compression, in bytes. */
  @Column({ name: 'raw_bytes', type: 'bigint', transformer: feedPosition })
  rawBytes!: number;

  /** MatchIndex.toSnapshot() bytes, gzip-compressed. */
  @Column({ type: 'bytea' })
  payload!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
