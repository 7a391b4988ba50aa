import { LaboratoryKind, ResearchOutput } from '@xkx/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { OrganizationEntity } from '@xkx/api/modules/organizations/organization.entity';

/**
 * A laboratory or platform (全国重点实验室, 省重点实验室, 工程技术研究中心, 新型研发机构 …): a unit of an organization,
 * with its directions, head, members (experts whose laboratory it is) and outputs. Shared instruments belong to one.
 */
@Entity({ name: 'laboratory' })
@Index('ix_laboratory_organization', ['organizationId'])
@Index('ix_laboratory_kind', ['kind'])
@Index('uq_laboratory_organization_name', ['organizationId', 'nameZh'], { unique: true })
@Index('ix_laboratory_search_doc', { synchronize: false })
@Index('ix_laboratory_field_paths', { synchronize: false })
export class LaboratoryEntity extends BaseEntity {
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_laboratory_organization' })
  organization?: OrganizationEntity;

  @Column({ name: 'name_zh', type: 'varchar', length: 200 })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 300, nullable: true })
  nameEn!: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind!: LaboratoryKind;

  @Column({ name: 'field_codes', type: 'text', array: true, default: () => "'{}'" })
  fieldCodes!: string[];

  /** fieldCodes plus their ancestors, so a filter on 'NE' finds 'NE.PV'. */
  @Column({ name: 'field_paths', type: 'text', array: true, default: () => "'{}'" })
  fieldPaths!: string[];

  /** Research directions, free text. */
  @Column({ type: 'text', default: '' })
  directions!: string;

  @Column({ name: 'head_name', type: 'varchar', length: 50, nullable: true })
  headName!: string | null;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  outputs!: ResearchOutput[];

  /** Segmented name (A), directions (B), summary and outputs (C), field names (D); written by the experts service. */
  @Column({ name: 'search_doc', type: 'tsvector', nullable: true, select: false })
  searchDoc!: string | null;
}
