import { Indicator, ListingStatus } from '@xkx/contracts';
import { Column } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { bigintFen } from '../../../database/transformers';

/** Columns every listing has, result or need. */
export abstract class ListingBaseEntity extends BaseEntity {
  /** Human-readable code, e.g. R2026-000042. */
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'public_summary', type: 'text' })
  publicSummary!: string;

  /** Shown only to the owner, brokers and parties a broker has let in. */
  @Column({ name: 'confidential_detail', type: 'text', nullable: true })
  confidentialDetail!: string | null;

  @Column({ type: 'jsonb' })
  indicators!: Indicator[];

  @Column({ name: 'field_codes', type: 'text', array: true })
  fieldCodes!: string[];

  /** fieldCodes plus all their ancestors, so a filter on 'NE' finds 'NE.PV'. */
  @Column({ name: 'field_paths', type: 'text', array: true })
  fieldPaths!: string[];

  @Column({ type: 'text', array: true })
  keywords!: string[];

  @Column({ type: 'varchar', length: 20 })
  status!: ListingStatus;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** The researcher or enterprise user who owns it; null when a broker entered it for the organization. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId!: string | null;

  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil!: string;

  @Column({ name: 'stale_warned_at', type: 'timestamptz', nullable: true })
  staleWarnedAt!: Date | null;

  /** Segmented words and bigrams (title A, keywords B, text C); written by the search indexer. */
  @Column({ name: 'search_doc', type: 'tsvector', nullable: true, select: false })
  searchDoc!: string | null;
}

export { bigintFen };
