import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ContractEntity } from '@xkx/api/modules/contracts/entities/contract.entity';

/**
 * A contract an administrator marked as a related-party deal (关联交易): it stays in the KPI figures but
 * earns no subsidy. Contracts whose two sides share a credit code are treated as related without a mark.
 */
@Entity({ name: 'kpi_related_party_mark' })
export class RelatedPartyMarkEntity {
  @PrimaryColumn({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @OneToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_kpi_related_party_mark_contract' })
  contract?: ContractEntity;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ name: 'marked_by_id', type: 'uuid', nullable: true })
  markedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
