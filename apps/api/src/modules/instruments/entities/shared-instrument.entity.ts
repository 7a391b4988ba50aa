import { InstrumentPriceUnit } from '@xkx/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { bigintFen } from '../../../database/transformers';
import { LaboratoryEntity } from '@xkx/api/modules/experts/entities/laboratory.entity';

/** A large research instrument a laboratory opens to outside users for a fee (大型科研仪器开放共享). */
@Entity({ name: 'shared_instrument' })
@Index('ix_shared_instrument_laboratory', ['laboratoryId'])
@Index('uq_shared_instrument_lab_name_model', ['laboratoryId', 'nameZh', 'model'], { unique: true })
@Check('ck_shared_instrument_price', '"price_fen" >= 0')
export class SharedInstrumentEntity extends BaseEntity {
  @Column({ name: 'laboratory_id', type: 'uuid' })
  laboratoryId!: string;

  @ManyToOne(() => LaboratoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'laboratory_id', foreignKeyConstraintName: 'fk_shared_instrument_laboratory' })
  laboratory?: LaboratoryEntity;

  @Column({ name: 'name_zh', type: 'varchar', length: 200 })
  nameZh!: string;

  @Column({ type: 'varchar', length: 100 })
  model!: string;

  @Column({ type: 'text' })
  capability!: string;

  @Column({ type: 'varchar', length: 300 })
  location!: string;

  @Column({ name: 'booking_terms', type: 'text' })
  bookingTerms!: string;

  /** Integer fen per unit. */
  @Column({ name: 'price_fen', type: 'bigint', transformer: bigintFen })
  priceFen!: number;

  @Column({ name: 'price_unit', type: 'varchar', length: 10 })
  priceUnit!: InstrumentPriceUnit;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
