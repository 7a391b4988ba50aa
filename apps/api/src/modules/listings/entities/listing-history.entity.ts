import { ListingKind, ListingStatus } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every change to a listing: who, when, which fields, and any status move. Append-only. */
@Entity({ name: 'listing_history' })
@Index('ix_listing_history_listing', ['listingKind', 'listingId', 'createdAt'])
export class ListingHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'listing_kind', type: 'varchar', length: 10 })
  listingKind!: ListingKind;

  @Column({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  /** The listing's version after the change. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 30 })
  action!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus!: ListingStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20, nullable: true })
  toStatus!: ListingStatus | null;

  @Column({ name: 'changed_fields', type: 'text', array: true })
  changedFields!: string[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
