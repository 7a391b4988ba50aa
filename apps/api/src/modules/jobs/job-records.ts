import type { JobState } from '@xkx/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { BackgroundJobEntity } from './background-job.entity';

export interface NewJobRecord {
  name: string;
  payload: unknown;
  key?: string;
  maxAttempts: number;
  backoffMs: number;
}

/** A claimed job, as a runner executes it. */
export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  backoffMs: number;
  scheduled: boolean;
}

const FAILURE_CHARS = 2000;

/** `UPDATE … RETURNING` answers [rows, affected] through TypeORM on both drivers; plain rows otherwise. */
function returned<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

function toClaimed(row: {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  backoff_ms: number;
  scheduled: boolean;
}): ClaimedJob {
  return {
    id: row.id,
    name: row.name,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    backoffMs: row.backoff_ms,
    scheduled: row.scheduled,
  };
}

/** The next retry waits backoff · 2^(attempts − 1). */
export function retryDelayMs(backoffMs: number, attempts: number): number {
  return backoffMs * 2 ** Math.max(0, attempts - 1);
}

/** The background_job table: every state change of a job is one statement here. */
export class JobRecords {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the job (in `manager`'s transaction if given); with a key already taken, the job already there. */
  async create(
    job: NewJobRecord,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ id: string; created: boolean }> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO background_job (name, key, payload, state, max_attempts, backoff_ms) VALUES ($1, $2, $3, 'QUEUED', $4, $5)
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [job.name, job.key ?? null, JSON.stringify(job.payload ?? {}), job.maxAttempts, job.backoffMs],
    );
    if (rows[0]) return { id: rows[0].id, created: true };
    const [existing] = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM background_job WHERE key = $1`,
      [job.key],
    );
    if (!existing)
      throw new Error(`background job ${job.name}: key ${job.key ?? ''} neither inserted nor found`);
    return { id: existing.id, created: false };
  }

  async find(id: string): Promise<BackgroundJobEntity | null> {
    return this.dataSource.getRepository(BackgroundJobEntity).findOneBy({ id });
  }

  async list(
    state: JobState | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: BackgroundJobEntity[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(BackgroundJobEntity).findAndCount({
      where: state ? { state } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  /**
   * Without REDIS_URL: claims the oldest due job nobody holds (queued and due, or running under a lease that
   * ran out because its instance died), counting the attempt. Several instances never claim the same job.
   */
  async claimNext(leaseMs: number): Promise<ClaimedJob | undefined> {
    const result: unknown = await this.dataSource.query(
      `UPDATE background_job j SET state = 'RUNNING', attempts = j.attempts + 1, started_at = now(), finished_at = NULL,
              locked_until = now() + $1 * interval '1 millisecond', updated_at = now()
        WHERE j.id = (SELECT id FROM background_job
                       WHERE NOT scheduled AND ((state = 'QUEUED' AND run_after <= now()) OR (state = 'RUNNING' AND locked_until < now()))
                       ORDER BY run_after, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING j.id, j.name, j.payload, j.attempts, j.max_attempts, j.backoff_ms, j.scheduled`,
      [leaseMs],
    );
    const [row] = returned<Parameters<typeof toClaimed>[0]>(result);
    return row ? toClaimed(row) : undefined;
  }

  /**
   * A scheduled run: claims period `slot` of schedule `name` unless some instance already ran it (or is
   * running it under a live lease). The claim is the statement, so any number of instances run it once.
   */
  async claimSlot(
    name: string,
    slot: number,
    leaseMs: number,
    maxAttempts: number,
    backoffMs: number,
  ): Promise<ClaimedJob | undefined> {
    const rows = await this.dataSource.query<Array<Parameters<typeof toClaimed>[0]>>(
      `INSERT INTO background_job (name, key, payload, scheduled, state, attempts, max_attempts, backoff_ms, started_at, locked_until, slot)
       VALUES ($1, $2, '{}', true, 'RUNNING', 1, $4, $5, now(), now() + $3 * interval '1 millisecond', $6)
       ON CONFLICT (key) DO UPDATE SET state = 'RUNNING', attempts = 1, started_at = now(), finished_at = NULL,
              locked_until = EXCLUDED.locked_until, slot = EXCLUDED.slot, updated_at = now()
        WHERE background_job.slot IS NULL OR (background_job.slot < EXCLUDED.slot AND (background_job.state <> 'RUNNING' OR background_job.locked_until < now()))
       RETURNING id, name, payload, attempts, max_attempts, backoff_ms, scheduled`,
      [name, scheduleKey(name), leaseMs, maxAttempts, backoffMs, slot],
    );
    return rows[0] ? toClaimed(rows[0]) : undefined;
  }

  /** With REDIS_URL: the record of a scheduled run BullMQ started (created on its first run). */
  async scheduleRecord(name: string, maxAttempts: number, backoffMs: number): Promise<string> {
    const [row] = await this.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO background_job (name, key, payload, scheduled, state, max_attempts, backoff_ms) VALUES ($1, $2, '{}', true, 'QUEUED', $3, $4)
       ON CONFLICT (key) DO UPDATE SET max_attempts = EXCLUDED.max_attempts RETURNING id`,
      [name, scheduleKey(name), maxAttempts, backoffMs],
    );
    if (!row) throw new Error(`schedule ${name}: no record`);
    return row.id;
  }

  async renew(id: string, leaseMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE background_job SET locked_until = now() + $2 * interval '1 millisecond' WHERE id = $1 AND state = 'RUNNING'`,
      [id, leaseMs],
    );
  }

  /** With REDIS_URL: an attempt started (BullMQ counts the attempts). */
  async started(id: string, attempt: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE background_job SET state = 'RUNNING', attempts = $2, started_at = now(), finished_at = NULL, updated_at = now() WHERE id = $1`,
      [id, attempt],
    );
  }

  async completed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE background_job SET state = 'COMPLETED', failure = NULL, finished_at = now(), locked_until = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** An attempt failed: queued again after the backoff, or FAILED for good after the last attempt. */
  async failed(id: string, failure: string, retryInMs: number | undefined): Promise<void> {
    const reason = failure.slice(0, FAILURE_CHARS);
    if (retryInMs === undefined) {
      await this.dataSource.query(
        `UPDATE background_job SET state = 'FAILED', failure = $2, finished_at = now(), locked_until = NULL, updated_at = now() WHERE id = $1`,
        [id, reason],
      );
    } else {
      await this.dataSource.query(
        `UPDATE background_job SET state = 'QUEUED', failure = $2, locked_until = NULL, run_after = now() + $3 * interval '1 millisecond', updated_at = now() WHERE id = $1`,
        [id, reason, retryInMs],
      );
    }
  }

  /** An admin's retry: a failed job queued again with its attempts back to zero (its last reason kept until it completes). */
  async requeue(id: string, dispatched: boolean): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE background_job SET state = 'QUEUED', attempts = 0, run_after = now(), finished_at = NULL, locked_until = NULL, dispatched = $2, updated_at = now()
        WHERE id = $1 AND state = 'FAILED' RETURNING id`,
      [id, dispatched],
    );
    return returned(result).length > 0;
  }

  /** With REDIS_URL: queued jobs not yet handed to BullMQ (enqueued inside a transaction), oldest first. */
  async undispatched(limit: number): Promise<ClaimedJob[]> {
    const rows = await this.dataSource.query<Array<Parameters<typeof toClaimed>[0]>>(
      `SELECT id, name, payload, attempts, max_attempts, backoff_ms, scheduled FROM background_job WHERE state = 'QUEUED' AND NOT dispatched AND NOT scheduled ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map(toClaimed);
  }

  async markDispatched(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE background_job SET dispatched = true WHERE id = $1`, [id]);
  }

  /** Embedded PGlite has one process: whatever it was running when it stopped is due again now. */
  async releaseAll(): Promise<void> {
    await this.dataSource.query(
      `UPDATE background_job SET locked_until = now() - interval '1 second' WHERE state = 'RUNNING'`,
    );
  }
}

export function scheduleKey(name: string): string {
  return `schedule:${name}`;
}
