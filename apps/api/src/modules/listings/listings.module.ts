import { Logger, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@xkx/api/modules/notifications/notifications.module';
import { SearchModule } from '@xkx/api/modules/search/search.module';
import { SynonymChangeListeners } from '@xkx/api/modules/taxonomy/synonym-change-listeners';
import { TaxonomyModule } from '@xkx/api/modules/taxonomy/taxonomy.module';
import { DuplicateFinderService } from './duplicate-finder.service';
import { ListingHistoryEntity } from './entities/listing-history.entity';
import { NeedEntity } from './entities/need.entity';
import { ResultIpAssetEntity } from './entities/result-ip-asset.entity';
import { ResultEntity } from './entities/result.entity';
import { ListingExpiryJob } from './listing-expiry.job';
import { ListingFacade } from './listing-facade.service';
import { ListingSearchService } from './listing-search.service';
import { ListingsService } from './listings.service';
import { NeedsController } from './needs.controller';
import { ResultsController } from './results.controller';
import { SearchIndexer } from './search-indexer.service';

@Module({
  imports: [TypeOrmModule.forFeature([ResultEntity, ResultIpAssetEntity, NeedEntity, ListingHistoryEntity]), TaxonomyModule, SearchModule, NotificationsModule],
  controllers: [ResultsController, NeedsController],
  providers: [
    ListingsService,
    ListingSearchService,
    ListingFacade,
    DuplicateFinderService,
    ListingExpiryJob,
    SearchIndexer,
  ],
  exports: [ListingsService, ListingFacade, ListingSearchService],
})
export class ListingsModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly synonymListeners: SynonymChangeListeners,
    private readonly indexer: SearchIndexer,
  ) {}

  /**
   * Search folds synonyms at index time: after the text pipeline reloads them, every listing is re-indexed,
   * once, by the instance that made the change (the documents are rows every instance reads).
   */
  onModuleInit(): void {
    this.synonymListeners.add(1, () => this.indexer.reindexAll(), 'writer');
  }

  /**
   * Documents written by an older version of the pipeline are rebuilt once (after the synonyms loaded), by a
   * background job that runs once per database: start-up does not wait for its scan.
   */
  onApplicationBootstrap(): void {
    this.indexer.requestStaleCheck().catch((error: unknown) => new Logger(ListingsModule.name).warn(`search document check not requested: ${String(error)}`));
  }
}
