import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { ListingsModule } from '@xkx/api/modules/listings/listings.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ImportJobEntity } from './import-job.entity';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { SheetParserService } from './sheet-parser.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ImportJobEntity]),
    ListingsModule,
    // Multer keeps the (compressed) upload in memory up to this size; the zip needs random access.
    MulterModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ limits: { fileSize: config.IMPORT_MAX_FILE_BYTES, files: 1 } }) }),
  ],
  controllers: [ImportsController, ExportsController],
  providers: [ImportsService, ExportsService, SheetParserService],
  exports: [ImportsService, SheetParserService],
})
export class ImportsModule {}
