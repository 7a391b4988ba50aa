import { Injectable } from '@nestjs/common';
import { JobsService } from '@xkx/api/modules/jobs/jobs.service';
import { PeriodicJob } from '@xkx/api/modules/jobs/periodic-job';
import { TodoDigestService } from './todo-digest.service';

/**
 * Sends the daily and weekly digests (TodoDigestService.run) every quarter of an hour, so each user's chosen
 * hour is met within fifteen minutes; a scheduled background job like DealClosureJob. The pass's advisory
 * lock and the per-user claim make each digest go out once. Tests drive `run` themselves.
 */
@Injectable()
export class TodoDigestJob extends PeriodicJob<{ daily: number; weekly: number }> {
  constructor(
    private readonly digest: TodoDigestService,
    jobs: JobsService,
  ) {
    super(jobs, { name: 'todo.digest', firstAfterMs: 30_000, everyMs: 15 * 60 * 1000 });
  }

  protected pass(now: Date): Promise<{ daily: number; weekly: number }> {
    return this.digest.run(now);
  }
}
