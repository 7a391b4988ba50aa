import { RegistrationFieldType } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * Technology-contract types (民法典 chapter 20) as data: a type with subtypes (技术转让 → 专利权 …) is
 * chosen by a subtype. Admins edit the list when the registration rules change.
 */
@Entity({ name: 'contract_type' })
@Index('ix_contract_type_parent', ['parentCode'])
export class ContractTypeEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 40, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => ContractTypeEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_contract_type_parent' })
  parent?: ContractTypeEntity | null;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn!: string;

  /** The 登记表 asks for expected new investment and output (transfers and licences). */
  @Column({ name: 'asks_investment', type: 'boolean', default: false })
  asksInvestment!: boolean;

  @Column({ type: 'int', default: 0 })
  sort!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}

/**
 * An extra field of the registration form (登记表), as data. Applies to contracts whose type code
 * starts with one of `contractTypes` (empty: all). Values live in the contract's registration_extra.
 */
@Entity({ name: 'registration_field' })
export class RegistrationFieldEntity {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  key!: string;

  @Column({ name: 'label_zh', type: 'varchar', length: 100 })
  labelZh!: string;

  @Column({ name: 'label_en', type: 'varchar', length: 200 })
  labelEn!: string;

  @Column({ name: 'value_type', type: 'varchar', length: 10 })
  valueType!: RegistrationFieldType;

  /** Required before the registration can be submitted. */
  @Column({ type: 'boolean', default: false })
  required!: boolean;

  @Column({ name: 'contract_types', type: 'text', array: true, default: () => "'{}'" })
  contractTypes!: string[];

  /** Allowed values for CHOICE fields. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  options!: string[];

  @Column({ type: 'int', default: 0 })
  sort!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ default: 1 })
  version!: number;
}
