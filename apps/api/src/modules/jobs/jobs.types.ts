import type { JobRunner as JobRunnerKind } from '@xkx/contracts';
import type { EntityManager } from 'typeorm';

/** What a handler knows of the attempt it runs in. */
export interface JobContext {
  /** The job's record (background_job.id). */
  id: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** No retry follows if this attempt fails: the handler cleans up now (an import rolls back). */
  lastAttempt: boolean;
}

/**
 * Runs one job. Must be idempotent: an attempt may be repeated after a crash (its process SIGKILLed
 * mid-run) or a failure, so it finishes what an earlier attempt left, or does nothing if that one finished.
 */
export type JobHandler<P> = (payload: P, context: JobContext) => Promise<unknown>;

export interface JobOptions {
  /** Attempts in all before the job is FAILED (default 3). */
  attempts?: number;
  /** The first retry waits this long, each next one twice as long (default 1000 ms). */
  backoffMs?: number;
}

export interface ScheduleOptions extends JobOptions {
  everyMs: number;
  /** Without REDIS_URL: the first pass this long after start (an instance that was down catches up). */
  firstAfterMs: number;
}

export interface EnqueueOptions {
  /** Idempotency key: a second enqueue with it returns the first job (whatever its state). */
  key?: string;
  /**
   * Write the job in the caller's transaction: it exists if and only if the caller's work committed. It
   * starts on the runner's next look (XKX_JOB_POLL_MS) rather than at once.
   */
  manager?: EntityManager;
}

/** A job with a schedule. */
export type ScheduledJob = RegisteredJob & Required<Pick<RegisteredJob, 'schedule'>>;

export interface RegisteredJob {
  name: string;
  handler: JobHandler<unknown>;
  attempts: number;
  backoffMs: number;
  schedule?: { everyMs: number; firstAfterMs: number };
}

/** Where jobs run; JobsService hands them over and asks for retries. */
export interface JobRunner {
  readonly kind: JobRunnerKind;
  /** A job recorded (and committed) now: start it, or hand it to the queue. */
  push(id: string, job: RegisteredJob, payload: unknown): Promise<void>;
  /** Jobs were recorded by a transaction that committed: look for them now. */
  wake(): void;
  /** A failed job an admin retries (its record already queued again). */
  retry(id: string, job: RegisteredJob, payload: unknown, scheduled: boolean): Promise<void>;
}

export const JOB_RUNNER = Symbol('JOB_RUNNER');
/** The BullMQ queue every job goes through with REDIS_URL. */
export const JOBS_QUEUE = 'xkx-jobs';
/** The injection token of that queue (a bullmq Queue). */
export const JOBS_QUEUE_TOKEN = Symbol('JOBS_QUEUE');
export type ProcessRole = 'api' | 'worker';
export const PROCESS_ROLE = Symbol('PROCESS_ROLE');
