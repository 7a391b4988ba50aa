import { LandingKind } from '@xkx/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { DealEntity } from '@xkx/api/modules/deals/entities/deal.entity';
import { InnovationCarrierEntity } from './innovation-carrier.entity';

/** 项目落地: where a signed deal's project landed, one per deal (a correction replaces it, audited). */
@Entity({ name: 'project_landing' })
@Index('uq_project_landing_deal', ['dealId'], { unique: true })
@Index('ix_project_landing_carrier', ['carrierId'])
@Index('ix_project_landing_landed_on', ['landedOn'])
@Check('ck_project_landing_figures', '"area_m2" > 0 AND "jobs_planned" >= 0')
export class ProjectLandingEntity extends BaseEntity {
  @Column({ name: 'deal_id', type: 'uuid' })
  dealId!: string;

  @ManyToOne(() => DealEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deal_id', foreignKeyConstraintName: 'fk_project_landing_deal' })
  deal?: DealEntity;

  @Column({ name: 'carrier_id', type: 'uuid' })
  carrierId!: string;

  @ManyToOne(() => InnovationCarrierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carrier_id', foreignKeyConstraintName: 'fk_project_landing_carrier' })
  carrier?: InnovationCarrierEntity;

  @Column({ name: 'area_m2', type: 'integer' })
  areaM2!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: LandingKind;

  @Column({ name: 'company_name', type: 'varchar', length: 200 })
  companyName!: string;

  @Column({ name: 'company_credit_code', type: 'char', length: 18, nullable: true })
  companyCreditCode!: string | null;

  @Column({ name: 'jobs_planned', type: 'integer' })
  jobsPlanned!: number;

  @Column({ name: 'landed_on', type: 'date' })
  landedOn!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById!: string | null;
}
