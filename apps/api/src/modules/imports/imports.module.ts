import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ListingsModule } from '../listings/listings.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ImportJobEntity } from './import-job.entity';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ImportJobEntity]), ListingsModule],
  controllers: [ImportsController, ExportsController],
  providers: [ImportsService, ExportsService],
  exports: [ImportsService],
})
export class ImportsModule {}
