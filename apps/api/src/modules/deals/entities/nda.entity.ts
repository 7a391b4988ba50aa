import { ListingKind } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The NDA text, versioned as data: the highest version is the one parties accept. */
@Entity({ name: 'nda_version' })
@Index('uq_nda_version_version', ['version'], { unique: true })
export class NdaVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;
}

/** One party's acceptance of one NDA version within one deal, with time and address. */
@Entity({ name: 'nda_acceptance' })
@Index('uq_nda_acceptance', ['dealId', 'userId', 'ndaVersion'], { unique: true })
@Index('ix_nda_acceptance_user', ['userId'])
export class NdaAcceptanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt!: Date;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'nda_version', type: 'int' })
  ndaVersion!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  /** SHA-256 (hex) of the text signed (title, a newline, body): proves which words were agreed. */
  @Column({ name: 'text_hash', type: 'varchar', length: 64, nullable: true })
  textHash!: string | null;
}

/** Every disclosure of a listing's confidential layer to someone other than its owner. */
@Entity({ name: 'confidential_view' })
@Index('ix_confidential_view_listing', ['listingKind', 'listingId', 'createdAt'])
export class ConfidentialViewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'viewer_id', type: 'uuid' })
  viewerId!: string;

  @Column({ name: 'listing_kind', type: 'varchar', length: 10 })
  listingKind!: ListingKind;

  @Column({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  /** NDA (a deal party under NDA) or BROKER. */
  @Column({ type: 'varchar', length: 10 })
  basis!: 'NDA' | 'BROKER';
}
