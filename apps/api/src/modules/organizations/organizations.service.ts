import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditAction, auditDiff, ErrorCode, NotificationKind } from '@xkx/contracts';
import { DataSource, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '@xkx/api/modules/audit/audit.service';
import { NotificationsService } from '@xkx/api/modules/notifications/notifications.service';
import { ListOrganizationsQueryDto } from './dto/list-organizations-query.dto';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization-write.dto';
import { OrganizationMembers } from './organization-members.port';
import { OrganizationEntity } from './organization.entity';
import { pinyinKeys } from '@xkx/text-zh';
import { newOrganization } from './new-organization';

/** What an organization edit records before → after. */
const ORGANIZATION_AUDITED_FIELDS = ['nameZh', 'nameEn', 'shortName', 'kind', 'areaCode', 'address', 'creditCode', 'isHighTech', 'isSpecialized', 'isKeyMonitored', 'verified',
  'highTechCertNo', 'highTechIssuedOn', 'highTechExpiresOn', 'specializedCertNo', 'specializedIssuedOn', 'specializedExpiresOn'] as const;

/** A certificate cannot expire before it was issued (each pair checked on the values after the change). */
export function certificateDateIssues(o: { highTechIssuedOn?: string | null; highTechExpiresOn?: string | null; specializedIssuedOn?: string | null; specializedExpiresOn?: string | null }): Array<{ field: string; constraint: string; args: unknown[] }> {
  const issues: Array<{ field: string; constraint: string; args: unknown[] }> = [];
  if (o.highTechIssuedOn && o.highTechExpiresOn && o.highTechExpiresOn <= o.highTechIssuedOn) issues.push({ field: 'highTechExpiresOn', constraint: 'expiresBeforeIssued', args: [] });
  if (o.specializedIssuedOn && o.specializedExpiresOn && o.specializedExpiresOn <= o.specializedIssuedOn) issues.push({ field: 'specializedExpiresOn', constraint: 'expiresBeforeIssued', args: [] });
  return issues;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly members: OrganizationMembers,
  ) {}

  async create(dto: CreateOrganizationDto, actor: AuthUser, meta: RequestMeta): Promise<OrganizationEntity> {
    const id = await this.dataSource.transaction(async (manager) => {
      if (dto.creditCode && (await manager.existsBy(OrganizationEntity, { creditCode: dto.creditCode }))) {
        throw new DomainException(ErrorCode.CREDIT_CODE_TAKEN, HttpStatus.CONFLICT, [{ field: 'creditCode', constraint: 'creditCodeTaken', args: [] }]);
      }
      const dateIssues = certificateDateIssues(dto);
      if (dateIssues.length) throw DomainException.validation(dateIssues);
      const org = await manager.save(newOrganization(manager, dto));
      await this.audit.record({ action: AuditAction.ORGANIZATION_CREATED, actorId: actor.id, subjectType: 'organization', subjectId: org.id, meta }, manager);
      return org.id;
    });
    return this.get(id);
  }

  /** Optimistic locking: the caller's version must be current, or nothing is written (409). */
  async update(id: string, dto: UpdateOrganizationDto, actor: AuthUser, meta: RequestMeta): Promise<OrganizationEntity> {
    await this.dataSource.transaction(async (manager) => {
      const org = await manager.getRepository(OrganizationEntity).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
      if (!org) throw DomainException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND);
      if (org.version !== dto.version) throw DomainException.versionConflict(org.version);
      const { version: _version, ...changes } = dto;
      const kind = changes.kind ?? org.kind;
      const creditCode = changes.creditCode ?? org.creditCode;
      if ((kind === 'ENTERPRISE' || kind === 'AGENCY') && !creditCode) {
        throw DomainException.validation([{ field: 'creditCode', constraint: 'isCreditCode', args: [] }]);
      }
      if (changes.creditCode && changes.creditCode !== org.creditCode && (await manager.existsBy(OrganizationEntity, { creditCode: changes.creditCode }))) {
        throw new DomainException(ErrorCode.CREDIT_CODE_TAKEN, HttpStatus.CONFLICT, [{ field: 'creditCode', constraint: 'creditCodeTaken', args: [] }]);
      }
      const dateIssues = certificateDateIssues({ ...org, ...changes });
      if (dateIssues.length) throw DomainException.validation(dateIssues);
      const diff = auditDiff(org, changes, ORGANIZATION_AUDITED_FIELDS);
      Object.assign(org, changes, changes.nameZh ? pinyinKeys(changes.nameZh) : {});
      await manager.save(org);
      const verifiedNow = changes.verified === true;
      if (verifiedNow && diff['verified']) {
        // The outcome reaches the organization's members in the bell (and by mail), not only the audit log.
        await this.notifications.notify(manager, await this.members.activeMemberIds(manager, id), {
          kind: NotificationKind.ORGANIZATION_VERIFIED,
          titleZh: `「${org.nameZh}」已通过机构认证`,
          titleEn: `${org.nameZh} is now a verified organization`,
          body: `平台已认证您所在的机构「${org.nameZh}」，其发布将显示为已认证机构。\n\nThe platform verified your organization, ${org.nameZh}; its listings now show it as verified.`,
          link: '/workspace',
        });
      }
      await this.audit.record(
        { action: verifiedNow ? AuditAction.ORGANIZATION_VERIFIED : AuditAction.ORGANIZATION_UPDATED, actorId: actor.id, subjectType: 'organization', subjectId: id, subjectLabel: org.nameZh, meta, changes: diff },
        manager,
      );
    });
    return this.get(id);
  }

  async list(query: ListOrganizationsQueryDto): Promise<{ items: OrganizationEntity[]; total: number }> {
    const qb = this.organizations.createQueryBuilder('o');
    if (query.kind?.length) qb.andWhere('o.kind IN (:...kinds)', { kinds: query.kind });
    const q = query.q?.trim();
    if (q) {
      const latin = q.toLowerCase().replace(/[^a-z0-9]/g, '');
      const like = `%${escapeLike(q)}%`;
      qb.andWhere(
        latin.length > 0
          ? '(o.name_zh ILIKE :like OR o.short_name ILIKE :like OR o.name_en ILIKE :like OR o.pinyin LIKE :latin OR o.pinyin_initials LIKE :latin OR o.credit_code = :code)'
          : '(o.name_zh ILIKE :like OR o.short_name ILIKE :like)',
        { like, latin: `${escapeLike(latin)}%`, code: q.toUpperCase() },
      );
    }
    qb.orderBy('o.kind', 'ASC').addOrderBy('o.pinyin', 'ASC').take(query.limit).skip(query.offset);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<OrganizationEntity> {
    const found = await this.organizations.findOneBy({ id });
    if (!found) throw DomainException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND);
    return found;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
