import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NEED_SPEC, RESULT_SPEC } from '../listings/listing-kinds';
import { NeedEntity } from '../listings/entities/need.entity';
import { ResultEntity } from '../listings/entities/result.entity';
import { SearchTextService } from './search-text.service';

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
    for (const [spec, entity] of [
      [RESULT_SPEC, ResultEntity],
      [NEED_SPEC, NeedEntity],
    ] as const) {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await this.dataSource.manager
          .createQueryBuilder(entity, 'l')
          .where('l.id > :after', { after })
          .orderBy('l.id', 'ASC')
          .take(BATCH)
          .getMany();
        if (rows.length === 0) break;
        await this.dataSource.transaction(async (manager) => {
          for (const row of rows) await this.text.index(manager, spec.kind, row.id, (spec.searchParts as (e: typeof row) => ReturnType<typeof spec.searchParts>)(row));
        });
        count += rows.length;
        after = rows[rows.length - 1]!.id;
      }
    }
    this.logger.log(`reindexed ${count} listings`);
    return count;
  }
}
