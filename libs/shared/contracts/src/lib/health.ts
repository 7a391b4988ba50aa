/** How far this instance's change-feed consumers are behind the feed's head ("index freshness"). */
export interface FeedFreshness {
  /** The last position written to the change feed. */
  head: number;
  /** The lowest position this instance's consumers (matching index, synonyms) have applied. */
  position: number;
  /** head − position: changes committed that this instance does not reflect yet. */
  behind: number;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  /** Absent when the database does not answer. */
  feed?: FeedFreshness;
}

/** `GET /api/health/ready`: whether a load balancer may send this instance traffic, and why not. */
export interface ReadinessStatus {
  status: 'ready' | 'not-ready';
  database: 'up' | 'down';
  migrations: 'applied' | 'pending' | 'unknown';
  matching: 'loaded' | 'loading';
  /** Absent when the database does not answer. */
  feed?: FeedFreshness;
  /** Only when REDIS_URL is configured. */
  queue?: 'up' | 'down';
  /** True once SIGTERM was received: the instance finishes its requests and leaves. */
  draining: boolean;
}
