import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { TaxonomyController } from '../taxonomy/taxonomy.controller';
import { SearchIndexer } from './search-indexer.service';
import { SearchTextService } from './search-text.service';

@Module({
  imports: [TaxonomyModule],
  // The taxonomy routes live here because editing synonyms must re-run the indexer.
  controllers: [TaxonomyController],
  providers: [SearchTextService, SearchIndexer],
  exports: [SearchTextService, SearchIndexer],
})
export class SearchModule {}
