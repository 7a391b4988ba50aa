import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobsService } from '@xkx/api/modules/jobs/jobs.service';
import { SearchTextService } from '@xkx/api/modules/search/search-text.service';
import { NeedEntity } from './entities/need.entity';
import { ResultEntity } from './entities/result.entity';
import { KindSpec, NEED_SPEC, RESULT_SPEC } from './listing-kinds';

const BATCH = 500;
/**
 * The background job that looks for search documents of an older pipeline, and its key: one per database and
 * pipeline version (a second request is the same job, whatever became of it), so the scan of every listing
 * runs once, not at every start of every instance (3.5 s of PostgreSQL at 120,000 listings, in the way of the
 * matching index's start-up). A new pipeline change that needs re-indexing gives a new key.
 */
export const STALE_CHECK_JOB = 'search.reindex-if-stale';
export const STALE_CHECK_KEY = `${STALE_CHECK_JOB}@weight-d`;

/** Rebuilds search documents in batches (after a synonym change, or a bulk load). */
@Injectable()
export class SearchIndexer implements OnModuleInit {
  private readonly logger = new Logger(SearchIndexer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly text: SearchTextService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define(STALE_CHECK_JOB, () => this.reindexIfStale(), { attempts: 3, backoffMs: 10_000 });
  }

  /** Asks for the stale-document check (once per database and pipeline version); start-up does not wait for it. */
  async requestStaleCheck(): Promise<void> {
    await this.jobs.enqueue(STALE_CHECK_JOB, {}, { key: STALE_CHECK_KEY });
  }

  /**
   * Re-indexes everything when a listing with fields has a search document without its weight-D part (field
   * names, title pinyin): documents written before issue 15, on a database migrated by the CLI or the app.
   * The check stops at the first such listing; on an up-to-date market it reads each table once.
   */
  async reindexIfStale(): Promise<number> {
    try {
      const stale = await this.dataSource.query<Array<{ stale: boolean }>>(
        `SELECT EXISTS (SELECT 1 FROM result WHERE search_doc IS NOT NULL AND cardinality(field_codes) > 0 AND length(ts_filter(search_doc, '{d}')) = 0)
             OR EXISTS (SELECT 1 FROM need WHERE search_doc IS NOT NULL AND cardinality(field_codes) > 0 AND length(ts_filter(search_doc, '{d}')) = 0) AS stale`,
      );
      if (!stale[0]?.stale) return 0;
    } catch (error) {
      // Not migrated yet (a first start with migrations off): nothing to re-index.
      this.logger.warn(`search documents not checked: ${String(error)}`);
      return 0;
    }
    this.logger.log('search documents predate field names and pinyin: re-indexing');
    return this.reindexAll();
  }

  async reindexAll(): Promise<number> {
    let count = 0;
    count += await this.reindex(RESULT_SPEC, ResultEntity);
    count += await this.reindex(NEED_SPEC, NeedEntity);
    this.logger.log(`reindexed ${count} listings`);
    return count;
  }

  private async reindex<E extends ResultEntity | NeedEntity>(spec: KindSpec<E, never>, entity: new () => E): Promise<number> {
    let count = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.manager.createQueryBuilder(entity, 'l').where('l.id > :after', { after }).orderBy('l.id', 'ASC').take(BATCH).getMany();
      if (rows.length === 0) return count;
      await this.dataSource.transaction(async (manager) => {
        for (const row of rows) await this.text.index(manager, spec.kind, row.id, spec.searchParts(row));
      });
      count += rows.length;
      after = rows[rows.length - 1]?.id ?? after;
    }
  }
}
