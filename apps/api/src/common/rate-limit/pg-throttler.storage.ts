import { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Fixed-window counters in the `rate_limit_counter` table: one upsert per hit, atomic on PostgreSQL and
 * PGlite alike, so every process sharing the database shares the limits. Past the limit the key is
 * blocked for `blockDuration`; hits while blocked are not counted.
 */
export class PgThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): ReturnType<ThrottlerStorage['increment']> {
    const rows = await this.dataSource.query<Array<{ hits: number; expires_in: string; blocked_in: string | null }>>(
      `INSERT INTO rate_limit_counter AS c (key, hits, expires_at, blocked_until)
       VALUES ($1, 1, now() + $2 * interval '1 millisecond', CASE WHEN 1 > $3 THEN now() + $4 * interval '1 millisecond' END)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.blocked_until > now() THEN c.hits WHEN c.expires_at <= now() THEN 1 ELSE c.hits + 1 END,
         expires_at = CASE WHEN c.blocked_until > now() OR c.expires_at > now() THEN c.expires_at ELSE EXCLUDED.expires_at END,
         blocked_until = CASE
           WHEN c.blocked_until > now() THEN c.blocked_until
           WHEN (CASE WHEN c.expires_at <= now() THEN 1 ELSE c.hits + 1 END) > $3 THEN now() + $4 * interval '1 millisecond'
           ELSE NULL END
       RETURNING hits, EXTRACT(EPOCH FROM (expires_at - now())) AS expires_in, EXTRACT(EPOCH FROM (blocked_until - now())) AS blocked_in`,
      [key, ttl, limit, blockDuration],
    );
    const row = rows[0];
    if (!row) throw new Error('rate_limit_counter upsert returned no row');
    const blockedIn = row.blocked_in === null ? 0 : Number(row.blocked_in);
    return {
      totalHits: Number(row.hits),
      timeToExpire: Math.max(0, Math.ceil(Number(row.expires_in))),
      isBlocked: blockedIn > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedIn)),
    };
  }

  /** Drops windows that ended and blocks that lapsed. */
  async sweep(): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_counter WHERE expires_at < now() AND (blocked_until IS NULL OR blocked_until < now())`);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}
