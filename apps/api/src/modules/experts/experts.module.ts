import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config';
import { ImportsModule } from '@xkx/api/modules/imports/imports.module';
import { SearchModule } from '@xkx/api/modules/search/search.module';
import { TaxonomyModule } from '@xkx/api/modules/taxonomy/taxonomy.module';
import { ExpertsController } from './experts.controller';
import { ExpertsService } from './experts.service';
import { LaboratoriesController } from './laboratories.controller';
import { LaboratoriesService } from './laboratories.service';
import { PeopleMatchingService } from './people-matching.service';

/** Experts, laboratories and platforms, and a need's matches among them (issue 16). */
@Module({
  imports: [
    SearchModule,
    TaxonomyModule,
    // The sheet parser's worker pool (IMPORT_MAX_PARALLEL_PARSES shared with listing imports) and the same upload size limit.
    ImportsModule,
    MulterModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ limits: { fileSize: config.IMPORT_MAX_FILE_BYTES, files: 1 } }) }),
  ],
  controllers: [ExpertsController, LaboratoriesController],
  providers: [ExpertsService, LaboratoriesService, PeopleMatchingService],
  exports: [ExpertsService, LaboratoriesService],
})
export class ExpertsModule {}
