import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ListingsService } from './listings.service';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Runs the daily stale-warning and expiry pass: once shortly after start (a server that was down
 * over midnight catches up), then every 24 hours. The pass is idempotent.
 */
@Injectable()
export class ListingExpiryJob implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(ListingExpiryJob.name);
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly listings: ListingsService) {}

  onApplicationBootstrap(): void {
    const first = setTimeout(() => void this.run(), 10_000);
    const daily = setInterval(() => void this.run(), DAY_MS);
    first.unref();
    daily.unref();
    this.timers = [first, daily];
  }

  /** A pass in progress finishes before the pool closes (no pass is cut half-way). */
  async beforeApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    await this.running;
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearTimeout(t);
  }

  run(now = new Date()): Promise<void> {
    this.running = this.pass(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(now: Date): Promise<void> {
    try {
      const { warned, expired } = await this.listings.runExpiry(now);
      if (warned || expired) this.logger.log(`listing expiry: ${warned} warned, ${expired} expired`);
    } catch (error) {
      this.logger.error(`listing expiry failed: ${String(error)}`);
    }
  }
}
