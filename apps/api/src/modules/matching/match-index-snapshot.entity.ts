import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { feedPosition } from '@xkx/api/modules/feed/feed-position.transformer';

/**
 * A published matching index (issue 13): the engine's analysed listings, term statistics, semantic space and
 * word vectors (MatchIndex.toSnapshot, gzip-compressed), as of `feed_position` of the change feed. Instances
 * start from the latest and apply the feed after its position. The compressed bytes are stored in parts
 * (MatchIndexSnapshotPartEntity); the row and its parts are inserted in one transaction, so a snapshot job
 * killed half-way leaves nothing behind; the last few are kept (SNAPSHOT_KEEP).
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

  /** Size as stored (gzip-compressed, all parts), in bytes. */
  @Column({ name: 'stored_bytes', type: 'bigint', transformer: feedPosition })
  storedBytes!: number;

  /** How many parts hold the bytes (numbered from 0). */
  @Column({ type: 'int' })
  parts!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A piece of a snapshot's compressed bytes, in order of `part`. Parts keep each value far below PostgreSQL's
 * 1 GB field limit and below what a driver can read as one value (node-postgres reads bytea as a hex string,
 * which V8 caps at about 512 M characters: 256 MB of bytes), whatever the market's size.
 */
@Entity({ name: 'match_index_snapshot_part' })
export class MatchIndexSnapshotPartEntity {
  @PrimaryColumn({ type: 'bigint' })
  version!: string;

  @PrimaryColumn({ type: 'int' })
  part!: number;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @ManyToOne(() => MatchIndexSnapshotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version', foreignKeyConstraintName: 'fk_match_index_snapshot_part_version' })
  snapshot?: MatchIndexSnapshotEntity;
}
