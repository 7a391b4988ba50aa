import { Injectable, Logger } from '@nestjs/common';
import { JobsService } from '@xkx/api/modules/jobs/jobs.service';
import { PeriodicJob } from '@xkx/api/modules/jobs/periodic-job';
import { ListingsService } from './listings.service';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The daily stale-warning and expiry pass: a scheduled background job, once a day across all instances,
 * first shortly after start (a server that was down over midnight catches up). The pass is idempotent.
 */
@Injectable()
export class ListingExpiryJob extends PeriodicJob<void> {
  private readonly logger = new Logger(ListingExpiryJob.name);

  constructor(
    private readonly listings: ListingsService,
    jobs: JobsService,
  ) {
    super(jobs, { name: 'listing.expiry', firstAfterMs: 10_000, everyMs: DAY_MS });
  }

  protected async pass(now: Date): Promise<void> {
    const { warned, expired } = await this.listings.runExpiry(now);
    if (warned || expired) this.logger.log(`listing expiry: ${warned} warned, ${expired} expired`);
  }
}
