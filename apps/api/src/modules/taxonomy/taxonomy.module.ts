import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SynonymGroupEntity } from './synonym-group.entity';
import { TaxonomyService } from './taxonomy.service';
import { TechnologyFieldEntity } from './technology-field.entity';

@Module({
  imports: [TypeOrmModule.forFeature([TechnologyFieldEntity, SynonymGroupEntity])],
  providers: [TaxonomyService],
  exports: [TaxonomyService],
})
export class TaxonomyModule {}
