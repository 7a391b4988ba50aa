import { CarrierKind } from '@xkx/contracts';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';

/** A 科创载体: where a signed deal can land (an incubator, an accelerator, a university science park …). */
@Entity({ name: 'innovation_carrier' })
@Index('uq_innovation_carrier_name', ['nameZh'], { unique: true })
@Index('ix_innovation_carrier_kind', ['kind'])
@Check('ck_innovation_carrier_area', '"available_area_m2" >= 0 AND ("total_area_m2" IS NULL OR "available_area_m2" <= "total_area_m2")')
@Check('ck_innovation_carrier_price', '"price_min_fen" IS NULL OR "price_max_fen" IS NULL OR "price_min_fen" <= "price_max_fen"')
export class InnovationCarrierEntity extends BaseEntity {
  @Column({ name: 'name_zh', type: 'varchar', length: 200 })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 300, nullable: true })
  nameEn!: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: CarrierKind;

  @Column({ type: 'varchar', length: 300 })
  address!: string;

  /** Whole square metres. */
  @Column({ name: 'total_area_m2', type: 'integer', nullable: true })
  totalAreaM2!: number | null;

  @Column({ name: 'available_area_m2', type: 'integer' })
  availableAreaM2!: number;

  /** Rent, fen per m² per month (integer fen; at most ¥21 million, so an int column). */
  @Column({ name: 'price_min_fen', type: 'integer', nullable: true })
  priceMinFenPerM2Month!: number | null;

  @Column({ name: 'price_max_fen', type: 'integer', nullable: true })
  priceMaxFenPerM2Month!: number | null;

  /** Technology fields it suits (codes of the field tree). */
  @Column({ name: 'field_codes', type: 'text', array: true, default: () => "'{}'" })
  fieldCodes!: string[];

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName!: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 30 })
  contactPhone!: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 200, nullable: true })
  contactEmail!: string | null;

  /** Demo facts that are illustrative, not the carrier's own published figures. */
  @Column({ type: 'boolean', default: false })
  illustrative!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
