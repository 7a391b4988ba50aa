import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Job, JobsOptions, Queue, Worker } from 'bullmq';
import { AppConfig } from '../../../config/app-config';
import { JobRegistry } from '../job-registry';
import {
  JOBS_QUEUE,
  JOBS_QUEUE_TOKEN,
  JobRunner,
  PROCESS_ROLE,
  ProcessRole,
  RegisteredJob,
} from '../jobs.types';
import { redisConnection } from '../redis-connection';

/** What a BullMQ job carries: the record it runs (absent on a scheduler's runs) and the handler's payload. */
interface QueuedData {
  recordId?: string;
  payload?: unknown;
}

const DISPATCH_BATCH = 100;

/**
 * With REDIS_URL: jobs go to one BullMQ queue (JobsModule provides it) and run in worker processes
 * (`npm run start:worker`, role 'worker'), never in the API instances. BullMQ retries with exponential
 * backoff, moves a job whose worker died (lock not renewed within XKX_JOB_LEASE_MS) back to the queue, and
 * runs each job scheduler's iterations once across all workers. The worker records every attempt in
 * background_job (JobRegistry.execute), which is what admins see and retry.
 */
@Injectable()
export class BullMqJobRunner
  implements JobRunner, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('Jobs');
  private worker: Worker<QueuedData> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dispatching: Promise<void> | undefined;

  constructor(
    @Inject(JOBS_QUEUE_TOKEN) private readonly queue: Queue<QueuedData>,
    private readonly registry: JobRegistry,
    private readonly config: AppConfig,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Jobs written inside a caller's transaction reach the queue from here (any process may hand them over).
    this.timer = setInterval(() => void this.dispatchPending(), this.config.XKX_JOB_POLL_MS);
    this.timer.unref();
    if (this.role !== 'worker') return;
    const lease = this.config.XKX_JOB_LEASE_MS;
    const redisUrl = this.config.REDIS_URL;
    if (!redisUrl) throw new Error('the BullMQ runner needs REDIS_URL');
    this.worker = new Worker<QueuedData>(JOBS_QUEUE, (job) => this.process(job), {
      connection: { ...redisConnection(redisUrl), maxRetriesPerRequest: null },
      prefix: this.config.XKX_JOB_QUEUE_PREFIX,
      concurrency: this.config.XKX_JOB_CONCURRENCY,
      lockDuration: lease,
      stalledInterval: Math.max(1000, Math.floor(lease / 2)),
      maxStalledCount: 3,
    });
    this.worker.on('error', (error) => this.logger.warn(`worker: ${error.message}`));
    // Upserted by every worker (the same id replaces, never adds): each iteration runs on one of them.
    for (const job of this.registry.scheduled()) {
      await this.queue.upsertJobScheduler(
        job.name,
        { every: job.schedule.everyMs },
        { name: job.name, data: {}, opts: this.jobOptions(job, 1) },
      );
    }
    await this.dispatchPending();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.dispatching;
    // Waits for the jobs in progress (a clean stop cuts none half-way).
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.queue.close().catch(() => undefined);
  }

  async push(id: string, job: RegisteredJob, payload: unknown): Promise<void> {
    await this.queue.add(
      job.name,
      { recordId: id, payload },
      { ...this.jobOptions(job, job.attempts), jobId: id },
    );
    await this.registry.records.markDispatched(id);
  }

  wake(): void {
    void this.dispatchPending();
  }

  async retry(id: string, job: RegisteredJob, payload: unknown, scheduled: boolean): Promise<void> {
    // A new BullMQ job for the same record: the failed one may already be trimmed from Redis.
    await this.queue.add(
      job.name,
      { recordId: id, payload },
      { ...this.jobOptions(job, scheduled ? 1 : job.attempts), jobId: `${id}-retry-${Date.now()}` },
    );
  }

  /** In the worker: one attempt of one job. */
  private async process(job: Job<QueuedData>): Promise<unknown> {
    const definition = this.registry.get(job.name);
    // A scheduler's run has no record of its own: the schedule's record follows each run.
    const recordId =
      job.data.recordId ??
      (await this.registry.records.scheduleRecord(job.name, job.opts.attempts ?? 1, definition.backoffMs));
    const attempt = job.attemptsMade + 1;
    await this.registry.records.started(recordId, attempt);
    return this.registry.execute(recordId, job.name, job.data.payload ?? {}, attempt, job.opts.attempts ?? 1);
  }

  private jobOptions(job: RegisteredJob, attempts: number): JobsOptions {
    return {
      attempts,
      backoff: { type: 'exponential', delay: job.backoffMs },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    };
  }

  private dispatchPending(): Promise<void> {
    this.dispatching ??= (async () => {
      try {
        for (const record of await this.registry.records.undispatched(DISPATCH_BATCH)) {
          await this.push(record.id, this.registry.get(record.name), record.payload);
        }
      } catch (error) {
        this.logger.warn(`jobs not handed to the queue: ${String(error)}`);
      } finally {
        this.dispatching = undefined;
      }
    })();
    return this.dispatching;
  }
}
