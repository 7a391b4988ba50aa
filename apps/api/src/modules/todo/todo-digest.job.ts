import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { TodoDigestService } from './todo-digest.service';

const CHECK_EVERY_MS = 15 * 60 * 1000;

/**
 * Sends the daily and weekly digests (TodoDigestService.run) every quarter of an hour, so each user's chosen
 * hour is met within fifteen minutes; in-process like DealClosureJob. Every instance runs it; the pass's
 * advisory lock and the per-user claim make each digest go out once. Tests drive `run` themselves.
 */
@Injectable()
export class TodoDigestJob implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(TodoDigestJob.name);
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly digest: TodoDigestService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.NODE_ENV === 'test') return;
    const first = setTimeout(() => void this.runSafely(), 30_000);
    const every = setInterval(() => void this.runSafely(), CHECK_EVERY_MS);
    first.unref();
    every.unref();
    this.timers = [first, every];
  }

  /** A pass in progress finishes before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await this.running?.catch(() => undefined);
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  run(now = new Date()): Promise<{ daily: number; weekly: number }> {
    const pass = this.digest.run(now);
    this.running = pass;
    return pass;
  }

  private async runSafely(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.warn(`digests not sent: ${String(error)}`);
    }
  }
}
