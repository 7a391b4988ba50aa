import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { SearchModule } from '../search/search.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { DuplicateFinderService } from './duplicate-finder.service';
import { ListingHistoryEntity } from './entities/listing-history.entity';
import { NeedEntity } from './entities/need.entity';
import { ResultIpAssetEntity } from './entities/result-ip-asset.entity';
import { ResultEntity } from './entities/result.entity';
import { ConfidentialAccessGrants, DealConfidentialGrants } from './listing-access';
import { ListingEvents } from './listing-events';
import { ListingExpiryJob } from './listing-expiry.job';
import { ListingFacade } from './listing-facade.service';
import { ListingSearchService } from './listing-search.service';
import { ListingsService } from './listings.service';
import { NeedsController } from './needs.controller';
import { ResultsController } from './results.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ResultEntity, ResultIpAssetEntity, NeedEntity, ListingHistoryEntity]), TaxonomyModule, SearchModule, NotificationsModule],
  controllers: [ResultsController, NeedsController],
  providers: [
    ListingsService,
    ListingSearchService,
    ListingFacade,
    DuplicateFinderService,
    ListingEvents,
    ListingExpiryJob,
    { provide: ConfidentialAccessGrants, useClass: DealConfidentialGrants },
  ],
  exports: [ListingsService, ListingFacade, ListingEvents, ListingSearchService],
})
export class ListingsModule {}
