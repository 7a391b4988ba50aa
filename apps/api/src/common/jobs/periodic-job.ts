import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

export interface PeriodicSchedule {
  /** The first pass, shortly after start: an instance that was down catches up. */
  firstAfterMs: number;
  everyMs: number;
  /** What a failed pass did not do, for the warning ("declined deals not closed"). */
  failure: string;
}

/**
 * An in-process pass on a timer (not under NODE_ENV=test: tests drive `run` themselves). Every instance runs
 * it; the pass itself must be safe to run on several at once (advisory lock, row claims). A pass in progress
 * finishes before the pool closes.
 */
export abstract class PeriodicJob<T> implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<T> | undefined;

  protected constructor(
    private readonly logger: Logger,
    private readonly schedule: PeriodicSchedule,
    private readonly config: AppConfig,
  ) {}

  protected abstract pass(now: Date): Promise<T>;

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return;
    const first = setTimeout(() => void this.runSafely(), this.schedule.firstAfterMs);
    const every = setInterval(() => void this.runSafely(), this.schedule.everyMs);
    first.unref();
    every.unref();
    this.timers = [first, every];
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await this.running?.catch(() => undefined);
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  /** One pass now. */
  run(now = new Date()): Promise<T> {
    const pass = this.pass(now);
    this.running = pass;
    return pass;
  }

  private async runSafely(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.warn(`${this.schedule.failure}: ${String(error)}`);
    }
  }
}
