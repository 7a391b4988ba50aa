import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { armFaultPoints } from './common/testing/fault-points';
import { ConfigValidationError, loadConfig } from './config/app-config';
import { runMigrationsLocked } from './database/migrate';
import { JOBS_QUEUE } from './modules/jobs/jobs.types';

/**
 * `npm run start:worker`: runs the background jobs (BullMQ, REDIS_URL) in a process of its own, with the
 * same modules and configuration as the API but no HTTP server. Any number may run; each job runs on one.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(`霞科行 worker cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (!config.jobsOnQueue || !config.REDIS_URL) {
    console.error(
      '霞科行 worker cannot start: it needs REDIS_URL and DATABASE_URL (PostgreSQL). Without them each API instance (`npm start`) runs the background jobs itself.',
    );
    process.exit(1);
  }
  armFaultPoints(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, undefined, {}, 'worker'), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  // The API instances migrate too; the lock makes the first one do it.
  if (config.XKX_MIGRATE_ON_START) await runMigrationsLocked(app.get(DataSource));
  await app.init();
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    app.get(Logger).log(`${signal}: finishing the jobs in progress`, 'Shutdown');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('霞科行 worker did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(
    `霞科行 worker is running the ${JOBS_QUEUE} queue (Redis ${new URL(config.REDIS_URL).host}, prefix ${config.XKX_JOB_QUEUE_PREFIX})`,
  );
}

main().catch((error: unknown) => {
  console.error('霞科行 worker failed to start:', error);
  process.exit(1);
});
