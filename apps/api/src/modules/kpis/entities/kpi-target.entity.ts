import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintFen } from '../../../database/transformers';
import { OrganizationEntity } from '@xkx/api/modules/organizations/organization.entity';

/** The district's target for a year, set by an administrator. Without a row the defaults apply (165 projects, 84 亿元). */
@Entity({ name: 'kpi_target' })
export class KpiTargetEntity {
  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @Column({ type: 'int' })
  projects!: number;

  /** 合同成交额 target */
  @Column({ name: 'contract_amount_fen', type: 'bigint', transformer: bigintFen })
  contractAmountFen!: number;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** An optional target for one institution (university or institute) in a year. */
@Entity({ name: 'kpi_institution_target' })
@Index('ix_kpi_institution_target_organization', ['organizationId'])
export class KpiInstitutionTargetEntity {
  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_kpi_institution_target_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'int' })
  projects!: number;

  @Column({ name: 'contract_amount_fen', type: 'bigint', transformer: bigintFen })
  contractAmountFen!: number;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
