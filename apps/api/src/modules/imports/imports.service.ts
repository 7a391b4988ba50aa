import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, ListingKind, Permission, NEED_TYPE_LABELS, OrganizationKind, PRICE_TYPE_LABELS, RESULT_FORM_LABELS, RESULT_STAGE_LABELS, TRANSFER_MODE_LABELS } from '@xkx/contracts';
import { isValidCreditCode } from '@xkx/util';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Workbook, Worksheet } from 'exceljs';
import { DataSource, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { flattenErrors } from '../../common/validation/validation.pipe';
import { CreateNeedDto } from '../listings/dto/need-write.dto';
import { CreateResultDto } from '../listings/dto/result-write.dto';
import { ListingBaseEntity } from '../listings/entities/listing-base.entity';
import { KindSpec, NEED_SPEC, RESULT_SPEC } from '../listings/listing-kinds';
import { ListingEvents } from '../listings/listing-events';
import { ListingsService } from '../listings/listings.service';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ColumnSpec, labelToCode, NEED_COLUMNS, parseIndicators, parseIpAssets, RESULT_COLUMNS, splitList, wanToFen, yesNo } from './excel-columns';
import { ImportJobEntity, ImportRowError } from './import-job.entity';

export const MAX_IMPORT_ROWS = 10_000;

interface ValidRow {
  row: number;
  organizationId: string;
  input: Record<string, unknown>;
}

export interface ImportProgress {
  processed: number;
  total: number;
}

const COLUMNS: Record<ListingKind, ColumnSpec[]> = { RESULT: RESULT_COLUMNS, NEED: NEED_COLUMNS };

