import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobRecords, retryDelayMs } from './job-records';
import { JobContext, JobHandler, RegisteredJob, ScheduledJob, ScheduleOptions } from './jobs.types';

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_BACKOFF_MS = 1000;

/**
 * The handlers by name, and the one way an attempt runs: both runners (in-process and the BullMQ worker)
 * call `execute`, so a job behaves the same wherever it runs.
 */
@Injectable()
export class JobRegistry {
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, RegisteredJob>();
  readonly records: JobRecords;

  constructor(dataSource: DataSource) {
    this.records = new JobRecords(dataSource);
  }

  define(
    name: string,
    handler: JobHandler<unknown>,
    options: { attempts?: number; backoffMs?: number } = {},
    schedule?: ScheduleOptions,
  ): RegisteredJob {
    if (this.jobs.has(name)) throw new Error(`background job ${name} is defined twice`);
    const job: RegisteredJob = {
      name,
      handler,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
      ...(schedule ? { schedule: { everyMs: schedule.everyMs, firstAfterMs: schedule.firstAfterMs } } : {}),
    };
    this.jobs.set(name, job);
    return job;
  }

  get(name: string): RegisteredJob {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no background job named ${name}`);
    return job;
  }

  all(): RegisteredJob[] {
    return [...this.jobs.values()];
  }

  scheduled(): ScheduledJob[] {
    return this.all().filter((j): j is ScheduledJob => j.schedule !== undefined);
  }

  /**
   * Runs one attempt of a job whose record says RUNNING, and records its outcome. `retries`: whether a
   * failure is retried by this runner (in-process) — BullMQ retries by itself, the record only follows.
   * Throws what the handler threw (BullMQ counts it).
   */
  async execute(
    id: string,
    name: string,
    payload: unknown,
    attempt: number,
    maxAttempts: number,
  ): Promise<unknown> {
    const job = this.get(name);
    const context: JobContext = { id, attempt, maxAttempts, lastAttempt: attempt >= maxAttempts };
    try {
      const result = await job.handler(payload, context);
      await this.records.completed(id);
      return result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`job ${name} ${id} failed (attempt ${attempt} of ${maxAttempts}): ${reason}`);
      await this.records
        .failed(id, reason, context.lastAttempt ? undefined : retryDelayMs(job.backoffMs, attempt))
        .catch((e: unknown) => this.logger.error(`job ${id}: outcome not recorded: ${String(e)}`));
      throw error;
    }
  }
}
