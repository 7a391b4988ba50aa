import { AuditAction, auditDiff, formatValidationMessage, ORGANIZATION_KIND_LABELS, OrganizationKind } from '@xkx/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { flattenErrors } from '../../common/validation/validation.pipe';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';
import { CreateOrganizationDto } from './dto/organization-write.dto';
import { OrganizationEntity } from './organization.entity';
import { newOrganization } from './new-organization';
import { pinyinKeys } from '@xkx/text-zh';
import { sheetTemplate } from '../../common/excel/sheet-template';
import { ColumnSpec, labelToCode, yesNo } from '../../common/excel/sheet-columns';
import { ImportRowError, readSheetRows, SheetLimits, SheetRow } from '../../common/excel/xlsx-rows';

/**
 * Reference organizations (universities, institutes, enterprises, tech-transfer centers) from an .xlsx,
 * for `npm run orgs:import`. Plain functions over a DataSource, like `Administrators`, so the command
 * line uses them without booting the app.
 *
 * The template discipline is the listing import's: Chinese headings (* = required), every row validated
 * with the API's own DTO (CreateOrganizationDto: the credit code's GB 32100 check character, the area
 * code…), errors kept by row and column and worded in zh-CN and en, and then all rows or none, in one
 * transaction. Rows are matched to existing organizations by 统一社会信用代码, or by full Chinese name when
 * the row has no code. A match is left as it is unless `update` is set, in which case the row's non-empty
 * cells overwrite the organization's fields (audited before → after); re-running a file is harmless.
 */

/** Blank area code means 栖霞区. */
export const DEFAULT_AREA_CODE = '320113';

export const ORGANIZATION_COLUMNS: ColumnSpec[] = [
  { header: '机构名称*', field: 'nameZh', width: 32, note: '全称，如 南京邮电大学' },
  { header: '类型*', field: 'kind', width: 14, note: Object.values(ORGANIZATION_KIND_LABELS).map((l) => l['zh-CN']).join('/') },
  {
    header: '统一社会信用代码',
    field: 'creditCode',
    width: 22,
    note: '18 位，校验位按 GB 32100-2015 检查；企业和技术转移机构必填。高校、院所（事业单位代码以 12 开头）未核实时请留空，切勿编造',
  },
  { header: '简称', field: 'shortName', width: 12 },
  { header: '英文名称', field: 'nameEn', width: 36 },
  { header: '行政区划代码', field: 'areaCode', width: 12, note: `6 位 GB/T 2260 代码；留空为 ${DEFAULT_AREA_CODE}（栖霞区）` },
  { header: '地址', field: 'address', width: 36 },
  { header: '高新技术企业', field: 'isHighTech', width: 12, note: '是/否' },
  { header: '专精特新', field: 'isSpecialized', width: 10, note: '是/否' },
  { header: '重点监测企业', field: 'isKeyMonitored', width: 12, note: '是/否' },
];

const FLAGS = ['isHighTech', 'isSpecialized', 'isKeyMonitored'] as const;
const TEXT_FIELDS = ['nameZh', 'nameEn', 'shortName', 'kind', 'areaCode', 'address', 'creditCode'] as const;
const AUDITED = [...TEXT_FIELDS, ...FLAGS] as const;

export interface OrganizationImportOptions {
  /** Overwrite existing organizations (matched by credit code or name) with the row's non-empty cells. */
  update?: boolean;
  /** Validate and match against the database, then roll back. */
  dryRun?: boolean;
  /** The file name or list name, kept in the audit entries. */
  source: string;
  /** Who imports; null from the command line (there is no signed-in user). */
  actorId?: string | null;
}

export interface ImportedOrganization {
  row: number;
  id: string;
  nameZh: string;
}

export interface OrganizationImportReport {
  /** Rows read (blank rows skipped). */
  total: number;
  created: ImportedOrganization[];
  updated: ImportedOrganization[];
  unchanged: ImportedOrganization[];
  /** Non-empty: nothing was stored. */
  errors: ImportRowError[];
  dryRun: boolean;
}

export function organizationTemplate(): Promise<Buffer> {
  return sheetTemplate('机构', ORGANIZATION_COLUMNS, [
    ['说明', '带 * 的列必填。同一统一社会信用代码或同一名称只能出现一次。任何一行有错时整份文件都不导入。'],
    ['已存在的机构', '按统一社会信用代码（无代码时按全称）匹配；默认保持不变，加 --update 时用本行非空单元格更新。'],
  ]);
}

