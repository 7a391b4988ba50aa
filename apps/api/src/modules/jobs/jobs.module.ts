import { DynamicModule, Global, Module } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { JobRegistry } from './job-registry';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { JOB_RUNNER, JOBS_QUEUE, JOBS_QUEUE_TOKEN, PROCESS_ROLE, ProcessRole } from './jobs.types';
import { redisConnection } from './redis-connection';
import { BullMqJobRunner } from './runners/bullmq.runner';
import { InProcessJobRunner } from './runners/in-process.runner';

/**
 * Background jobs for every module (global, like the change feed): a BullMQ queue and workers with
 * REDIS_URL (and PostgreSQL), the API process itself without. `role` is 'worker' in `npm run start:worker`.
 * bullmq is used directly: @nestjs/bullmq 12 is published as an ES module only, which this CommonJS build
 * (and its type check) cannot import, and its @Processor fixes worker options (lock duration, concurrency)
 * at compile time where ours come from the validated config.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig, role: ProcessRole): DynamicModule {
    const redisUrl = config.jobsOnQueue ? config.REDIS_URL : undefined;
    const runner = redisUrl ? BullMqJobRunner : InProcessJobRunner;
    return {
      module: JobsModule,
      controllers: [JobsController],
      providers: [
        JobRegistry,
        JobsService,
        runner,
        { provide: JOB_RUNNER, useExisting: runner },
        { provide: PROCESS_ROLE, useValue: role },
        ...(redisUrl
          ? [
              {
                provide: JOBS_QUEUE_TOKEN,
                useFactory: () =>
                  new Queue(JOBS_QUEUE, {
                    connection: redisConnection(redisUrl),
                    prefix: config.XKX_JOB_QUEUE_PREFIX,
                  }),
              },
            ]
          : []),
      ],
      // PROCESS_ROLE: what a module keeps in memory may depend on it (the worker keeps no matching index).
      exports: [JobsService, PROCESS_ROLE],
    };
  }
}
