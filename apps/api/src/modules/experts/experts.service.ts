import { HttpStatus, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, ErrorCode, ExpertTitle, Locale, Permission } from '@xkx/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { findOrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { SearchTextService } from '@xkx/api/modules/search/search-text.service';
import { fieldPaths, TaxonomyService } from '@xkx/api/modules/taxonomy/taxonomy.service';
import { ExpertDetailDto, ExpertFacetBucketDto, ExpertListDto, ExpertSummaryDto } from './dto/expert-response.dto';
import { CreateExpertDto, UpdateExpertDto } from './dto/expert-write.dto';
import { ListExpertsQueryDto } from './dto/list-queries.dto';
import { ExpertEntity } from './entities/expert.entity';
import { LaboratoryEntity } from './entities/laboratory.entity';
import { EXPERT_AUDITED, ExpertAuditView, expertAuditView } from './people-audit';
import { expertDetail, expertSearchParts, expertSummary } from './people-mappers';
import { SqlWhere, textSearch } from './people-query';
import { SheetParserService } from '@xkx/api/modules/imports/sheet-parser.service';
import { fieldCodesByName } from '../../common/excel/excel-cells';
import { EXPERT_REQUIRED_COLUMNS, EXPERT_SHEET_HEADERS, ExpertImportReport, importExperts, rowErrorMessage } from './expert-import';

/** Seniority order of the directory's default sort. */
export const TITLE_ORDER: readonly ExpertTitle[] = ['ACADEMICIAN', 'PROFESSOR', 'RESEARCH_FELLOW', 'ASSOCIATE_PROFESSOR', 'ASSOCIATE_RESEARCH_FELLOW', 'SENIOR_ENGINEER', 'LECTURER'];

const FACET_LIMIT = 20;

/** Brokers see every profile and its contact details; the public sees verified profiles without them. */
export const verifiesExperts = (user: AuthUser | undefined): boolean => !!user?.permissions.includes(Permission.EXPERT_VERIFY);

/**
 * Expert profiles: a researcher keeps their own (one per account), brokers keep and verify any. The public
 * directory lists verified profiles, searched through the listings' Chinese text pipeline, with facets.
 */
