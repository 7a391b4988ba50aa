import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import { AppConfig } from '../../config/app-config';
import { DealClosureService } from './deal-closure.service';

/**
 * Closes declined deals nobody decided on (DealClosureService.closeOverdue): in-process and hourly, like
 * the monthly report, once shortly after start. Every instance runs it; the pass's advisory lock and row
 * locks make each deal close once. `run` returns the deals it closed.
 */
@Injectable()
export class DealClosureJob extends PeriodicJob<number> {
  constructor(
    private readonly closure: DealClosureService,
    config: AppConfig,
  ) {
    super(new Logger(DealClosureJob.name), { firstAfterMs: 20_000, everyMs: 60 * 60 * 1000, failure: 'declined deals not closed' }, config);
  }

  protected pass(now: Date): Promise<number> {
    return this.closure.closeOverdue(now);
  }
}
