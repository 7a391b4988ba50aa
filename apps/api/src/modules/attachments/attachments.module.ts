import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config';
import { ContractsModule } from '@xkx/api/modules/contracts/contracts.module';
import { AttachmentAccessService } from './attachment-access.service';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

@Module({
  imports: [
    ContractsModule,
    // The size limit is configuration, so multer is set up here rather than in the route decorator;
    // without a `dest` multer keeps the upload in memory (bounded by that limit).
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 10 },
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [AttachmentsService, AttachmentAccessService],
})
export class AttachmentsModule {}
