import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintFen } from '../../../database/transformers';
import { OrganizationEntity } from '@xkx/api/modules/organizations/organization.entity';

/** R&D spending (研发投入) of a key monitored enterprise for one year, entered by the enterprise or a broker. */
@Entity({ name: 'rnd_spending' })
@Index('ix_rnd_spending_year', ['year'])
export class RndSpendingEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_rnd_spending_organization' })
  organization?: OrganizationEntity;

  @PrimaryColumn({ type: 'smallint' })
  year!: number;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintFen })
  amountFen!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'entered_by_id', type: 'uuid', nullable: true })
  enteredById!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
