import { Owner, PriceType, ResultForm, ResultStage, TransferMode } from '@xkx/contracts';
import { Column, Entity, Index, OneToMany } from 'typeorm';
import { bigintFen, ListingBaseEntity } from './listing-base.entity';
import { ResultIpAssetEntity } from './result-ip-asset.entity';

@Entity({ name: 'result' })
@Index('uq_result_code', ['code'], { unique: true })
// (status, published_at DESC NULLS LAST, id DESC): search's newest-first order; see migration ListingNewestFirstIndexes.
@Index('ix_result_status_published_at', { synchronize: false })
@Index('ix_result_organization', ['organizationId'])
@Index('ix_result_owner', ['ownerId'])
@Index('ix_result_search_doc', { synchronize: false })
@Index('ix_result_field_paths', { synchronize: false })
@Index('ix_result_transfer_modes', { synchronize: false })
export class ResultEntity extends ListingBaseEntity {
  @Column({ name: 'value_proposition', type: 'varchar', length: 300 })
  valueProposition!: string;

  @Column({ name: 'problem_solved', type: 'text' })
  problemSolved!: string;

  @Column({ type: 'text' })
  advantages!: string;

  @Column({ type: 'text' })
  applications!: string;

  @Column({ type: 'varchar', length: 20 })
  form!: ResultForm;

  /** Technology readiness level 1–9 (GB/T 22900-2009). */
  @Column({ type: 'smallint' })
  trl!: number;

  @Column({ type: 'varchar', length: 20 })
  stage!: ResultStage;

  @Column({ type: 'jsonb' })
  owners!: Owner[];

  @Column({ type: 'text', array: true })
  inventors!: string[];

  /** 职务成果 */
  @Column({ name: 'service_invention', type: 'boolean' })
  serviceInvention!: boolean;

  @Column({ name: 'transfer_modes', type: 'text', array: true })
  transferModes!: TransferMode[];

  @Column({ name: 'price_negotiable', type: 'boolean' })
  priceNegotiable!: boolean;

  @Column({ name: 'price_min_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  priceMinFen!: number | null;

  @Column({ name: 'price_max_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  priceMaxFen!: number | null;

  @Column({ name: 'price_type', type: 'varchar', length: 20, nullable: true })
  priceType!: PriceType | null;

  @OneToMany(() => ResultIpAssetEntity, (asset) => asset.result, { cascade: true })
  ipAssets?: ResultIpAssetEntity[];
}
