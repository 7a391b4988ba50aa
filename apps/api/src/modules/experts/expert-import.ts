import { AuditAction, auditDiff, EXPERT_AVAILABILITY_LABELS, EXPERT_COOPERATION_MODE_LABELS, EXPERT_TITLE_LABELS, formatValidationMessage, Locale } from '@xkx/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EntityManager } from 'typeorm';
import { flattenErrors } from '../../common/validation/validation.pipe';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { findOrganizationsFactsByNameOrCode, OrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { fieldPaths } from '@xkx/api/modules/taxonomy/taxonomy.service';
import { sheetTemplate } from '../../common/excel/sheet-template';
import { ColumnSpec, labelToCode, splitList } from '../../common/excel/sheet-columns';
import { ImportRowError, SheetRow } from '../../common/excel/xlsx-rows';
import { CreateExpertDto } from './dto/expert-write.dto';
import { ExpertEntity } from './entities/expert.entity';
import { LaboratoryEntity } from './entities/laboratory.entity';
import { EXPERT_AUDITED, ExpertAuditView, expertAuditView } from './people-audit';

/**
 * Expert profiles from an .xlsx, for brokers (issue 16): the organizations import's template discipline
 * (Chinese headings, * = required, a 填写说明 sheet; every row validated with the API's own DTO; errors by row
 * and column in zh-CN and en; all rows or none, in one transaction). The organization is named by full name or
 * 统一社会信用代码, the laboratory by name within it. A row matches an existing profile by name within the same
 * organization; its non-empty cells then overwrite the profile (audited before → after); an identical row is left
 * alone, so re-running a file is harmless. Imported profiles have no account and are verified by the importing broker.
 */
export const EXPERT_COLUMNS: ColumnSpec[] = [
  { header: '姓名*', field: 'nameZh', width: 12 },
  { header: '英文名', field: 'nameEn', width: 18 },
  { header: '职称*', field: 'title', width: 14, note: Object.values(EXPERT_TITLE_LABELS).map((l) => l['zh-CN']).join('/') },
  { header: '所属机构*', field: 'organization', width: 28, note: '机构全称或统一社会信用代码，须已在平台登记' },
  { header: '实验室', field: 'laboratory', width: 28, note: '该机构已登记的实验室或平台的名称' },
  { header: '研究领域代码*', field: 'fieldCodes', width: 18, note: '技术领域名称（或其代码），如 储能与动力电池；多个用逗号分隔，至多 5 个' },
  { header: '研究方向*', field: 'directions', width: 40 },
  { header: '合作方式*', field: 'cooperationModes', width: 24, note: Object.values(EXPERT_COOPERATION_MODE_LABELS).map((l) => l['zh-CN']).join('/') + '；多个用逗号分隔' },
  { header: '合作意向*', field: 'availability', width: 14, note: Object.values(EXPERT_AVAILABILITY_LABELS).map((l) => l['zh-CN']).join('/') },
  { header: '联系邮箱', field: 'contactEmail', width: 24, note: '仅经纪人可见' },
  { header: '联系电话', field: 'contactPhone', width: 16, note: '仅经纪人可见' },
];

export const EXPERT_SHEET_HEADERS: Record<string, string> = Object.fromEntries(EXPERT_COLUMNS.map((c) => [c.header.replace(/\*$/, ''), c.field]));
export const EXPERT_REQUIRED_COLUMNS = EXPERT_COLUMNS.filter((c) => c.header.endsWith('*')).length;

export interface ImportedExpert {
  row: number;
  id: string;
  nameZh: string;
}

export interface ExpertImportReport {
  total: number;
  created: ImportedExpert[];
  updated: ImportedExpert[];
  unchanged: ImportedExpert[];
  /** Non-empty: nothing was stored. */
  errors: ImportRowError[];
}

export function expertTemplate(): Promise<Buffer> {
  return sheetTemplate('专家', EXPERT_COLUMNS, [
    ['说明', '带 * 的列必填。同一机构的同名专家在一份文件中只能出现一次。任何一行有错时整份文件都不导入。'],
    ['已存在的专家', '按所属机构和姓名匹配；本行非空单元格更新其档案（留痕），空单元格保持原值。'],
  ]);
}

interface ValidRow {
  row: number;
  dto: CreateExpertDto;
  organization: string;
  laboratory?: string;
  filled: Set<string>;
}

/** Validates every row, resolves organizations, laboratories and field codes, and writes all rows or none (the caller's transaction). */
export async function importExperts(
  manager: EntityManager,
  rows: SheetRow[],
  options: {
    actorId: string;
    source: string;
    /** Chinese field names that name one field only → its code: the sheet takes names, as the listing import does. */
    fieldCodeByName: ReadonlyMap<string, string>;
    unknownFieldCodes: (codes: string[]) => Promise<string[]>;
    index: (expert: ExpertEntity) => Promise<void>;
  },
): Promise<ExpertImportReport> {
  const report: ExpertImportReport = { total: rows.length, created: [], updated: [], unchanged: [], errors: [] };
  const valid: ValidRow[] = [];
  for (const { row, values } of rows) {
    const text = (f: string): string | undefined => (values[f] ?? '').normalize('NFC').trim() || undefined;
    const input = {
      nameZh: text('nameZh') ?? '',
      nameEn: text('nameEn'),
      title: labelToCode(EXPERT_TITLE_LABELS, text('title') ?? ''),
      fieldCodes: splitList(text('fieldCodes') ?? '').map((c) => options.fieldCodeByName.get(c) ?? c.normalize('NFKC').toUpperCase()),
      directions: text('directions') ?? '',
      cooperationModes: splitList(text('cooperationModes') ?? '').map((m) => labelToCode(EXPERT_COOPERATION_MODE_LABELS, m)),
      availability: labelToCode(EXPERT_AVAILABILITY_LABELS, text('availability') ?? ''),
      contactEmail: text('contactEmail'),
      contactPhone: text('contactPhone')?.normalize('NFKC'),
    };
    const dto = plainToInstance(CreateExpertDto, input);
    const issues = flattenErrors(await validate(dto, { whitelist: true, validationError: { target: true, value: false } }));
    const labels: Record<string, string[]> = {
      title: Object.values(EXPERT_TITLE_LABELS).map((l) => l['zh-CN']),
      cooperationModes: Object.values(EXPERT_COOPERATION_MODE_LABELS).map((l) => l['zh-CN']),
      availability: Object.values(EXPERT_AVAILABILITY_LABELS).map((l) => l['zh-CN']),
    };
    const rowErrors = issues.map((i) => {
      const field = i.field.replace(/\.\d+$|\[\d+\]$/, '');
      return labels[field] && i.constraint === 'isEnum' ? rowError(row, field, 'isIn', [labels[field]]) : rowError(row, field, i.constraint, i.args);
    });
    const organization = text('organization');
    if (!organization) rowErrors.push(rowError(row, 'organization', 'isNotEmpty', []));
    const perCell = rowErrors.filter((e, i) => rowErrors.findIndex((o) => o.field === e.field) === i);
    if (perCell.length > 0) report.errors.push(...perCell);
    else if (organization) valid.push({ row, dto, organization, laboratory: text('laboratory'), filled: new Set(Object.keys(values).filter((f) => text(f) !== undefined)) });
  }

  // Organizations by full name or credit code, laboratories by name within them.
  const orgKeys = [...new Set(valid.map((v) => v.organization))];
  const orgs = await findOrganizationsFactsByNameOrCode(manager, orgKeys, orgKeys.map((k) => k.normalize('NFKC').toUpperCase()));
  const orgOf = (key: string): OrganizationFacts | undefined => orgs.find((o) => o.nameZh === key) ?? orgs.find((o) => o.creditCode === key.normalize('NFKC').toUpperCase());
  const labs = orgs.length ? await manager.find(LaboratoryEntity, { where: orgs.map((o) => ({ organizationId: o.id })) }) : [];
  const unknownCodes = new Set(await options.unknownFieldCodes([...new Set(valid.flatMap((v) => v.dto.fieldCodes))]));

  const first = new Map<string, number>();
  const resolved: Array<ValidRow & { org: OrganizationFacts; lab: LaboratoryEntity | null }> = [];
  for (const v of valid) {
    const org = orgOf(v.organization);
    if (!org) {
      report.errors.push(rowError(v.row, 'organization', 'unknownOrganization', [v.organization]));
      continue;
    }
    const lab = v.laboratory ? labs.find((l) => l.organizationId === org.id && l.nameZh === v.laboratory) : null;
    if (lab === undefined) {
      report.errors.push(rowError(v.row, 'laboratory', 'laboratoryOfOrganization', []));
      continue;
    }
    const unknown = v.dto.fieldCodes.filter((c) => unknownCodes.has(c));
    if (unknown.length > 0) {
      report.errors.push(rowError(v.row, 'fieldCodes', 'unknownFieldCode', [unknown]));
      continue;
    }
    const key = `${org.id}\u0000${v.dto.nameZh}`;
    const earlier = first.get(key);
    if (earlier !== undefined) {
      report.errors.push(rowError(v.row, 'nameZh', 'duplicateInFile', [earlier]));
      continue;
    }
    first.set(key, v.row);
    resolved.push({ ...v, org, lab });
  }
  report.errors.sort((a, b) => a.row - b.row);
  if (report.errors.length > 0) return report;

  // One import at a time, so two runs of the same file cannot both create the same profile.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('xkx-expert-import'))`);
  const existing = resolved.length
    ? await manager
        .createQueryBuilder(ExpertEntity, 'e')
        .setLock('pessimistic_write')
        .where('e.organization_id IN (:...orgs)', { orgs: [...new Set(resolved.map((r) => r.org.id))] })
        .andWhere('e.name_zh IN (:...names)', { names: [...new Set(resolved.map((r) => r.dto.nameZh))] })
        .getMany()
    : [];
  const labName = (id: string | null): string | null => labs.find((l) => l.id === id)?.nameZh ?? null;
  const details = { via: 'import', source: options.source };
  for (const r of resolved) {
    const { dto } = r;
    const match = existing.find((e) => e.organizationId === r.org.id && e.nameZh === dto.nameZh);
    if (!match) {
      const e = await manager.save(
        manager.create(ExpertEntity, {
          organizationId: r.org.id, laboratoryId: r.lab?.id ?? null, userId: null, nameZh: dto.nameZh, nameEn: dto.nameEn ?? null, title: dto.title,
          fieldCodes: dto.fieldCodes, fieldPaths: fieldPaths(dto.fieldCodes), directions: dto.directions, bio: '', outputs: [], cooperationModes: dto.cooperationModes,
          availability: dto.availability, contactEmail: dto.contactEmail ?? null, contactPhone: dto.contactPhone ?? null,
          verified: true, verifiedById: options.actorId, verifiedAt: new Date(),
        }),
      );
      await recordAudit(manager, {
        action: AuditAction.EXPERT_CREATED, actorId: options.actorId, subjectType: 'expert', subjectId: e.id, subjectLabel: e.nameZh,
        changes: auditDiff<Partial<ExpertAuditView>>({}, expertAuditView(e, labName(e.laboratoryId)), EXPERT_AUDITED), details: { ...details, row: r.row },
      });
      await options.index(e);
      report.created.push({ row: r.row, id: e.id, nameZh: e.nameZh });
      continue;
    }
    const before = expertAuditView(match, labName(match.laboratoryId));
    const changes: Partial<ExpertEntity> = {};
    for (const f of ['nameEn', 'title', 'fieldCodes', 'directions', 'cooperationModes', 'availability', 'contactEmail', 'contactPhone'] as const) {
      if (r.filled.has(f)) Object.assign(changes, { [f]: dto[f] });
    }
    if (r.filled.has('laboratory')) changes.laboratoryId = r.lab?.id ?? null;
    const after = expertAuditView({ ...match, ...changes } as ExpertEntity, labName(changes.laboratoryId !== undefined ? changes.laboratoryId : match.laboratoryId));
    const diff = auditDiff(before, after, EXPERT_AUDITED);
    if (Object.keys(diff).length === 0) {
      report.unchanged.push({ row: r.row, id: match.id, nameZh: match.nameZh });
      continue;
    }
    Object.assign(match, changes, changes.fieldCodes ? { fieldPaths: fieldPaths(changes.fieldCodes) } : {});
    const e = await manager.save(match);
    await recordAudit(manager, { action: AuditAction.EXPERT_UPDATED, actorId: options.actorId, subjectType: 'expert', subjectId: e.id, subjectLabel: e.nameZh, changes: diff, details: { ...details, row: r.row, byBroker: true } });
    await options.index(e);
    report.updated.push({ row: r.row, id: e.id, nameZh: e.nameZh });
  }
  return report;
}

function rowError(row: number, field: string, constraint: string, args: unknown[]): ImportRowError {
  const column = EXPERT_COLUMNS.find((c) => c.field === field)?.header.replace(/\*$/, '') ?? field;
  return { row, column, field, constraint, args };
}

/** "第 3 行【研究领域代码】包含不存在的技术领域：XX" in zh-CN, "row 3, 研究领域代码 (fieldCodes): contains unknown …" in en. */
export function rowErrorMessage(error: ImportRowError, locale: Locale): string {
  const text = formatValidationMessage(error.constraint, error.args, locale) ?? formatValidationMessage('invalid', [], locale) ?? error.constraint;
  return locale === 'en' ? `row ${error.row}, ${error.column} (${error.field}): ${text}` : `第 ${error.row} 行【${error.column}】${text}`;
}
