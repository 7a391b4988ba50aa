import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { ClaimedJob } from '../job-records';
import { JobRegistry } from '../job-registry';
import { JobRunner, RegisteredJob, ScheduledJob } from '../jobs.types';

/**
 * Without REDIS_URL: each API instance runs background jobs itself, from the background_job table. Due jobs
 * are claimed one statement at a time (FOR UPDATE SKIP LOCKED, a lease renewed while they run), so several
 * instances on one PostgreSQL database never run the same job twice, and one that died leaves its job to the
 * others once the lease runs out. Scheduled jobs: each instance's timer tries to claim the current period
 * (epoch time / everyMs), and one claim wins. `npm start` on embedded PGlite runs exactly this, with nothing else to start.
 */
@Injectable()
export class InProcessJobRunner
  implements JobRunner, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('Jobs');
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private polling: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly registry: JobRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Embedded PGlite is one process: what it was running when it stopped is due again now.
    if (!this.config.DATABASE_URL)
      await this.registry.records
        .releaseAll()
        .catch((e: unknown) => this.logger.error(`jobs not released: ${String(e)}`));
    const poll = setInterval(() => this.kick(), this.config.XKX_JOB_POLL_MS);
    poll.unref();
    this.timers.push(poll);
    this.kick();
    // Tests run the passes themselves (JobsService handlers and the *.job.ts run methods).
    if (this.config.NODE_ENV === 'test') return;
    for (const job of this.registry.scheduled()) {
      const { everyMs, firstAfterMs } = job.schedule;
      const first = setTimeout(() => this.runPeriod(job), firstAfterMs);
      // Looked at every minute at least: the run of a period starts soon after the period does, whichever instance claims it.
      const every = setInterval(() => this.runPeriod(job), Math.min(everyMs, 60_000));
      first.unref();
      every.unref();
      this.timers.push(first, every);
    }
  }

  /** Jobs in progress finish before the pool closes (none is cut half-way by a clean stop). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    await this.polling;
    await Promise.allSettled([...this.inFlight]);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
  }

  push(): Promise<void> {
    this.kick();
    return Promise.resolve();
  }

  wake(): void {
    this.kick();
  }

  retry(id: string, job: RegisteredJob, payload: unknown, scheduled: boolean): Promise<void> {
    if (!scheduled) return this.push();
    // A scheduled job's record is its schedule's: run it once now.
    this.track(
      this.registry.records
        .started(id, 1)
        .then(() => this.registry.execute(id, job.name, payload, 1, 1))
        .then(
          () => undefined,
          () => undefined,
        ),
    );
    return Promise.resolve();
  }

  /** Looks for due jobs now (again once the current look ends, if one is in progress). */
  private kick(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.polling = this.fill()
      .catch((e: unknown) => this.logger.warn(`job poll failed: ${String(e)}`))
      .finally(() => {
        this.polling = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Claims due jobs while this process has room for them. */
  private async fill(): Promise<void> {
    while (!this.stopped && this.inFlight.size < this.config.XKX_JOB_CONCURRENCY) {
      const claimed = await this.registry.records.claimNext(this.config.XKX_JOB_LEASE_MS);
      if (!claimed) return;
      this.track(this.runClaimed(claimed));
    }
  }

  private track(run: Promise<void>): void {
    this.inFlight.add(run);
    void run.finally(() => {
      this.inFlight.delete(run);
      this.kick();
    });
  }

  private async runClaimed(job: ClaimedJob): Promise<void> {
    const lease = this.config.XKX_JOB_LEASE_MS;
    const renew = setInterval(
      () => void this.registry.records.renew(job.id, lease).catch(() => undefined),
      Math.max(200, Math.floor(lease / 3)),
    );
    renew.unref();
    try {
      await this.registry.execute(job.id, job.name, job.payload, job.attempts, job.maxAttempts);
    } catch {
      // Recorded by execute: queued again after its backoff, or FAILED.
    } finally {
      clearInterval(renew);
    }
  }

  /** One scheduled run, if this instance wins the current period. */
  private runPeriod(job: ScheduledJob): void {
    if (this.stopped) return;
    const slot = Math.floor(Date.now() / job.schedule.everyMs);
    const run = async (): Promise<void> => {
      const claimed = await this.registry.records.claimSlot(
        job.name,
        slot,
        this.config.XKX_JOB_LEASE_MS,
        1,
        job.backoffMs,
      );
      if (claimed) await this.runClaimed(claimed);
    };
    this.track(
      run().catch((e: unknown) => this.logger.warn(`scheduled job ${job.name} not run: ${String(e)}`)),
    );
  }
}
