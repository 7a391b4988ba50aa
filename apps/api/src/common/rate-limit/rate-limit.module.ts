import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { PgThrottlerStorage } from './pg-throttler.storage';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * @nestjs/throttler's storage, shared across processes: Redis when REDIS_URL is set, otherwise the
 * database. The limits themselves are configuration (RATE_LIMIT_*), applied per route by @RateLimit.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource) => ({
        // Routes opt in with @RateLimit; no limit applies everywhere.
        throttlers: [],
        storage: config.REDIS_URL ? new RedisThrottlerStorage(config.REDIS_URL) : new PgThrottlerStorage(dataSource),
      }),
    }),
  ],
  providers: [RateLimitGuard],
  exports: [ThrottlerModule, RateLimitGuard],
})
export class RateLimitModule {}
