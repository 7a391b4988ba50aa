import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source';

export interface DatabaseModuleOptions {
  /** See DatabaseTarget.embeddedSnapshot; set by the API tests only. */
  embeddedSnapshot?: string;
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions({
              databaseUrl: config.DATABASE_URL,
              dataDir: config.embeddedDataDir,
              embeddedSnapshot: options.embeddedSnapshot,
            }),
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
    };
  }
}
