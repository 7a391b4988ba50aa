import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SearchTextService } from '@xkx/api/modules/search/search-text.service';
import { NeedEntity } from './entities/need.entity';
import { ResultEntity } from './entities/result.entity';
import { KindSpec, NEED_SPEC, RESULT_SPEC } from './listing-kinds';

const BATCH = 500;

/** Rebuilds search documents in batches (after a synonym change, or a bulk load). */
@Injectable()
export class SearchIndexer {
  private readonly logger = new Logger(SearchIndexer.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly text: SearchTextService,
  ) {}

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
