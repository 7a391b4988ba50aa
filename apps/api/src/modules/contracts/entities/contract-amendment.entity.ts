import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintFen } from '../../../database/transformers';
import { ContractEntity } from './contract.entity';

/** One frozen field's correction, for people: what it was and what it became. */
export interface AmendmentChange {
  field: 'contractAmountFen' | 'nonTechnicalCostFen' | 'technicalAmountFen' | 'typeCode' | 'seller.name' | 'seller.creditCode' | 'seller.areaCode' | 'buyer.name' | 'buyer.creditCode' | 'buyer.areaCode';
  before: string | number | null;
  after: string | number | null;
}

/**
 * A recorded correction (变更) of a registered contract, whose amounts, parties and type are otherwise
 * frozen: who, when, why, from which date, and before → after. The row holds the whole set of frozen
 * values in effect from `effective_on`, so the ledger reads one row per contract at its as-of date; the
 * contract's own columns keep the values it was registered with. Append-only: never updated or deleted.
 */
@Entity({ name: 'contract_amendment' })
@Index('ix_contract_amendment_contract', ['contractId', 'effectiveOn', 'createdAt'])
@Check('ck_contract_amendment_amounts', '"technical_amount_fen" = "contract_amount_fen" - "non_technical_cost_fen" AND "technical_amount_fen" >= 0 AND "non_technical_cost_fen" >= 0')
export class ContractAmendmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_contract_amendment_contract' })
  contract?: ContractEntity;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  /** The ledger uses these values from this day on (Asia/Shanghai calendar day). */
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'contract_amount_fen', type: 'bigint', transformer: bigintFen })
  contractAmountFen!: number;

  @Column({ name: 'non_technical_cost_fen', type: 'bigint', transformer: bigintFen })
  nonTechnicalCostFen!: number;

  @Column({ name: 'technical_amount_fen', type: 'bigint', transformer: bigintFen })
  technicalAmountFen!: number;

  @Column({ name: 'type_code', type: 'varchar', length: 40 })
  typeCode!: string;

  @Column({ name: 'seller_name', type: 'varchar', length: 200 })
  sellerName!: string;

  @Column({ name: 'seller_credit_code', type: 'char', length: 18, nullable: true })
  sellerCreditCode!: string | null;

  @Column({ name: 'seller_area_code', type: 'char', length: 6 })
  sellerAreaCode!: string;

  @Column({ name: 'buyer_name', type: 'varchar', length: 200 })
  buyerName!: string;

  @Column({ name: 'buyer_credit_code', type: 'char', length: 18, nullable: true })
  buyerCreditCode!: string | null;

  @Column({ name: 'buyer_area_code', type: 'char', length: 6 })
  buyerAreaCode!: string;

  @Column({ type: 'jsonb' })
  changes!: AmendmentChange[];
}
