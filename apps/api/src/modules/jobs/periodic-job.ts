import { JobsService } from './jobs.service';

export interface PeriodicSchedule {
  /** The job's name on the admin page and in the queue ('listing.expiry'). */
  name: string;
  /** Without REDIS_URL: the first pass this long after start (an instance that was down catches up). */
  firstAfterMs: number;
  everyMs: number;
}

/**
 * A pass run on a schedule through JobsService: once per period across all instances and workers (a BullMQ
 * job scheduler with REDIS_URL; without it, the period claimed in background_job). Not under NODE_ENV=test
 * in-process: tests drive `run` themselves. The pass must still be safe to run twice (it keeps its own
 * advisory lock and row claims), since an admin may retry it while a period's run is going.
 */
export abstract class PeriodicJob<T> {
  protected constructor(jobs: JobsService, schedule: PeriodicSchedule) {
    jobs.schedule(schedule.name, () => this.run(), {
      everyMs: schedule.everyMs,
      firstAfterMs: schedule.firstAfterMs,
      attempts: 1,
    });
  }

  protected abstract pass(now: Date): Promise<T>;

  /** One pass now. */
  run(now = new Date()): Promise<T> {
    return this.pass(now);
  }
}
