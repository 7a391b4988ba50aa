import { IpStatus, IpType } from '@xkx/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ResultEntity } from './result.entity';

/** One patent, copyright or secret behind a result. Numbers are stored normalised for duplicate checks. */
@Entity({ name: 'result_ip_asset' })
@Index('ix_result_ip_asset_number', ['number'])
@Index('ix_result_ip_asset_result', ['resultId'])
export class ResultIpAssetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'result_id', type: 'uuid' })
  resultId!: string;

  @ManyToOne(() => ResultEntity, (result) => result.ipAssets, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id', foreignKeyConstraintName: 'fk_result_ip_asset_result' })
  // Relation<> keeps the decorator metadata from naming ResultEntity while the two files load each other.
  result?: Relation<ResultEntity>;

  @Column({ type: 'varchar', length: 30 })
  type!: IpType;

  @Column({ type: 'varchar', length: 60 })
  number!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: IpStatus;

  @Column({ type: 'smallint', default: 0 })
  position!: number;
}
