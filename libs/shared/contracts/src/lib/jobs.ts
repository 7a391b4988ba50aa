/**
 * Background jobs (GET /api/jobs, POST /api/jobs/:id/retry): every job the platform runs in the background
 * (an Excel import, the mail dispatch, the scheduled passes) is recorded, in both ways to run (BullMQ
 * workers with REDIS_URL, in-process without), so administrators see what is waiting, running and failed.
 */

export const JOB_STATES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Where jobs run: BullMQ queues and worker processes (REDIS_URL), or the API process itself. */
export type JobRunner = 'bullmq' | 'in-process';

export interface BackgroundJob {
  id: string;
  /** The handler's name ('import.run', 'mail.dispatch', 'listing.expiry' …). */
  name: string;
  state: JobState;
  /** A scheduled job has one record per schedule, updated on each run. */
  scheduled: boolean;
  attempts: number;
  maxAttempts: number;
  /** Why the last attempt failed (kept while a retry is waiting, cleared once it completes). */
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When a queued job may run (a retry waits for its backoff). */
  runAfter: string;
}

export interface BackgroundJobList {
  items: BackgroundJob[];
  total: number;
  runner: JobRunner;
}

export interface BackgroundJobQuery {
  state?: JobState;
  limit?: number;
  offset?: number;
}
