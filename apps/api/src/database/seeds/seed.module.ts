import { Module } from '@nestjs/common';
import { ListingsModule } from '../../modules/listings/listings.module';
import { SearchModule } from '../../modules/search/search.module';
import { DemoSeeder } from './demo-seeder.service';

@Module({ imports: [ListingsModule, SearchModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedModule {}