/** The first sheet's rows, under the same limits as listing imports (rows, inflated size, zip entries). */
export function readOrganizationRows(file: Buffer, limits: SheetLimits): Promise<SheetRow[]> {
  return readSheetRows(file, {
    headers: Object.fromEntries(ORGANIZATION_COLUMNS.map((c) => [c.header.replace(/\*$/, ''), c.field])),
    requiredColumns: ORGANIZATION_COLUMNS.filter((c) => c.header.endsWith('*')).length,
    limits,
  });
}

interface ValidRow {
  row: number;
  dto: CreateOrganizationDto;
  /** The fields the row actually filled (an update never blanks a field the sheet left empty). */
  filled: Set<string>;
}

/** Thrown inside the transaction to roll it back with the report. */
class RolledBack extends Error {
  constructor(readonly report: OrganizationImportReport) {
    super('rolled back');
  }
}

export async function importOrganizations(dataSource: DataSource, rows: SheetRow[], options: OrganizationImportOptions): Promise<OrganizationImportReport> {
  const report: OrganizationImportReport = { total: rows.length, created: [], updated: [], unchanged: [], errors: [], dryRun: options.dryRun ?? false };
  const valid: ValidRow[] = [];
  for (const { row, values } of rows) {
    const { input, filled } = organizationInput(values);
    const dto = plainToInstance(CreateOrganizationDto, input);
    const issues = flattenErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: false, validationError: { target: true, value: false } }));
    const rowErrors = issues.map((i) => rowError(row, i.field, i.field === 'kind' ? 'isIn' : i.constraint, i.field === 'kind' ? [Object.values(ORGANIZATION_KIND_LABELS).map((l) => l['zh-CN'])] : i.args));
    // One message per cell.
    const perCell = rowErrors.filter((e, i) => rowErrors.findIndex((o) => o.field === e.field) === i);
    if (perCell.length > 0) report.errors.push(...perCell);
    else valid.push({ row, dto, filled });
  }

  // The same code or name twice in one file: the later row is reported, naming the first.
  const firstByCode = new Map<string, number>();
  const firstByName = new Map<string, number>();
  for (const { row, dto } of valid) {
    const code = dto.creditCode;
    if (code) {
      const first = firstByCode.get(code);
      if (first !== undefined) report.errors.push(rowError(row, 'creditCode', 'duplicateInFile', [first]));
      else firstByCode.set(code, row);
    }
    const first = firstByName.get(dto.nameZh);
    if (first !== undefined) report.errors.push(rowError(row, 'nameZh', 'duplicateInFile', [first]));
    else firstByName.set(dto.nameZh, row);
  }

  try {
    await dataSource.transaction(async (manager) => {
      // One import at a time, so two runs of the same file cannot both create the same organization.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('xkx-organization-import'))`);
      const existing = await loadExisting(manager, valid);
      for (const item of valid) {
        if (report.errors.some((e) => e.row === item.row)) continue;
        await applyRow(manager, item, existing, options, report);
      }
      report.errors.sort((a, b) => a.row - b.row);
      if (report.errors.length > 0) throw new RolledBack({ ...report, created: [], updated: [], unchanged: [] });
      if (report.dryRun) throw new RolledBack(report);
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.report;
    throw error;
  }
  return report;
}

async function loadExisting(manager: EntityManager, rows: ValidRow[]): Promise<OrganizationEntity[]> {
  const codes = rows.map((r) => r.dto.creditCode).filter((c): c is string => !!c);
  const names = rows.map((r) => r.dto.nameZh);
  if (rows.length === 0) return [];
  return manager
    .createQueryBuilder(OrganizationEntity, 'o')
    .setLock('pessimistic_write')
    .where('o.name_zh IN (:...names)', { names })
    .orWhere(codes.length > 0 ? 'o.credit_code IN (:...codes)' : 'false', { codes })
    .getMany();
}

async function applyRow(manager: EntityManager, item: ValidRow, existing: OrganizationEntity[], options: OrganizationImportOptions, report: OrganizationImportReport): Promise<void> {
  const { row, dto, filled } = item;
  const byCode = dto.creditCode ? existing.find((o) => o.creditCode === dto.creditCode) : undefined;
  const byName = existing.filter((o) => o.nameZh === dto.nameZh);
  let match = byCode;
  if (!match && byName.length > 0) {
    // Same name, another registered code: two different legal persons, or a typo. Either way a person decides.
    const other = byName.find((o) => o.creditCode && dto.creditCode && o.creditCode !== dto.creditCode);
    if (other) {
      report.errors.push(rowError(row, 'nameZh', 'organizationNameTaken', [other.creditCode]));
      return;
    }
    match = byName[0];
  }
  // Renaming onto a name another organization already has would make two organizations of one name.
  if (match && options.update && filled.has('nameZh') && byName.some((o) => o.id !== match?.id)) {
    report.errors.push(rowError(row, 'nameZh', 'organizationNameTaken', [byName.find((o) => o.id !== match?.id)?.creditCode ?? '']));
    return;
  }
  const audit = { via: 'import', source: options.source, row };
  if (!match) {
    const org = await manager.save(newOrganization(manager, dto));
    existing.push(org);
    await recordAudit(manager, { action: AuditAction.ORGANIZATION_CREATED, actorId: options.actorId ?? null, subjectType: 'organization', subjectId: org.id, subjectLabel: org.nameZh, details: audit });
    report.created.push({ row, id: org.id, nameZh: org.nameZh });
    return;
  }
  const changes: Partial<OrganizationEntity> = {};
  if (options.update) {
    for (const field of AUDITED) {
      if (filled.has(field)) Object.assign(changes, { [field]: dto[field] });
    }
    const kind = changes.kind ?? match.kind;
    const code = changes.creditCode ?? match.creditCode;
    if ((kind === OrganizationKind.ENTERPRISE || kind === OrganizationKind.AGENCY) && !code) {
      report.errors.push(rowError(row, 'creditCode', 'isCreditCode', []));
      return;
    }
  }
  const diff = auditDiff(match, changes, AUDITED);
  if (Object.keys(diff).length === 0) {
    report.unchanged.push({ row, id: match.id, nameZh: match.nameZh });
    return;
  }
  const changed = Object.fromEntries(Object.keys(diff).map((f) => [f, (changes as Record<string, unknown>)[f]]));
  Object.assign(match, changed);
  // update() bumps the version and updated_at, so an admin's open edit form gets its 409.
  await manager.update(OrganizationEntity, match.id, { ...changed, ...('nameZh' in diff ? pinyinKeys(match.nameZh) : {}) });
  await recordAudit(manager, { action: AuditAction.ORGANIZATION_UPDATED, actorId: options.actorId ?? null, subjectType: 'organization', subjectId: match.id, subjectLabel: match.nameZh, changes: diff, details: audit });
  report.updated.push({ row, id: match.id, nameZh: match.nameZh });
}

/** A sheet row's text as the DTO's input: labels to codes, blanks to absent, full-width to half-width codes. */
function organizationInput(values: Record<string, string>): { input: Record<string, unknown>; filled: Set<string> } {
  const text = (field: string): string | undefined => {
    const v = (values[field] ?? '').normalize('NFC').trim();
    return v ? v : undefined;
  };
  const code = (field: string): string | undefined => text(field)?.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const input: Record<string, unknown> = {
    nameZh: text('nameZh') ?? '',
    nameEn: text('nameEn'),
    shortName: text('shortName'),
    kind: labelToCode(ORGANIZATION_KIND_LABELS, text('kind') ?? ''),
    areaCode: code('areaCode') ?? DEFAULT_AREA_CODE,
    address: text('address'),
    creditCode: code('creditCode'),
  };
  for (const flag of FLAGS) {
    const v = text(flag);
    input[flag] = v === undefined ? undefined : yesNo(v);
  }
  const filled = new Set(Object.keys(values).filter((f) => text(f) !== undefined));
  return { input, filled };
}

function rowError(row: number, field: string, constraint: string, args: unknown[]): ImportRowError {
  const column = ORGANIZATION_COLUMNS.find((c) => c.field === field)?.header.replace(/\*$/, '') ?? field;
  return { row, column, field, constraint, args };
}

/** "第 3 行【统一社会信用代码】不是有效的… / row 3, 统一社会信用代码 (creditCode): is not a valid …" */
export function describeRowError(error: ImportRowError): string {
  const zh = formatValidationMessage(error.constraint, error.args, 'zh-CN') ?? formatValidationMessage('invalid', [], 'zh-CN');
  const en = formatValidationMessage(error.constraint, error.args, 'en') ?? formatValidationMessage('invalid', [], 'en');
  return `第 ${error.row} 行【${error.column}】${zh} / row ${error.row}, ${error.column} (${error.field}): ${en}`;
}
