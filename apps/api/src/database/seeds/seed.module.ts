import { Module } from '@nestjs/common';
import { ListingsModule } from '../../modules/listings/listings.module';
import { DemoSeeder } from './demo-seeder.service';

@Module({ imports: [ListingsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedModule {}
