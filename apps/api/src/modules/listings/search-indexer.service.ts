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
