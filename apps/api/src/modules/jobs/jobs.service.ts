import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, JobState } from '@xkx/contracts';
import { DomainException } from '../../common/exceptions/domain.exception';
import { BackgroundJobEntity } from './background-job.entity';
import { JobRegistry } from './job-registry';
import { EnqueueOptions, JOB_RUNNER, JobHandler, JobOptions, JobRunner, ScheduleOptions } from './jobs.types';

/**
 * Background work, one interface for both ways to run. A module defines its handlers once (in its
 * constructor or onModuleInit) and enqueues work by name:
 *
 *   jobs.define('import.run', (p: ImportRun, ctx) => this.runImport(p, ctx), { attempts: 3 });
 *   await jobs.enqueue('import.run', { importId }, { key: `import:${importId}` });
 *   jobs.schedule('listing.expiry', () => this.expire(), { everyMs: DAY_MS, firstAfterMs: 10_000 });
 *
 * With REDIS_URL the jobs go to a BullMQ queue and run in worker processes (`npm run start:worker`);
 * scheduled ones are BullMQ job schedulers, so they run once across every process. Without it each API
 * instance runs them itself from the background_job table (claimed FOR UPDATE SKIP LOCKED, scheduled runs
 * claimed per period). Either way every job is recorded there with its state, attempts and failure, retried
 * with exponential backoff, and an administrator can retry a failed one.
 */
@Injectable()
export class JobsService {
  constructor(
    private readonly registry: JobRegistry,
    @Inject(JOB_RUNNER) private readonly runner: JobRunner,
  ) {}

  /** Where jobs run in this deployment. */
  get runnerKind(): JobRunner['kind'] {
    return this.runner.kind;
  }

  define<P>(name: string, handler: JobHandler<P>, options: JobOptions = {}): void {
    this.registry.define(name, handler as JobHandler<unknown>, options);
  }

  /** A job run every `everyMs`, once across all instances (not under NODE_ENV=test: tests call the handler). */
  schedule(name: string, handler: () => Promise<unknown>, options: ScheduleOptions): void {
    this.registry.define(name, () => handler(), options, options);
  }

  /** Records the job and starts it (or, with `manager`, lets it start once the caller's transaction commits); its id. */
  async enqueue<P>(name: string, payload: P, options: EnqueueOptions = {}): Promise<string> {
    const job = this.registry.get(name);
    const { id, created } = await this.registry.records.create(
      {
        name,
        payload,
        maxAttempts: job.attempts,
        backoffMs: job.backoffMs,
        ...(options.key ? { key: options.key } : {}),
      },
      options.manager,
    );
    if (created && !options.manager) await this.runner.push(id, job, payload);
    return id;
  }

  /** After a transaction that enqueued jobs (EnqueueOptions.manager) committed: start them now, not at the next look. */
  wake(): void {
    this.runner.wake();
  }

  async get(id: string): Promise<BackgroundJobEntity> {
    const record = await this.registry.records.find(id);
    if (!record) throw DomainException.notFound(ErrorCode.JOB_NOT_FOUND);
    return record;
  }

  list(
    state: JobState | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: BackgroundJobEntity[]; total: number }> {
    return this.registry.records.list(state, limit, offset);
  }

  /** An administrator's retry of a FAILED job: queued again with fresh attempts. */
  async retry(id: string): Promise<BackgroundJobEntity> {
    const record = await this.get(id);
    const job = this.registry.get(record.name);
    if (!(await this.registry.records.requeue(id, this.runner.kind === 'bullmq')))
      throw new DomainException(ErrorCode.JOB_NOT_FAILED, HttpStatus.CONFLICT);
    await this.runner.retry(id, job, record.payload, record.scheduled);
    return this.get(id);
  }
}
