import { Injectable } from '@nestjs/common';
import { JobsService } from '@xkx/api/modules/jobs/jobs.service';
import { PeriodicJob } from '@xkx/api/modules/jobs/periodic-job';
import { DealClosureService } from './deal-closure.service';

/**
 * Closes declined deals nobody decided on (DealClosureService.closeOverdue): hourly, a scheduled background
 * job (once across all instances), first shortly after start. The pass's advisory lock and row locks make
 * each deal close once whatever runs it. `run` returns the deals it closed.
 */
@Injectable()
export class DealClosureJob extends PeriodicJob<number> {
  constructor(
    private readonly closure: DealClosureService,
    jobs: JobsService,
  ) {
    super(jobs, { name: 'deal.closure', firstAfterMs: 20_000, everyMs: 60 * 60 * 1000 });
  }

  protected pass(now: Date): Promise<number> {
    return this.closure.closeOverdue(now);
  }
}
