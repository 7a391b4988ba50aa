import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, ErrorCode } from '@xkx/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { findOrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { SearchTextService } from '@xkx/api/modules/search/search-text.service';
import { fieldPaths, TaxonomyService } from '@xkx/api/modules/taxonomy/taxonomy.service';
import { LaboratoryDetailDto, LaboratoryListDto, LaboratorySummaryDto } from './dto/expert-response.dto';
import { CreateLaboratoryDto, UpdateLaboratoryDto } from './dto/laboratory-write.dto';
import { ListLaboratoriesQueryDto } from './dto/list-queries.dto';
import { ExpertEntity } from './entities/expert.entity';
import { LaboratoryEntity } from './entities/laboratory.entity';
import { ExpertsService } from './experts.service';
import { LABORATORY_AUDITED, LaboratoryAuditView, laboratoryAuditView } from './people-audit';
import { laboratorySearchParts, laboratorySummary } from './people-mappers';
import { SqlWhere, textSearch } from './people-query';
import { LABORATORY_KIND_ORDER } from './laboratory-kinds';

/** Laboratories and platforms: units of organizations with directions, a head, members (experts) and outputs. */
@Injectable()
export class LaboratoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly text: SearchTextService,
    private readonly taxonomy: TaxonomyService,
    private readonly experts: ExpertsService,
  ) {}

  async list(query: ListLaboratoriesQueryDto): Promise<LaboratoryListDto> {
    const where = new SqlWhere();
    const rank = textSearch(this.text, where, 'l', query.q);
    if (query.kind) where.add(`l.kind = ${where.p(query.kind)}`);
    if (query.field) where.add(`l.field_paths @> ARRAY[${where.p(query.field)}]::text[]`);
    if (query.organizationId) where.add(`l.organization_id = ${where.p(query.organizationId)}`);
    const count = where.params.length;
    const kinds = where.p(LABORATORY_KIND_ORDER);
    const order = `${rank ? `${rank} DESC, ` : ''}array_position(${kinds}::text[], l.kind::text), l.name_zh, l.id`;
    const m = this.dataSource.manager;
    const [rows, total] = await Promise.all([
      m.query<Array<{ id: string }>>(`SELECT l.id FROM laboratory l WHERE ${where.sql} ORDER BY ${order} LIMIT ${where.p(query.limit)} OFFSET ${where.p(query.offset)}`, where.params),
      m.query<Array<{ n: string }>>(`SELECT count(*)::text AS n FROM laboratory l WHERE ${where.sql}`, where.params.slice(0, count)),
    ]);
    return { items: await this.summaries(m, rows.map((r) => r.id)), total: Number(total[0]?.n ?? 0) };
  }

  /** Summaries of these laboratories, in this order, with their verified member counts. */
  async summaries(manager: EntityManager, ids: readonly string[]): Promise<LaboratorySummaryDto[]> {
    if (ids.length === 0) return [];
    const [labs, counts] = await Promise.all([
      manager.find(LaboratoryEntity, { where: { id: In([...ids]) }, relations: { organization: true } }),
      manager.query<Array<{ id: string; n: string }>>(`SELECT laboratory_id AS id, count(*)::text AS n FROM expert WHERE verified AND laboratory_id = ANY($1::uuid[]) GROUP BY laboratory_id`, [ids]),
    ]);
    const byId = new Map(labs.map((l) => [l.id, l]));
    const members = new Map(counts.map((c) => [c.id, Number(c.n)]));
    return ids.flatMap((id) => {
      const l = byId.get(id);
      return l?.organization ? [laboratorySummary(l, l.organization, members.get(id) ?? 0)] : [];
    });
  }

  async get(id: string, user: AuthUser | undefined): Promise<LaboratoryDetailDto> {
    const m = this.dataSource.manager;
    const lab = await m.findOneBy(LaboratoryEntity, { id });
    if (!lab) throw DomainException.notFound(ErrorCode.LABORATORY_NOT_FOUND);
    const [summary] = await this.summaries(m, [id]);
    if (!summary) throw DomainException.notFound(ErrorCode.LABORATORY_NOT_FOUND);
    const members = await this.experts.list({ laboratoryId: id, limit: 100, offset: 0 }, user);
    return {
      ...summary,
      summary: lab.summary,
      outputs: lab.outputs.map((o) => ({ kind: o.kind, title: o.title, ...(o.ref ? { ref: o.ref } : {}), ...(o.year ? { year: o.year } : {}) })),
      members: members.items,
      version: lab.version,
    };
  }

  async create(dto: CreateLaboratoryDto, user: AuthUser): Promise<LaboratoryDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertReferences(manager, dto.organizationId, dto.fieldCodes);
      await this.assertNameFree(manager, dto.organizationId, dto.nameZh, null);
      const saved = await manager.save(
        manager.create(LaboratoryEntity, {
          organizationId: dto.organizationId,
          nameZh: dto.nameZh,
          nameEn: dto.nameEn ?? null,
          kind: dto.kind,
          fieldCodes: dto.fieldCodes,
          fieldPaths: fieldPaths(dto.fieldCodes),
          directions: dto.directions,
          headName: dto.headName ?? null,
          summary: dto.summary ?? '',
          outputs: dto.outputs ?? [],
        }),
      );
      await this.text.indexRow(manager, 'laboratory', saved.id, laboratorySearchParts(saved));
      await recordAudit(manager, { action: AuditAction.LABORATORY_CREATED, actorId: user.id, subjectType: 'laboratory', subjectId: saved.id, subjectLabel: saved.nameZh, changes: auditDiff<Partial<LaboratoryAuditView>>({}, laboratoryAuditView(saved), LABORATORY_AUDITED) });
      return saved.id;
    });
    return this.get(id, user);
  }

  async update(id: string, dto: UpdateLaboratoryDto, user: AuthUser): Promise<LaboratoryDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const lab = await manager.createQueryBuilder(LaboratoryEntity, 'l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
      if (!lab) throw DomainException.notFound(ErrorCode.LABORATORY_NOT_FOUND);
      if (lab.version !== dto.version) throw DomainException.versionConflict(lab.version);
      const before = laboratoryAuditView(lab);
      const { version: _version, ...changes } = dto;
      if (changes.fieldCodes) lab.fieldPaths = fieldPaths(changes.fieldCodes);
      Object.assign(lab, changes);
      await this.assertReferences(manager, lab.organizationId, lab.fieldCodes);
      await this.assertNameFree(manager, lab.organizationId, lab.nameZh, lab.id);
      // Members stay with their organization: a laboratory moved to another one lets them go.
      if (changes.organizationId) await manager.createQueryBuilder().update(ExpertEntity).set({ laboratoryId: null }).where('laboratory_id = :id AND organization_id <> :org', { id, org: lab.organizationId }).execute();
      const saved = await manager.save(lab);
      await this.text.indexRow(manager, 'laboratory', saved.id, laboratorySearchParts(saved));
      const changed = auditDiff(before, laboratoryAuditView(saved), LABORATORY_AUDITED);
      if (Object.keys(changed).length > 0) await recordAudit(manager, { action: AuditAction.LABORATORY_UPDATED, actorId: user.id, subjectType: 'laboratory', subjectId: id, subjectLabel: saved.nameZh, changes: changed });
    });
    return this.get(id, user);
  }

  private async assertReferences(manager: EntityManager, organizationId: string, fieldCodes: readonly string[]): Promise<void> {
    if (!(await findOrganizationFacts(manager, organizationId))) throw new DomainException(ErrorCode.ORGANIZATION_NOT_FOUND, HttpStatus.BAD_REQUEST, [{ field: 'organizationId', constraint: 'unknownOrganization', args: [organizationId] }]);
    const unknown = await this.taxonomy.unknownCodes(fieldCodes, manager);
    if (unknown.length > 0) throw DomainException.validation([{ field: 'fieldCodes', constraint: 'unknownFieldCode', args: [unknown] }]);
  }

  private async assertNameFree(manager: EntityManager, organizationId: string, nameZh: string, id: string | null): Promise<void> {
    const other = await manager.findOneBy(LaboratoryEntity, { organizationId, nameZh });
    if (other && other.id !== id) throw new DomainException(ErrorCode.CONFLICT, HttpStatus.CONFLICT, [{ field: 'nameZh', constraint: 'laboratoryNameTaken', args: [] }]);
  }
}
