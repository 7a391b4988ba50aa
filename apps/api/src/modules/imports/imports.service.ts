import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, ListingKind, ListingStatus, Permission, NEED_TYPE_LABELS, PRICE_TYPE_LABELS, RESULT_FORM_LABELS, RESULT_STAGE_LABELS, TRANSFER_MODE_LABELS, LISTING_KINDS } from '@xkx/contracts';
import { isValidCreditCode } from '@xkx/util';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Workbook, Worksheet } from 'exceljs';
import { setTimeout as pause, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { fieldCodesByName } from '../../common/excel/excel-cells';
import { AppConfig } from '../../config/app-config';
import { DomainException } from '../../common/exceptions/domain.exception';
import { faultPoint } from '../../common/testing/fault-points';
import { flattenErrors } from '../../common/validation/validation.pipe';
import { CreateNeedDto } from '@xkx/api/modules/listings/dto/need-write.dto';
import { CreateResultDto } from '@xkx/api/modules/listings/dto/result-write.dto';
import { kindSpec } from '@xkx/api/modules/listings/listing-kinds';
import { deleteImportedListings, publishImportedDrafts } from '@xkx/api/modules/listings/listing-imports';
import { ChangeFeed } from '@xkx/api/modules/feed/change-feed.service';
import { ListingsService } from '@xkx/api/modules/listings/listings.service';
import { organizationsFactsOfKinds } from '@xkx/api/modules/organizations/organization-reader';
import { ColumnSpec, labelToCode, splitList, yesNo } from '../../common/excel/sheet-columns';
import { NEED_COLUMNS, parseIndicators, parseIpAssets, RESULT_COLUMNS, wanToFen } from './excel-columns';
import { ImportJobEntity, ImportJobListingEntity } from './import-job.entity';
import { ImportRowError } from '../../common/excel/xlsx-rows';
import { SheetParserService } from './sheet-parser.service';
import { JobsService } from '@xkx/api/modules/jobs/jobs.service';
import type { JobContext } from '@xkx/api/modules/jobs/jobs.types';

/** The background job that commits a decided import (JobsService). */
export const IMPORT_JOB = 'import.run';

/** Its payload: the import, and the broker who decided it (the rows are written in their name). */
interface ImportRun {
  importId: string;
  user: AuthUser;
}

/** Rows validated between two turns of the event loop, so a 10,000-row file never blocks it for long. */
const VALIDATION_SLICE = 100;

interface ValidRow {
  row: number;
  organizationId: string;
  input: Record<string, unknown>;
}

const PAUSE_BETWEEN_CHUNKS_MS = 10;

const COLUMNS: Record<ListingKind, ColumnSpec[]> = { RESULT: RESULT_COLUMNS, NEED: NEED_COLUMNS };
/** A sheet row as the body of a create request of that kind. */
const INPUT: Record<ListingKind, (values: Record<string, string>) => Record<string, unknown>> = { RESULT: resultInput, NEED: needInput };

/**
 * Excel import for brokers: every row is parsed and validated (the same DTO rules as the API),
 * errors are kept by row and column, and the broker then imports the valid rows — all of them or
 * none. The import runs as a background job (JobsService: a worker with REDIS_URL, in-process
 * without); its progress lives in import_job, so every instance shows it. The rows are committed in
 * chunks as drafts linked to the job, so the database (a single connection when embedded) serves other
 * requests between chunks; short transactions at the end publish them and close the job, and a job
 * that fails for good deletes what was staged.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly listings: ListingsService,
    private readonly feed: ChangeFeed,
    private readonly sheets: SheetParserService,
    private readonly config: AppConfig,
    @InjectRepository(ImportJobEntity) private readonly jobs: Repository<ImportJobEntity>,
    private readonly background: JobsService,
  ) {
    background.define<ImportRun>(IMPORT_JOB, (run, context) => this.run(run, context), { attempts: 3, backoffMs: 1000 });
  }

  async template(kind: ListingKind): Promise<Buffer> {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(LISTING_KINDS[kind].nameZh);
    writeHeader(sheet, COLUMNS[kind]);
    const help = workbook.addWorksheet('填写说明');
    help.columns = [{ header: '列', width: 20 }, { header: '说明', width: 80 }];
    for (const c of COLUMNS[kind]) help.addRow([c.header, c.note ?? '']);
    help.addRow([]);
    help.addRow(['说明', `带 * 的列必填；金额单位为万元；日期写作 2026-12-31；每次最多 ${this.config.IMPORT_MAX_ROWS} 行。`]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async upload(kind: ListingKind, fileName: string, buffer: Buffer, user: AuthUser): Promise<ImportJobEntity> {
    const columns = COLUMNS[kind];
    // Parsed in a worker thread, refused there as soon as a limit is passed (see SheetParserService).
    const rows = await this.sheets.parse(buffer, {
      headers: Object.fromEntries(columns.map((c) => [c.header.replace(/\*$/, ''), c.field])),
      requiredColumns: columns.filter((c) => c.header.endsWith('*')).length,
    });

    const orgs = await this.organizationIndex(kind);
    const fieldByName = await fieldCodesByName(this.dataSource);
    const errors: ImportRowError[] = [];
    const valid: ValidRow[] = [];
    // 'price.minFen' has its own column; 'ipAssets.0.number' lives in the 'ipAssets' column.
    const headerOf = (field: string): string =>
      columns.find((c) => c.field === field)?.header ?? columns.find((c) => c.field.split('.')[0] === field.split('.')[0])?.header ?? field;
    const allCodes = new Set<string>();
    const parsed: Array<{ row: number; values: Record<string, string>; dto: CreateResultDto | CreateNeedDto; issues: ReturnType<typeof flattenErrors> }> = [];
    for (let start = 0; start < rows.length; start += VALIDATION_SLICE) {
      if (start > 0) await yieldToEventLoop();
      for (const { row, values } of rows.slice(start, start + VALIDATION_SLICE)) {
        const input = INPUT[kind](values);
        // A field may be named (动力电池, as the export writes it) or coded (NE.BAT).
        if (Array.isArray(input.fieldCodes)) input.fieldCodes = input.fieldCodes.map((c: unknown) => (typeof c === 'string' ? (fieldByName.get(c) ?? c) : c));
        const dto: CreateResultDto | CreateNeedDto = plainToInstance(kindSpec(kind).createDto, input);
        const issues = flattenErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: false, validationError: { target: true, value: false } }));
        for (const code of (dto as { fieldCodes?: unknown }).fieldCodes instanceof Array ? (dto.fieldCodes as string[]) : []) allCodes.add(code);
        parsed.push({ row, values, dto, issues });
      }
    }
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

  async get(id: string, user: AuthUser): Promise<ImportJobEntity> {
    const job = await this.jobs.findOneBy({ id });
    if (!job || (job.createdById !== user.id && !user.permissions.includes(Permission.USER_MANAGE))) throw DomainException.notFound(ErrorCode.IMPORT_NOT_FOUND);
    return job;
  }

  /** 'VALID': import every valid row (a background job, in chunks); 'NONE': discard. */
  async decide(id: string, mode: 'VALID' | 'NONE', publish: boolean, user: AuthUser): Promise<ImportJobEntity> {
    const job = await this.jobs.findOneBy({ id });
    if (!job || job.createdById !== user.id) throw DomainException.notFound(ErrorCode.IMPORT_NOT_FOUND);
    const starting = mode === 'VALID' && job.validRows > 0;
    await this.dataSource.transaction(async (manager) => {
      // Conditional on VALIDATED, so two decisions at once cannot both start the job.
      const moved = await manager
        .createQueryBuilder()
        .update(ImportJobEntity)
        .set(starting ? { status: 'IMPORTING', publish, processedRows: 0, heartbeatAt: () => 'now()' } : { status: 'CANCELLED', payload: null, finishedAt: () => 'now()' })
        .where('id = :id AND status = :status', { id, status: 'VALIDATED' })
        .execute();
      if (!moved.affected) throw new DomainException(ErrorCode.IMPORT_NOT_PENDING, HttpStatus.CONFLICT);
      // The background job commits with the decision: no IMPORTING job is ever left without one.
      if (starting) await this.background.enqueue<ImportRun>(IMPORT_JOB, { importId: id, user }, { key: `import:${id}`, manager });
    });
    if (starting) this.background.wake();
    return this.get(id, user);
  }

  /** Resolves when the import has finished (tests and the CLI wait on it). */
  async waitFor(id: string, timeoutMs = 120_000): Promise<ImportJobEntity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.jobs.findOneByOrFail({ id });
      // A failed job is over once its rows are gone (finished_at set), not when it is claimed.
      const over = job.status !== 'IMPORTING' && (job.status !== 'FAILED' || job.finishedAt !== null);
      if (over || Date.now() > deadline) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Marks a job FAILED (not yet finished) before its rows are deleted, so a runner still on it stops at its
   * next chunk.
   */
  private async claim(id: string, failure: string): Promise<boolean> {
    const moved = await this.jobs
      .createQueryBuilder()
      .update(ImportJobEntity)
      .set({ status: 'FAILED', processedRows: 0, importedRows: 0, failure: failure.slice(0, 1000), finishedAt: null, heartbeatAt: () => 'now()' })
      .where(`id = :id AND status = 'IMPORTING'`, { id })
      .execute();
    return (moved.affected ?? 0) > 0;
  }

  /**
   * Inside a chunk's transaction: locks the job's row (another runner of the same job waits for this chunk)
   * and answers how many rows are committed, or undefined if the job is no longer importing.
   */
  private async lockProgress(manager: EntityManager, id: string): Promise<number | undefined> {
    const [row] = (await manager.query(`SELECT status, processed_rows FROM import_job WHERE id = $1 FOR UPDATE`, [id])) as Array<{ status: string; processed_rows: number }>;
    return row?.status === 'IMPORTING' ? row.processed_rows : undefined;
  }

  /**
   * The background job (IMPORT_JOB): idempotent and resumable. Each chunk commits its rows together with the
   * job's progress, and reads that progress under the job's row lock first, so an attempt after a crash (a
   * worker SIGKILLed mid-import) carries on after the last committed chunk: every row is written exactly once.
   * A failed attempt leaves its committed chunks for the next one; after the last attempt the job is rolled
   * back as a whole (all or nothing). Retried by an administrator after that, it starts over.
   */
  private async run({ importId: id, user }: ImportRun, context: JobContext): Promise<void> {
    let job = await this.jobs.createQueryBuilder('j').addSelect('j.payload').where('j.id = :id', { id }).getOne();
    if (!job || job.status === 'DONE' || job.status === 'CANCELLED' || job.status === 'VALIDATED') return;
    if (job.status === 'FAILED') {
      // A rollback that was cut short is finished first.
      if (job.finishedAt === null) return this.rollBack(job);
      // Only an administrator's retry runs a job after it failed for good: it starts over.
      const restarted = await this.jobs
        .createQueryBuilder()
        .update(ImportJobEntity)
        .set({ status: 'IMPORTING', processedRows: 0, importedRows: 0, failure: null, finishedAt: null, heartbeatAt: () => 'now()' })
        .where(`id = :id AND status = 'FAILED' AND finished_at IS NOT NULL`, { id })
        .execute();
      if (!restarted.affected) return;
      job = { ...job, status: 'IMPORTING' };
    }
    const rows = (job.payload ?? []) as ValidRow[];
    const spec = kindSpec(job.kind);
    const kind = job.kind;
    try {
      for (let more = true; more; ) {
        more = await this.dataSource.transaction(async (manager) => {
          const start = await this.lockProgress(manager, id);
          if (start === undefined || start >= rows.length) return false;
          // A chunk ends at IMPORT_CHUNK_ROWS rows or IMPORT_CHUNK_MS, whichever comes first: on a slow
          // machine the connection is still handed back often.
          const until = Date.now() + this.config.IMPORT_CHUNK_MS;
          const ids: string[] = [];
          for (const row of rows.slice(start, start + this.config.IMPORT_CHUNK_ROWS)) {
            if (ids.length > 0 && Date.now() >= until) break;
            // Staged as drafts: outside the organization nobody sees them before they are published below.
            ids.push(await this.listings.insert(manager, spec, row.input, row.organizationId, user, false));
          }
          await manager.insert(ImportJobListingEntity, ids.map((listingId) => ({ jobId: id, listingId })));
          await faultPoint('import.chunk.before-progress');
          await manager.update(ImportJobEntity, id, { processedRows: start + ids.length, heartbeatAt: new Date() });
          await this.feed.append(manager, 'listing.changed', ids.map((listingId) => ({ kind, id: listingId, status: ListingStatus.DRAFT })));
          return true;
        });
        if (!more) break;
        // A pause, not just a turn of the loop: requests that arrived meanwhile get parsed and queue for the
        // connection ahead of the next chunk.
        await pause(PAUSE_BETWEEN_CHUNKS_MS);
        await faultPoint('import.after-chunk');
      }
      // Publishing goes in chunks too (only drafts are published, so a resumed attempt skips what is done).
      for (let more = job.publish; more; ) {
        const ids = await this.dataSource.transaction(async (manager) => {
          if ((await this.lockProgress(manager, id)) === undefined) return [];
          const chunk = await this.publishStaged(manager, kind, id, user);
          if (chunk.length > 0) await faultPoint('import.publish.before-commit');
          await manager.update(ImportJobEntity, id, { heartbeatAt: new Date() });
          await this.feed.append(manager, 'listing.changed', chunk.map((listingId) => ({ kind, id: listingId, status: ListingStatus.PUBLISHED })));
          return chunk;
        });
        more = ids.length > 0;
        await yieldToEventLoop();
      }
      await this.dataSource.transaction(async (manager) => {
        if ((await this.lockProgress(manager, id)) === undefined) return;
        await manager.delete(ImportJobListingEntity, { jobId: id });
        await manager.update(ImportJobEntity, id, { status: 'DONE', processedRows: rows.length, importedRows: rows.length, payload: null, finishedAt: new Date() });
      });
    } catch (error) {
      this.logger.error(`import ${id} failed (attempt ${context.attempt} of ${context.maxAttempts}): ${String(error)}`);
      if (context.lastAttempt) {
        await this.claim(id, String(error))
          .then(() => this.rollBack(job))
          .catch((e: unknown) => this.logger.error(`import ${id} rollback failed: ${String(e)}`));
      }
      throw error;
    }
  }

  /** Publishes the next chunk of the job's staged drafts, each with its history line (listings' write); returns their ids. */
  private async publishStaged(manager: EntityManager, kind: ListingKind, jobId: string, user: AuthUser): Promise<string[]> {
    const staged = await manager.find(ImportJobListingEntity, { where: { jobId }, select: ['listingId'] });
    return publishImportedDrafts(manager, kind, staged.map((s) => s.listingId), user.id, this.config.IMPORT_CHUNK_ROWS);
  }

  /** Undoes a claimed job chunk by chunk (short transactions again), then marks it finished: all or nothing. */
  private async rollBack(job: ImportJobEntity): Promise<void> {
    for (;;) {
      const deleted = await this.dataSource.transaction(async (manager) => {
        const staged = await manager.find(ImportJobListingEntity, { where: { jobId: job.id }, take: this.config.IMPORT_CHUNK_ROWS });
        const ids = staged.map((s) => s.listingId);
        if (ids.length === 0) return ids;
        await deleteImportedListings(manager, job.kind, ids);
        await manager.query(`DELETE FROM import_job_listing WHERE job_id = $1 AND listing_id = ANY($2::uuid[])`, [job.id, ids]);
        // Gone: out of the matching index and the cached search counts.
        await this.feed.append(manager, 'listing.changed', ids.map((listingId) => ({ kind: job.kind, id: listingId, status: 'DELETED' as const })));
        return ids;
      });
      if (deleted.length === 0) break;
      await yieldToEventLoop();
    }
    await this.jobs.update(job.id, { status: 'FAILED', processedRows: 0, importedRows: 0, finishedAt: new Date() });
  }

  /** Organization full names (and credit codes) → id, of the kind that may own this listing kind. */
  private async organizationIndex(kind: ListingKind): Promise<Map<string, string>> {
    const kinds = [...LISTING_KINDS[kind].publishers];
    const orgs = await organizationsFactsOfKinds(this.dataSource.manager, kinds);
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
