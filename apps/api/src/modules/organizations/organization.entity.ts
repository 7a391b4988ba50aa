import { OrganizationKind } from '@xkx/contracts';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';

@Entity({ name: 'organization' })
@Index('uq_organization_credit_code', ['creditCode'], { unique: true, where: 'credit_code IS NOT NULL' })
@Index('ix_organization_kind', ['kind'])
export class OrganizationEntity extends BaseEntity {
  @Column({ name: 'name_zh', type: 'varchar', length: 200 })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'varchar', length: 300, nullable: true })
  nameEn!: string | null;

  @Column({ name: 'short_name', type: 'varchar', length: 50, nullable: true })
  shortName!: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: OrganizationKind;

  /** GB/T 2260 administrative-area code; 320113 is 栖霞区. */
  @Column({ name: 'area_code', type: 'char', length: 6 })
  areaCode!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  /** 统一社会信用代码 (GB 32100-2015), required for enterprises and agencies. */
  @Column({ name: 'credit_code', type: 'char', length: 18, nullable: true })
  creditCode!: string | null;

  @Column({ type: 'boolean', default: false })
  verified!: boolean;

  /** 高新技术企业 */
  @Column({ name: 'is_high_tech', type: 'boolean', default: false })
  isHighTech!: boolean;

  /** 专精特新 */
  @Column({ name: 'is_specialized', type: 'boolean', default: false })
  isSpecialized!: boolean;

  /** 高新技术企业 certificate number, issue date and expiry (issue 16); the status counts while not expired. */
  @Column({ name: 'high_tech_cert_no', type: 'varchar', length: 50, nullable: true })
  highTechCertNo!: string | null;

  @Column({ name: 'high_tech_issued_on', type: 'date', nullable: true })
  highTechIssuedOn!: string | null;

  @Column({ name: 'high_tech_expires_on', type: 'date', nullable: true })
  highTechExpiresOn!: string | null;

  /** 专精特新 recognition number, date and expiry. */
  @Column({ name: 'specialized_cert_no', type: 'varchar', length: 50, nullable: true })
  specializedCertNo!: string | null;

  @Column({ name: 'specialized_issued_on', type: 'date', nullable: true })
  specializedIssuedOn!: string | null;

  @Column({ name: 'specialized_expires_on', type: 'date', nullable: true })
  specializedExpiresOn!: string | null;

  /** 重点监测企业 (key monitored enterprise, tracked for R&D spending growth) */
  @Column({ name: 'is_key_monitored', type: 'boolean', default: false })
  isKeyMonitored!: boolean;

  /** Full pinyin without tones ("nanjingdaxue") and initials ("njdx"), kept for search. */
  @Column({ type: 'varchar', length: 600, default: '' })
  pinyin!: string;

  @Column({ name: 'pinyin_initials', type: 'varchar', length: 200, default: '' })
  pinyinInitials!: string;
}
