import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import { AppConfig } from '../../config/app-config';
import { TodoDigestService } from './todo-digest.service';

/**
 * Sends the daily and weekly digests (TodoDigestService.run) every quarter of an hour, so each user's chosen
 * hour is met within fifteen minutes; in-process like DealClosureJob. Every instance runs it; the pass's
 * advisory lock and the per-user claim make each digest go out once. Tests drive `run` themselves.
 */
@Injectable()
export class TodoDigestJob extends PeriodicJob<{ daily: number; weekly: number }> {
  constructor(
    private readonly digest: TodoDigestService,
    config: AppConfig,
  ) {
    super(new Logger(TodoDigestJob.name), { firstAfterMs: 30_000, everyMs: 15 * 60 * 1000, failure: 'digests not sent' }, config);
  }

  protected pass(now: Date): Promise<{ daily: number; weekly: number }> {
    return this.digest.run(now);
  }
}
