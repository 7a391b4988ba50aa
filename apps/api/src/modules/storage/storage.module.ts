import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { createObjectStorage } from './create-object-storage';
import { OBJECT_STORAGE } from './object-storage';

@Global()
@Module({
  providers: [{ provide: OBJECT_STORAGE, inject: [AppConfig], useFactory: createObjectStorage }],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
