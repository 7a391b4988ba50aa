import { ExpertAvailability, ExpertCooperationMode, ExpertTitle, ResearchOutput } from '@xkx/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { OrganizationEntity } from '@xkx/api/modules/organizations/organization.entity';
import { UserEntity } from '@xkx/api/modules/users/user.entity';
import { LaboratoryEntity } from './laboratory.entity';

/**
 * An expert's profile (专家): the public layer (name, title, organization, laboratory, fields, directions,
 * outputs, cooperation modes, availability) and the broker-only contact details. A researcher keeps their
 * own (userId); brokers verify and may keep profiles without an account (imported from Excel).
 */
@Entity({ name: 'expert' })
@Index('ix_expert_organization', ['organizationId'])
@Index('ix_expert_laboratory', ['laboratoryId'])
@Index('uq_expert_user', ['userId'], { unique: true, where: 'user_id IS NOT NULL' })
@Index('ix_expert_search_doc', { synchronize: false })
@Index('ix_expert_field_paths', { synchronize: false })
export class ExpertEntity extends BaseEntity {
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_expert_organization' })
  organization?: OrganizationEntity;

  @Column({ name: 'laboratory_id', type: 'uuid', nullable: true })
  laboratoryId!: string | null;

  @ManyToOne(() => LaboratoryEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'laboratory_id', foreignKeyConstraintName: 'fk_expert_laboratory' })
  laboratory?: LaboratoryEntity | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_expert_user' })
  user?: UserEntity | null;

  @Column({ name: 'name_zh', type: 'varchar', length: 50 })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100, nullable: true })
  nameEn!: string | null;

  @Column({ type: 'varchar', length: 30 })
  title!: ExpertTitle;

  @Column({ name: 'field_codes', type: 'text', array: true, default: () => "'{}'" })
  fieldCodes!: string[];

  @Column({ name: 'field_paths', type: 'text', array: true, default: () => "'{}'" })
  fieldPaths!: string[];

  /** Research directions, free text. */
  @Column({ type: 'text', default: '' })
  directions!: string;

  @Column({ type: 'text', default: '' })
  bio!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  outputs!: ResearchOutput[];

  @Column({ name: 'cooperation_modes', type: 'text', array: true, default: () => "'{}'" })
  cooperationModes!: ExpertCooperationMode[];

  @Column({ type: 'varchar', length: 20 })
  availability!: ExpertAvailability;

  /** Broker-only (and the expert's own). */
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone!: string | null;

  /** A broker checked the profile; unverified profiles are visible to their owner and brokers only. */
  @Column({ type: 'boolean', default: false })
  verified!: boolean;

  @Column({ name: 'verified_by_id', type: 'uuid', nullable: true })
  verifiedById!: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  /** Segmented name (A), directions (B), bio and outputs (C), field names (D); written by the experts service. */
  @Column({ name: 'search_doc', type: 'tsvector', nullable: true, select: false })
  searchDoc!: string | null;
}
