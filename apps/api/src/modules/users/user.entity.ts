import { Role, UserStatus } from '@xkx/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { OrganizationEntity } from '@xkx/api/modules/organizations/organization.entity';

@Entity({ name: 'app_user' })
@Index('uq_app_user_email', ['email'], { unique: true })
@Index('ix_app_user_status_role', ['status', 'role'])
@Index('ix_app_user_organization', ['organizationId'])
export class UserEntity extends BaseEntity {
  /** Stored lower-cased: emails are unique case-insensitively. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 11, nullable: true })
  mobile!: string | null;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'varchar', length: 20 })
  status!: UserStatus;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_app_user_organization' })
  organization?: OrganizationEntity | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by_id', type: 'uuid', nullable: true })
  verifiedById!: string | null;
}
