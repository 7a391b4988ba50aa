import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DealClosureService } from './deal-closure.service';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Closes declined deals nobody decided on (DealClosureService.closeOverdue): in-process and hourly, like
 * the monthly report, once shortly after start. Every instance runs it; the pass's advisory lock and row
 * locks make each deal close once. Tests drive `run` themselves.
 */
@Injectable()
export class DealClosureJob implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(DealClosureJob.name);
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<number> | undefined;

  constructor(
    private readonly closure: DealClosureService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return;
    const first = setTimeout(() => void this.runSafely(), 20_000);
    const hourly = setInterval(() => void this.runSafely(), CHECK_EVERY_MS);
    first.unref();
    hourly.unref();
    this.timers = [first, hourly];
  }

  /** A pass in progress finishes before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await this.running?.catch(() => 0);
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  /** One pass; returns the deals it closed. */
  run(now = new Date()): Promise<number> {
    const pass = this.closure.closeOverdue(now);
    this.running = pass;
    return pass;
  }

  private async runSafely(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.warn(`declined deals not closed: ${String(error)}`);
    }
  }
}