/**
 * Excel import for brokers: every row is parsed and validated (the same DTO rules as the API),
 * errors are kept by row and column, and the broker then imports the valid rows — all of them in one
 * transaction — or none.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);
  /** Live progress of running imports (the rows are written in one transaction, invisible until commit). */
  private readonly progress = new Map<string, ImportProgress>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly listings: ListingsService,
    private readonly events: ListingEvents,
    @InjectRepository(ImportJobEntity) private readonly jobs: Repository<ImportJobEntity>,
  ) {}

  async template(kind: ListingKind): Promise<Buffer> {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(kind === 'RESULT' ? '科技成果' : '技术需求');
    writeHeader(sheet, COLUMNS[kind]);
    const help = workbook.addWorksheet('填写说明');
    help.columns = [{ header: '列', width: 20 }, { header: '说明', width: 80 }];
    for (const c of COLUMNS[kind]) help.addRow([c.header, c.note ?? '']);
    help.addRow([]);
    help.addRow(['说明', '带 * 的列必填；金额单位为万元；日期格式 YYYY-MM-DD；每次最多 10000 行。']);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async upload(kind: ListingKind, fileName: string, buffer: Buffer, user: AuthUser): Promise<ImportJobEntity> {
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch {
      throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, HttpStatus.BAD_REQUEST, [{ field: 'file', constraint: 'invalid', args: [] }]);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, HttpStatus.BAD_REQUEST, [{ field: 'file', constraint: 'invalid', args: [] }]);
    const columns = COLUMNS[kind];
    const headerIndex = readHeader(sheet, columns);
    if (headerIndex.size < columns.filter((c) => c.header.endsWith('*')).length) {
      throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, HttpStatus.BAD_REQUEST, [{ field: 'file', constraint: 'invalid', args: [] }]);
    }
    const rows: Array<{ row: number; values: Record<string, string> }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const values: Record<string, string> = {};
      let any = false;
      for (const [field, col] of headerIndex) {
        const text = cellText(row.getCell(col).value);
        if (text) any = true;
        values[field] = text;
      }
      if (any) rows.push({ row: rowNumber, values });
    });
    if (rows.length > MAX_IMPORT_ROWS) throw new DomainException(ErrorCode.IMPORT_TOO_MANY_ROWS, HttpStatus.BAD_REQUEST, [{ field: 'file', constraint: 'arrayMaxSize', args: [MAX_IMPORT_ROWS] }]);

    const orgs = await this.organizationIndex(kind);
    const errors: ImportRowError[] = [];
    const valid: ValidRow[] = [];
    // 'price.minFen' has its own column; 'ipAssets.0.number' lives in the 'ipAssets' column.
    const headerOf = (field: string): string =>
      columns.find((c) => c.field === field)?.header ?? columns.find((c) => c.field.split('.')[0] === field.split('.')[0])?.header ?? field;
    const allCodes = new Set<string>();
    const parsed = await Promise.all(
      rows.map(async ({ row, values }) => {
        const input = kind === 'RESULT' ? resultInput(values) : needInput(values);
        const dto: CreateResultDto | CreateNeedDto = kind === 'RESULT' ? plainToInstance(CreateResultDto, input) : plainToInstance(CreateNeedDto, input);
        const issues = flattenErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: false, validationError: { target: true, value: false } }));
        for (const code of (dto as { fieldCodes?: unknown }).fieldCodes instanceof Array ? (dto.fieldCodes as string[]) : []) allCodes.add(code);
        return { row, values, dto, issues };
      }),
    );
    const unknownCodes = new Set(await this.listings.unknownFieldCodes([...allCodes]));
    for (const { row, values, dto, issues } of parsed) {
      const rowErrors: ImportRowError[] = issues.map((i) => ({ row, column: headerOf(i.field), field: i.field, constraint: i.constraint, args: i.args }));
      const bad = (dto.fieldCodes ?? []).filter((c) => unknownCodes.has(c));
      if (bad.length > 0) rowErrors.push({ row, column: headerOf('fieldCodes'), field: 'fieldCodes', constraint: 'unknownFieldCode', args: [bad] });
      const validity = typeof dto.validUntil === 'string' && !issues.some((i) => i.field === 'validUntil') ? this.listings.validUntilIssue(dto.validUntil) : null;
      if (validity) rowErrors.push({ row, column: headerOf('validUntil'), field: 'validUntil', constraint: validity, args: [] });
      const orgKey = (values['organization'] ?? '').trim();
      const organizationId = orgs.get(orgKey) ?? orgs.get(orgKey.toUpperCase());
      if (!organizationId) rowErrors.push({ row, column: headerOf('organization'), field: 'organization', constraint: 'unknownOrganization', args: [orgKey] });
      // One message per cell: a bad date fails both its format and its range check.
      const perCell = rowErrors.filter((e, i) => rowErrors.findIndex((o) => o.field === e.field) === i);
      if (perCell.length > 0 || !organizationId) errors.push(...perCell);
      else valid.push({ row, organizationId, input: instanceToInput(dto) });
    }
    const job = this.jobs.create({
      kind,
      status: 'VALIDATED',
      fileName: fileName.slice(0, 255),
      createdById: user.id,
      totalRows: rows.length,
      validRows: valid.length,
      processedRows: 0,
      importedRows: 0,
      errors,
      payload: valid,
      finishedAt: null,
      failure: null,
    });
    return this.jobs.save(job);
  }

  async get(id: string, user: AuthUser): Promise<ImportJobEntity & { live?: ImportProgress }> {
    const job = await this.jobs.findOneBy({ id });
    if (!job || (job.createdById !== user.id && !user.permissions.includes(Permission.USER_MANAGE))) throw DomainException.notFound(ErrorCode.IMPORT_NOT_FOUND);
    const live = this.progress.get(id);
    if (live) job.processedRows = live.processed;
    return job;
  }

  /** 'VALID': import every valid row in one transaction (in the background); 'NONE': discard. */
  async decide(id: string, mode: 'VALID' | 'NONE', publish: boolean, user: AuthUser): Promise<ImportJobEntity> {
    const job = await this.jobs.createQueryBuilder('j').addSelect('j.payload').where('j.id = :id', { id }).getOne();
    if (!job || job.createdById !== user.id) throw DomainException.notFound(ErrorCode.IMPORT_NOT_FOUND);
    if (job.status !== 'VALIDATED') throw new DomainException(ErrorCode.IMPORT_NOT_PENDING, HttpStatus.CONFLICT);
    if (mode === 'NONE' || job.validRows === 0) {
      await this.jobs.update(id, { status: 'CANCELLED', payload: null, finishedAt: new Date() });
      return this.get(id, user);
    }
    await this.jobs.update(id, { status: 'IMPORTING' });
    this.progress.set(id, { processed: 0, total: job.validRows });
    void this.run(job, publish, user);
    return this.get(id, user);
  }

  /** Resolves when the import has finished (tests and the CLI wait on it). */
  async waitFor(id: string, timeoutMs = 120_000): Promise<ImportJobEntity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.jobs.findOneByOrFail({ id });
      if (job.status !== 'IMPORTING' || Date.now() > deadline) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async run(job: ImportJobEntity, publish: boolean, user: AuthUser): Promise<void> {
    const rows = (job.payload ?? []) as ValidRow[];
    const spec = (job.kind === 'RESULT' ? RESULT_SPEC : NEED_SPEC) as unknown as KindSpec<ListingBaseEntity, object>;
    const live = this.progress.get(job.id) ?? { processed: 0, total: rows.length };
    try {
      const ids: string[] = [];
      await this.dataSource.transaction(async (manager) => {
        for (const row of rows) {
          ids.push(await this.listings.insert(manager, spec, row.input, row.organizationId, user, publish));
          live.processed++;
        }
        await manager.update(ImportJobEntity, job.id, { status: 'DONE', processedRows: rows.length, importedRows: rows.length, payload: null, finishedAt: new Date() });
      });
      if (publish) for (const id of ids) this.events.changed(job.kind, id, 'PUBLISHED');
    } catch (error) {
      this.logger.error(`import ${job.id} failed: ${String(error)}`);
      // Nothing of the import was written: the transaction rolled back as a whole.
      await this.jobs.update(job.id, { status: 'FAILED', processedRows: 0, importedRows: 0, failure: String(error).slice(0, 1000), finishedAt: new Date() });
    } finally {
      this.progress.delete(job.id);
    }
  }

  /** Organization full names (and credit codes) → id, of the kind that may own this listing kind. */
  private async organizationIndex(kind: ListingKind): Promise<Map<string, string>> {
    const kinds: OrganizationKind[] = kind === 'RESULT' ? ['UNIVERSITY', 'INSTITUTE'] : ['ENTERPRISE'];
    const orgs = await this.dataSource.manager.createQueryBuilder(OrganizationEntity, 'o').where('o.kind IN (:...kinds)', { kinds }).getMany();
    const index = new Map<string, string>();
    for (const o of orgs) {
      index.set(o.nameZh, o.id);
      if (o.shortName) index.set(o.shortName, o.id);
      if (o.creditCode && isValidCreditCode(o.creditCode)) index.set(o.creditCode, o.id);
    }
    return index;
  }
}

