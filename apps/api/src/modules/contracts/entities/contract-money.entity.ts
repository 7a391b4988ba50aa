import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintFen } from '../../../database/transformers';
import { ContractEntity } from './contract.entity';

/** One line of the payment schedule (付款计划). The lines add up to the contract amount. */
@Entity({ name: 'contract_installment' })
@Index('ix_contract_installment_contract', ['contractId', 'position'])
export class ContractInstallmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_contract_installment_contract' })
  contract?: ContractEntity;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintFen })
  amountFen!: number;

  @Column({ type: 'varchar', length: 200 })
  description!: string;
}

/** Money actually received (实际到账), with its date and a note of the evidence. */
@Entity({ name: 'contract_payment' })
@Index('ix_contract_payment_contract', ['contractId', 'receivedOn'])
// Money received in a year (the KPI ledger's paid basis and subsidies).
@Index('ix_contract_payment_received_on', ['receivedOn'])
export class ContractPaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_contract_payment_contract' })
  contract?: ContractEntity;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn!: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintFen })
  amountFen!: number;

  /** e.g. 银行回单号 / 发票号 */
  @Column({ name: 'evidence_note', type: 'varchar', length: 500 })
  evidenceNote!: string;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById!: string | null;
}
