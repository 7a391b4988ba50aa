import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ListingsModule } from '@xkx/api/modules/listings/listings.module';
import { SearchModule } from '@xkx/api/modules/search/search.module';
import { TaxonomyModule } from '@xkx/api/modules/taxonomy/taxonomy.module';
import { BrokerMatchViewEntity } from './broker-match-view.entity';
import { MatchFeedbackEntity } from './match-feedback.entity';
import { MatchingController } from './matching.controller';
import { MatchIndexSnapshotEntity, MatchIndexSnapshotPartEntity } from './match-index-snapshot.entity';
import { MatchSnapshotService } from './match-snapshot.service';
import { MatchingService } from './matching.service';

@Module({
  imports: [TypeOrmModule.forFeature([MatchFeedbackEntity, BrokerMatchViewEntity, MatchIndexSnapshotEntity, MatchIndexSnapshotPartEntity]), ListingsModule, SearchModule, TaxonomyModule],
  controllers: [MatchingController],
  providers: [MatchingService, MatchSnapshotService],
  exports: [MatchingService, MatchSnapshotService],
})
export class MatchingModule {}