function writeHeader(sheet: Worksheet, columns: ColumnSpec[]): void {
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE8E8' } };
  columns.forEach((c, i) => {
    if (c.note) header.getCell(i + 1).note = c.note;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Column positions by field, matched on the header text (with or without the * mark). */
function readHeader(sheet: Worksheet, columns: ColumnSpec[]): Map<string, number> {
  const byHeader = new Map(columns.map((c) => [c.header.replace(/\*$/, ''), c.field]));
  const index = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const field = byHeader.get(cellText(cell.value).replace(/\*$/, '').trim());
    if (field) index.set(field, col);
  });
  return index;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value).trim();
}

const orNull = (s: string | undefined): string | null => (s && s.trim() ? s.trim() : null);
const intOr = (s: string | undefined): number | string | null => (!s || !s.trim() ? null : /^\d+$/.test(s.trim()) ? Number(s.trim()) : s);

function resultInput(v: Record<string, string>): Record<string, unknown> {
  const negotiable = yesNo(v['price.negotiable'] ?? '');
  return {
    title: v['title'],
    valueProposition: v['valueProposition'],
    publicSummary: v['publicSummary'],
    confidentialDetail: orNull(v['confidentialDetail']),
    problemSolved: v['problemSolved'],
    advantages: v['advantages'],
    indicators: parseIndicators(v['indicators'] ?? ''),
    applications: v['applications'],
    fieldCodes: splitList(v['fieldCodes'] ?? '').map((c) => c.toUpperCase()),
    keywords: splitList(v['keywords'] ?? ''),
    form: labelToCode(RESULT_FORM_LABELS, v['form'] ?? ''),
    trl: intOr(v['trl']),
    stage: labelToCode(RESULT_STAGE_LABELS, v['stage'] ?? ''),
    ipAssets: parseIpAssets(v['ipAssets'] ?? ''),
    owners: splitList(v['owners'] ?? '').map((name) => ({ name })),
    inventors: splitList(v['inventors'] ?? ''),
    serviceInvention: yesNo(v['serviceInvention'] ?? ''),
    transferModes: splitList(v['transferModes'] ?? '').map((m) => labelToCode(TRANSFER_MODE_LABELS, m)),
    price: {
      negotiable,
      minFen: negotiable === true ? null : wanToFen(v['price.minFen'] ?? ''),
      maxFen: negotiable === true ? null : wanToFen(v['price.maxFen'] ?? ''),
      priceType: negotiable === true ? null : v['price.priceType'] ? labelToCode(PRICE_TYPE_LABELS, v['price.priceType']) : null,
    },
    validUntil: v['validUntil'],
  };
}

function needInput(v: Record<string, string>): Record<string, unknown> {
  const negotiable = yesNo(v['budget.negotiable'] ?? '');
  return {
    title: v['title'],
    publicSummary: v['publicSummary'],
    confidentialDetail: orNull(v['confidentialDetail']),
    problem: v['problem'],
    indicators: parseIndicators(v['indicators'] ?? ''),
    mustHaves: splitList((v['mustHaves'] ?? '').replace(/,/g, '，')).filter(Boolean),
    niceToHaves: splitList((v['niceToHaves'] ?? '').replace(/,/g, '，')).filter(Boolean),
    fieldCodes: splitList(v['fieldCodes'] ?? '').map((c) => c.toUpperCase()),
    keywords: splitList(v['keywords'] ?? ''),
    needType: labelToCode(NEED_TYPE_LABELS, v['needType'] ?? ''),
    cooperationModes: splitList(v['cooperationModes'] ?? '').map((m) => labelToCode(TRANSFER_MODE_LABELS, m)),
    budget: { negotiable, minFen: negotiable === true ? null : wanToFen(v['budget.minFen'] ?? ''), maxFen: negotiable === true ? null : wanToFen(v['budget.maxFen'] ?? '') },
    bountyFen: wanToFen(v['bountyFen'] ?? ''),
    minTrl: intOr(v['minTrl']),
    deadline: orNull(v['deadline']),
    validUntil: v['validUntil'],
    anonymous: yesNo(v['anonymous'] ?? ''),
  };
}

/** The validated DTO as plain JSON for the job payload (class instances do not survive jsonb). */
function instanceToInput(dto: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
}
