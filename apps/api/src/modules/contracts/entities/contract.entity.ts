import { LegalPersonType, RegistrationStatus } from '@xkx/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { bigintFen } from '../../../database/transformers';
import { DealEntity } from '@xkx/api/modules/deals/entities/deal.entity';
import { ContractTypeEntity } from './contract-type.entity';

/**
 * A technology contract (技术合同), the KPI record. Three amounts are kept apart, all integer fen:
 * 合同成交额, non-technical costs, and 技术交易额 = the first minus the second (enforced by a check).
 * 实际到账 is the sum of its payments.
 */
@Entity({ name: 'tech_contract' })
@Index('uq_tech_contract_code', ['code'], { unique: true })
@Index('uq_tech_contract_registration_number', ['registrationNumber'], { unique: true, where: 'registration_number IS NOT NULL' })
@Index('ix_tech_contract_deal', ['dealId'])
@Index('ix_tech_contract_registration_status', ['registrationStatus'])
@Index('ix_tech_contract_signed_on', ['signedOn'])
@Check('ck_tech_contract_amounts', '"technical_amount_fen" = "contract_amount_fen" - "non_technical_cost_fen" AND "technical_amount_fen" >= 0 AND "non_technical_cost_fen" >= 0')
export class ContractEntity extends BaseEntity {
  /** Human-readable code, e.g. C2026-000042. */
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ name: 'deal_id', type: 'uuid', nullable: true })
  dealId!: string | null;

  @ManyToOne(() => DealEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'deal_id', foreignKeyConstraintName: 'fk_tech_contract_deal' })
  deal?: DealEntity | null;

  /** The parties' own contract number, if any. */
  @Column({ name: 'contract_no', type: 'varchar', length: 60, nullable: true })
  contractNo!: string | null;

  @Column({ name: 'type_code', type: 'varchar', length: 40 })
  typeCode!: string;

  @ManyToOne(() => ContractTypeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type_code', foreignKeyConstraintName: 'fk_tech_contract_type' })
  type?: ContractTypeEntity;

  @Column({ name: 'project_name', type: 'varchar', length: 200 })
  projectName!: string;

  @Column({ name: 'signed_on', type: 'date' })
  signedOn!: string;

  @Column({ name: 'term_start', type: 'date' })
  termStart!: string;

  @Column({ name: 'term_end', type: 'date' })
  termEnd!: string;

  /** 卖方 (研究开发方、让与方、许可方、顾问方、服务方) */
  @Column({ name: 'seller_name', type: 'varchar', length: 200 })
  sellerName!: string;

  /** 统一社会信用代码; null for natural persons. */
  @Column({ name: 'seller_credit_code', type: 'char', length: 18, nullable: true })
  sellerCreditCode!: string | null;

  /** GB/T 2260 administrative-area code. */
  @Column({ name: 'seller_area_code', type: 'char', length: 6 })
  sellerAreaCode!: string;

  @Column({ name: 'seller_legal_person_type', type: 'varchar', length: 30 })
  sellerLegalPersonType!: LegalPersonType;

  @Column({ name: 'seller_organization_id', type: 'uuid', nullable: true })
  sellerOrganizationId!: string | null;

  /** 买方 (委托方、受让方、被许可方) */
  @Column({ name: 'buyer_name', type: 'varchar', length: 200 })
  buyerName!: string;

  /** 统一社会信用代码; null for natural persons. */
  @Column({ name: 'buyer_credit_code', type: 'char', length: 18, nullable: true })
  buyerCreditCode!: string | null;

  /** GB/T 2260 administrative-area code. */
  @Column({ name: 'buyer_area_code', type: 'char', length: 6 })
  buyerAreaCode!: string;

  @Column({ name: 'buyer_legal_person_type', type: 'varchar', length: 30 })
  buyerLegalPersonType!: LegalPersonType;

  @Column({ name: 'buyer_organization_id', type: 'uuid', nullable: true })
  buyerOrganizationId!: string | null;

  /** 合同成交额 */
  @Column({ name: 'contract_amount_fen', type: 'bigint', transformer: bigintFen })
  contractAmountFen!: number;

  /** 非技术性费用 */
  @Column({ name: 'non_technical_cost_fen', type: 'bigint', transformer: bigintFen })
  nonTechnicalCostFen!: number;

  /** 技术交易额 */
  @Column({ name: 'technical_amount_fen', type: 'bigint', transformer: bigintFen })
  technicalAmountFen!: number;

  /** Transfers and licences: 预计新增投资 and 预计新增产值. */
  @Column({ name: 'expected_investment_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  expectedInvestmentFen!: number | null;

  @Column({ name: 'expected_output_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  expectedOutputFen!: number | null;

  /**
   * 实际到账 to date and the first payment's date: kept by a trigger on contract_payment (migration
   * ContractReceivedTotals) so KPI queries over a year's contracts need not aggregate payments per row.
   * Never written by the app (insert/update: false).
   */
  @Column({ name: 'received_fen', type: 'bigint', default: 0, insert: false, update: false, transformer: bigintFen })
  receivedFen!: number;

  @Column({ name: 'first_received_on', type: 'date', nullable: true, insert: false, update: false })
  firstReceivedOn!: string | null;

  @Column({ name: 'registration_status', type: 'varchar', length: 20 })
  registrationStatus!: RegistrationStatus;

  /** 16 digits: year, area code of the registry, serial. */
  @Column({ name: 'registration_number', type: 'char', length: 16, nullable: true })
  registrationNumber!: string | null;

  /** 核定技术性收入额 */
  @Column({ name: 'registered_income_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  registeredIncomeFen!: number | null;

  @Column({ name: 'registration_submitted_on', type: 'date', nullable: true })
  registrationSubmittedOn!: string | null;

  @Column({ name: 'registration_decided_on', type: 'date', nullable: true })
  registrationDecidedOn!: string | null;

  @Column({ name: 'registration_note', type: 'text', nullable: true })
  registrationNote!: string | null;

  /** Values of the configured registration fields (registration_field), by key. */
  @Column({ name: 'registration_extra', type: 'jsonb', default: () => "'{}'" })
  registrationExtra!: Record<string, string | number | boolean>;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;
}
