import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ListingsModule } from '@xkx/api/modules/listings/listings.module';
import { SearchModule } from '@xkx/api/modules/search/search.module';
import { TaxonomyModule } from '@xkx/api/modules/taxonomy/taxonomy.module';
import { BrokerMatchViewEntity } from './broker-match-view.entity';
import { MatchFeedbackEntity } from './match-feedback.entity';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

@Module({
  imports: [TypeOrmModule.forFeature([MatchFeedbackEntity, BrokerMatchViewEntity]), ListingsModule, SearchModule, TaxonomyModule],
  controllers: [MatchingController],
  providers: [MatchingService],
  exports: [MatchingService],
})
export class MatchingModule {}
