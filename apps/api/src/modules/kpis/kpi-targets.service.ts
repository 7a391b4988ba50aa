import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, DEFAULT_KPI_TARGETS, ErrorCode } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { findOrganizationsFacts } from '@xkx/api/modules/organizations/organization-reader';
import { KpiTargetDto, KpiTargetsDto } from './dto/kpi-response.dto';
import { PutKpiTargetsDto } from './dto/kpi-query.dto';
import { KpiInstitutionTargetEntity, KpiTargetEntity } from './entities/kpi-target.entity';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';

/** Yearly targets: the district's (defaults 165 projects, 84 亿元) and optional ones per institution. */
@Injectable()
export class KpiTargetsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(year: number): Promise<KpiTargetsDto> {
    const row = await this.dataSource.manager.findOneBy(KpiTargetEntity, { year });
    const institutions = await this.dataSource.manager.find(KpiInstitutionTargetEntity, { where: { year }, relations: { organization: true }, order: { organizationId: 'ASC' } });
    return {
      year,
      projects: row?.projects ?? DEFAULT_KPI_TARGETS.projects,
      contractAmountFen: row?.contractAmountFen ?? DEFAULT_KPI_TARGETS.contractAmountFen,
      isDefault: !row,
      institutions: institutions
        .map((t) => ({ organizationId: t.organizationId, name: t.organization?.nameZh ?? '', projects: t.projects, contractAmountFen: t.contractAmountFen }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    };
  }

  async put(dto: PutKpiTargetsDto, user: AuthUser): Promise<KpiTargetsDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(KpiTargetEntity, { where: { year: dto.year }, lock: { mode: 'pessimistic_write' } });
      await manager.upsert(KpiTargetEntity, { year: dto.year, projects: dto.projects, contractAmountFen: dto.contractAmountFen, updatedById: user.id }, ['year']);
      await recordAudit(manager, {
        action: AuditAction.KPI_TARGET_CHANGED, actorId: user.id, subjectType: 'kpi_target', subjectLabel: `${dto.year} 年度目标`,
        changes: auditDiff({ projectTarget: before?.projects ?? null, turnoverTargetFen: before?.contractAmountFen ?? null }, { projectTarget: dto.projects, turnoverTargetFen: dto.contractAmountFen }, ['projectTarget', 'turnoverTargetFen']),
        details: { year: dto.year },
      });
      if (dto.institutions === undefined) return;
      const ids = dto.institutions.map((t) => t.organizationId);
      const orgs = await findOrganizationsFacts(manager, ids);
      const issues = dto.institutions.flatMap((t, i) => {
        const org = orgs.find((o) => o.id === t.organizationId);
        return org && (org.kind === 'UNIVERSITY' || org.kind === 'INSTITUTE') ? [] : [{ field: `institutions.${i}.organizationId`, constraint: 'kpiInstitution', args: [], fallback: 'must be a university or institute' }];
      });
      if (issues.length) throw new DomainException(ErrorCode.KPI_INSTITUTION_INVALID, HttpStatus.BAD_REQUEST, issues);
      if (new Set(ids).size !== ids.length) throw DomainException.validation([{ field: 'institutions', constraint: 'arrayUnique', args: [] }]);
      await manager.delete(KpiInstitutionTargetEntity, { year: dto.year });
      if (dto.institutions.length) {
        await manager.insert(KpiInstitutionTargetEntity, dto.institutions.map((t) => ({ year: dto.year, organizationId: t.organizationId, projects: t.projects, contractAmountFen: t.contractAmountFen, updatedById: user.id })));
      }
    });
    return this.get(dto.year);
  }

  /** The target a headline is measured against: the institution's when filtered by one (null if it has none), else the district's. */
  async resolve(year: number, institutionId: string | null): Promise<KpiTargetDto | null> {
    if (institutionId) {
      const t = await this.dataSource.manager.findOneBy(KpiInstitutionTargetEntity, { year, organizationId: institutionId });
      return t ? { projects: t.projects, contractAmountFen: t.contractAmountFen, isDefault: false, scope: 'institution' } : null;
    }
    const row = await this.dataSource.manager.findOneBy(KpiTargetEntity, { year });
    return {
      projects: row?.projects ?? DEFAULT_KPI_TARGETS.projects,
      contractAmountFen: row?.contractAmountFen ?? DEFAULT_KPI_TARGETS.contractAmountFen,
      isDefault: !row,
      scope: 'district',
    };
  }
}