@Injectable()
export class ExpertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly text: SearchTextService,
    private readonly taxonomy: TaxonomyService,
    private readonly sheets: SheetParserService,
  ) {}

  async list(query: ListExpertsQueryDto, user: AuthUser | undefined): Promise<ExpertListDto> {
    const where = new SqlWhere();
    if (!verifiesExperts(user)) where.add('e.verified');
    const rank = textSearch(this.text, where, 'e', query.q);
    if (query.field) where.add(`e.field_paths @> ARRAY[${where.p(query.field)}]::text[]`);
    if (query.organizationId) where.add(`e.organization_id = ${where.p(query.organizationId)}`);
    if (query.laboratoryId) where.add(`e.laboratory_id = ${where.p(query.laboratoryId)}`);
    if (query.title) where.add(`e.title = ${where.p(query.title)}`);
    if (query.mode) where.add(`e.cooperation_modes @> ARRAY[${where.p(query.mode)}]::text[]`);
    const titles = where.p(TITLE_ORDER);
    const order = `${rank ? `${rank} DESC, ` : ''}array_position(${titles}::text[], e.title::text), e.name_zh, e.id`;
    const limit = where.p(query.limit);
    const offset = where.p(query.offset);
    const m = this.dataSource.manager;
    const [rows, total, facets] = await Promise.all([
      m.query<Array<{ id: string }>>(`SELECT e.id FROM expert e WHERE ${where.sql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`, where.params),
      m.query<Array<{ n: string }>>(`SELECT count(*)::text AS n FROM expert e WHERE ${where.sql}`, where.params.slice(0, -3)),
      this.facets(where),
    ]);
    return { items: await this.summaries(m, rows.map((r) => r.id)), total: Number(total[0]?.n ?? 0), facets };
  }

  private async facets(where: SqlWhere): Promise<ExpertListDto['facets']> {
    const m = this.dataSource.manager;
    const params = where.params.slice(0, -3);
    const bucket = (sql: string): Promise<ExpertFacetBucketDto[]> =>
      m.query<Array<{ value: string; count: string; label: string | null }>>(sql, params).then((rows) => rows.map((r) => ({ value: r.value, count: Number(r.count), ...(r.label ? { label: r.label } : {}) })));
    const [field, organization, title, mode] = await Promise.all([
      bucket(`SELECT f AS value, count(*)::text AS count, NULL AS label FROM expert e, unnest(e.field_codes) f WHERE ${where.sql} GROUP BY f ORDER BY count(*) DESC, f LIMIT ${FACET_LIMIT}`),
      bucket(`SELECT e.organization_id::text AS value, count(*)::text AS count, max(o.name_zh) AS label FROM expert e JOIN organization o ON o.id = e.organization_id WHERE ${where.sql} GROUP BY e.organization_id ORDER BY count(*) DESC, max(o.name_zh) LIMIT ${FACET_LIMIT}`),
      bucket(`SELECT e.title AS value, count(*)::text AS count, NULL AS label FROM expert e WHERE ${where.sql} GROUP BY e.title ORDER BY count(*) DESC, e.title`),
      bucket(`SELECT md AS value, count(*)::text AS count, NULL AS label FROM expert e, unnest(e.cooperation_modes) md WHERE ${where.sql} GROUP BY md ORDER BY count(*) DESC, md`),
    ]);
    return { field, organization, title, mode };
  }

  /** Summaries of these experts, in this order. */
  async summaries(manager: EntityManager, ids: readonly string[]): Promise<ExpertSummaryDto[]> {
    if (ids.length === 0) return [];
    const experts = await manager.find(ExpertEntity, { where: { id: In([...ids]) }, relations: { organization: true, laboratory: true } });
    const byId = new Map(experts.map((e) => [e.id, e]));
    return ids.flatMap((id) => {
      const e = byId.get(id);
      return e?.organization ? [expertSummary(e, e.organization, e.laboratory ?? null)] : [];
    });
  }

  async get(id: string, user: AuthUser | undefined): Promise<ExpertDetailDto> {
    const e = await this.dataSource.manager.findOne(ExpertEntity, { where: { id }, relations: { organization: true, laboratory: true } });
    const own = !!user && e?.userId === user.id;
    if (!e?.organization || (!e.verified && !own && !verifiesExperts(user))) throw DomainException.notFound(ErrorCode.EXPERT_NOT_FOUND);
    return expertDetail(e, e.organization, e.laboratory ?? null, own || verifiesExperts(user));
  }

  /** The caller's own profile. */
  async mine(user: AuthUser): Promise<ExpertDetailDto> {
    const e = await this.dataSource.manager.findOneBy(ExpertEntity, { userId: user.id });
    if (!e) throw DomainException.notFound(ErrorCode.EXPERT_NOT_FOUND);
    return this.get(e.id, user);
  }

  async create(dto: CreateExpertDto, user: AuthUser): Promise<ExpertDetailDto> {
    const broker = verifiesExperts(user);
    const organizationId = broker ? dto.organizationId : user.organizationId;
    if (!organizationId) throw DomainException.validation([{ field: 'organizationId', constraint: 'isDefined', args: [] }]);
    const id = await this.dataSource.transaction(async (manager) => {
      if (!broker && (await manager.existsBy(ExpertEntity, { userId: user.id }))) throw new DomainException(ErrorCode.EXPERT_PROFILE_EXISTS, HttpStatus.CONFLICT);
      await this.assertReferences(manager, organizationId, dto.laboratoryId ?? null, dto.fieldCodes);
      const saved = await manager.save(
        manager.create(ExpertEntity, {
          organizationId,
          laboratoryId: dto.laboratoryId ?? null,
          userId: broker ? null : user.id,
          nameZh: dto.nameZh,
          nameEn: dto.nameEn ?? null,
          title: dto.title,
          fieldCodes: dto.fieldCodes,
          fieldPaths: fieldPaths(dto.fieldCodes),
          directions: dto.directions,
          bio: dto.bio ?? '',
          outputs: dto.outputs ?? [],
          cooperationModes: dto.cooperationModes,
          availability: dto.availability,
          contactEmail: dto.contactEmail ?? null,
          contactPhone: dto.contactPhone ?? null,
          // A broker's entry is checked as it is made; a researcher's waits for a broker.
          verified: broker,
          verifiedById: broker ? user.id : null,
          verifiedAt: broker ? new Date() : null,
        }),
      );
      await this.text.indexRow(manager, 'expert', saved.id, expertSearchParts(saved));
      await recordAudit(manager, {
        action: AuditAction.EXPERT_CREATED, actorId: user.id, subjectType: 'expert', subjectId: saved.id, subjectLabel: saved.nameZh,
        changes: auditDiff<Partial<ExpertAuditView>>({}, expertAuditView(saved, await this.laboratoryName(manager, saved.laboratoryId)), EXPERT_AUDITED),
      });
      return saved.id;
    });
    return this.get(id, user);
  }

  async update(id: string, dto: UpdateExpertDto, user: AuthUser): Promise<ExpertDetailDto> {
    const broker = verifiesExperts(user);
    await this.dataSource.transaction(async (manager) => {
      const e = await manager.createQueryBuilder(ExpertEntity, 'e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
      if (!e || (!broker && e.userId !== user.id)) throw DomainException.notFound(ErrorCode.EXPERT_NOT_FOUND);
      if (e.version !== dto.version) throw DomainException.versionConflict(e.version);
      const before = expertAuditView(e, await this.laboratoryName(manager, e.laboratoryId));
      const { version: _version, organizationId, ...changes } = dto;
      if (organizationId !== undefined && broker) e.organizationId = organizationId;
      if (changes.fieldCodes) e.fieldPaths = fieldPaths(changes.fieldCodes);
      Object.assign(e, changes);
      await this.assertReferences(manager, e.organizationId, e.laboratoryId, e.fieldCodes);
      // A researcher's change goes back to the brokers before the public sees it again.
      if (!broker) Object.assign(e, { verified: false, verifiedById: null, verifiedAt: null });
      const saved = await manager.save(e);
      await this.text.indexRow(manager, 'expert', saved.id, expertSearchParts(saved));
      // Who changed what, before → after: the researcher's own edits and a broker's alike.
      const changed = auditDiff(before, expertAuditView(saved, await this.laboratoryName(manager, saved.laboratoryId)), EXPERT_AUDITED);
      if (Object.keys(changed).length > 0) {
        await recordAudit(manager, { action: AuditAction.EXPERT_UPDATED, actorId: user.id, subjectType: 'expert', subjectId: saved.id, subjectLabel: saved.nameZh, changes: changed, details: { byBroker: broker } });
      }
    });
    return this.get(id, user);
  }

  async verify(id: string, user: AuthUser): Promise<ExpertDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const e = await manager.createQueryBuilder(ExpertEntity, 'e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
      if (!e) throw DomainException.notFound(ErrorCode.EXPERT_NOT_FOUND);
      await manager.update(ExpertEntity, { id }, { verified: true, verifiedById: user.id, verifiedAt: new Date() });
      await recordAudit(manager, { action: AuditAction.EXPERT_VERIFIED, actorId: user.id, subjectType: 'expert', subjectId: id, subjectLabel: e.nameZh, changes: auditDiff({ verified: e.verified }, { verified: true }, ['verified']) });
    });
    return this.get(id, user);
  }

  /**
   * A broker's expert sheet (issue 16): every row checked, then all rows stored or none. Any bad row: 400 with
   * `rowErrors` (row, column, field, message in the caller's language) and nothing written.
   */
  async importSheet(file: Buffer, fileName: string, user: AuthUser, locale: Locale): Promise<ExpertImportReport> {
    const rows = await this.sheets.parse(file, { headers: EXPERT_SHEET_HEADERS, requiredColumns: EXPERT_REQUIRED_COLUMNS });
    // Read before the transaction: PGlite has one connection, which the transaction holds.
    const fieldCodeByName = await fieldCodesByName(this.dataSource);
    const report = await this.dataSource.transaction(async (manager) => {
      const r = await importExperts(manager, rows, {
        actorId: user.id,
        source: fileName,
        fieldCodeByName,
        unknownFieldCodes: (codes) => this.taxonomy.unknownCodes(codes, manager),
        index: (e) => this.text.indexRow(manager, 'expert', e.id, expertSearchParts(e)),
      });
      if (r.errors.length > 0) throw new RowsRefused(r);
      return r;
    }).catch((error: unknown) => {
      if (error instanceof RowsRefused) return error.report;
      throw error;
    });
    if (report.errors.length > 0) {
      throw new DomainException(
        ErrorCode.VALIDATION_FAILED,
        HttpStatus.BAD_REQUEST,
        report.errors.map((e) => ({ field: `rows[${e.row}].${e.field}`, constraint: e.constraint, args: e.args })),
        { rowErrors: report.errors.map((e) => ({ row: e.row, column: e.column, field: e.field, message: rowErrorMessage(e, locale) })) },
      );
    }
    return report;
  }

  private async laboratoryName(manager: EntityManager, laboratoryId: string | null): Promise<string | null> {
    if (!laboratoryId) return null;
    return (await manager.findOne(LaboratoryEntity, { where: { id: laboratoryId }, select: ['id', 'nameZh'] }))?.nameZh ?? null;
  }

  private async assertReferences(manager: EntityManager, organizationId: string, laboratoryId: string | null, fieldCodes: readonly string[]): Promise<void> {
    if (!(await findOrganizationFacts(manager, organizationId))) throw new DomainException(ErrorCode.ORGANIZATION_NOT_FOUND, HttpStatus.BAD_REQUEST, [{ field: 'organizationId', constraint: 'unknownOrganization', args: [organizationId] }]);
    if (laboratoryId && !(await manager.existsBy(LaboratoryEntity, { id: laboratoryId, organizationId })))
      throw DomainException.validation([{ field: 'laboratoryId', constraint: 'laboratoryOfOrganization', args: [] }]);
    const unknown = await this.taxonomy.unknownCodes(fieldCodes, manager);
    if (unknown.length > 0) throw DomainException.validation([{ field: 'fieldCodes', constraint: 'unknownFieldCode', args: [unknown] }]);
  }
}

/** Thrown inside the import's transaction to roll it back with the report. */
class RowsRefused extends Error {
  constructor(readonly report: ExpertImportReport) {
    super('rows refused');
  }
}
