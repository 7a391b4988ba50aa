import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SynonymChangeListeners } from './synonym-change-listeners';
import { SynonymGroupEntity } from './synonym-group.entity';
import { TaxonomyController } from './taxonomy.controller';
import { TaxonomyService } from './taxonomy.service';
import { TechnologyFieldEntity } from './technology-field.entity';

@Module({
  imports: [TypeOrmModule.forFeature([TechnologyFieldEntity, SynonymGroupEntity])],
  controllers: [TaxonomyController],
  providers: [TaxonomyService, SynonymChangeListeners],
  exports: [TaxonomyService, SynonymChangeListeners],
})
export class TaxonomyModule {}
