import { Module } from '@nestjs/common';
import { SearchModule } from '@xkx/api/modules/search/search.module';
import { TaxonomyModule } from '@xkx/api/modules/taxonomy/taxonomy.module';
import { ExpertsController } from './experts.controller';
import { ExpertsService } from './experts.service';
import { LaboratoriesController } from './laboratories.controller';
import { LaboratoriesService } from './laboratories.service';
import { PeopleMatchingService } from './people-matching.service';

/** Experts, laboratories and platforms, and a need's matches among them (issue 16). */
@Module({
  imports: [SearchModule, TaxonomyModule],
  controllers: [ExpertsController, LaboratoriesController],
  providers: [ExpertsService, LaboratoriesService, PeopleMatchingService],
  exports: [ExpertsService, LaboratoriesService],
})
export class ExpertsModule {}
