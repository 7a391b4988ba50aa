import { ListingKind } from '@xkx/contracts';
import { ImportRowError } from '../../common/excel/xlsx-rows';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ImportJobStatus = 'VALIDATED' | 'IMPORTING' | 'DONE' | 'FAILED' | 'CANCELLED';

/**
 * An Excel import: parsed and validated on upload, committed (valid rows only, or nothing) when the
 * broker decides. The commit runs in chunks (rows staged as drafts, see import_job_listing), so its
 * progress, its heartbeat and its outcome live here, where a restarted server finds them.
 */
@Entity({ name: 'import_job' })
@Index('ix_import_job_created_by', ['createdById', 'createdAt'])
@Index('ix_import_job_status', ['status'])
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 10 })
  kind!: ListingKind;

  @Column({ type: 'varchar', length: 12 })
  status!: ImportJobStatus;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById!: string;

  @Column({ name: 'total_rows', type: 'int' })
  totalRows!: number;

  @Column({ name: 'valid_rows', type: 'int' })
  validRows!: number;

  @Column({ name: 'processed_rows', type: 'int', default: 0 })
  processedRows!: number;

  @Column({ name: 'imported_rows', type: 'int', default: 0 })
  importedRows!: number;

  @Column({ type: 'jsonb' })
  errors!: ImportRowError[];

  /** The validated rows waiting for the commit decision; cleared afterwards. */
  @Column({ type: 'jsonb', nullable: true, select: false })
  payload!: unknown[] | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'failure', type: 'text', nullable: true })
  failure!: string | null;

  /** Publish the rows when the import completes (they are staged as drafts until then). */
  @Column({ type: 'boolean', default: false })
  publish!: boolean;

  /** Last committed chunk of a running import; a stale one means its process died. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;
}

/** A listing written by a running import: what the swap publishes and a rollback deletes. */
@Entity({ name: 'import_job_listing' })
export class ImportJobListingEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  @PrimaryColumn({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  @ManyToOne(() => ImportJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_import_job_listing_job' })
  job?: ImportJobEntity;
}
