import { NeedType, TransferMode } from '@xkx/contracts';
import { Column, Entity, Index } from 'typeorm';
import { bigintFen, ListingBaseEntity } from './listing-base.entity';

@Entity({ name: 'need' })
@Index('uq_need_code', ['code'], { unique: true })
// (status, published_at DESC NULLS LAST, id DESC): search's newest-first order; see migration ListingNewestFirstIndexes.
@Index('ix_need_status_published_at', { synchronize: false })
@Index('ix_need_organization', ['organizationId'])
@Index('ix_need_owner', ['ownerId'])
@Index('ix_need_search_doc', { synchronize: false })
@Index('ix_need_field_paths', { synchronize: false })
@Index('ix_need_cooperation_modes', { synchronize: false })
export class NeedEntity extends ListingBaseEntity {
  @Column({ type: 'text' })
  problem!: string;

  @Column({ name: 'must_haves', type: 'text', array: true })
  mustHaves!: string[];

  @Column({ name: 'nice_to_haves', type: 'text', array: true })
  niceToHaves!: string[];

  @Column({ name: 'need_type', type: 'varchar', length: 30 })
  needType!: NeedType;

  @Column({ name: 'cooperation_modes', type: 'text', array: true })
  cooperationModes!: TransferMode[];

  @Column({ name: 'budget_negotiable', type: 'boolean' })
  budgetNegotiable!: boolean;

  @Column({ name: 'budget_min_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  budgetMinFen!: number | null;

  @Column({ name: 'budget_max_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  budgetMaxFen!: number | null;

  /** 揭榜挂帅 bounty, if any. */
  @Column({ name: 'bounty_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  bountyFen!: number | null;

  @Column({ name: 'min_trl', type: 'smallint', nullable: true })
  minTrl!: number | null;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  /** The enterprise's name is hidden on the portal. */
  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;
}
