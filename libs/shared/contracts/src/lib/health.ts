export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'up' | 'down';
}

/** `GET /api/health/ready`: whether a load balancer may send this instance traffic, and why not. */
export interface ReadinessStatus {
  status: 'ready' | 'not-ready';
  database: 'up' | 'down';
  migrations: 'applied' | 'pending' | 'unknown';
  matching: 'loaded' | 'loading';
  /** Only when REDIS_URL is configured. */
  queue?: 'up' | 'down';
  /** True once SIGTERM was received: the instance finishes its requests and leaves. */
  draining: boolean;
}
