import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ChangeFeed } from '@xkx/api/modules/feed/change-feed.service';
import { MatchingService } from '@xkx/api/modules/matching/matching.service';
import { FeedFreshnessDto, ReadinessResponseDto } from './dto/health-response.dto';

const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService implements OnApplicationShutdown {
  private draining = false;
  /** Once every migration this code knows is applied, it stays so for the life of the process. */
  private migrationsApplied = false;
  private redis: Redis | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly config: AppConfig,
    private readonly feed: ChangeFeed,
  ) {}

  /** This instance's change-feed consumers against the feed's head; undefined when the database does not answer. */
  feedFreshness(): Promise<FeedFreshnessDto | undefined> {
    return withTimeout<FeedFreshnessDto | undefined>(this.feed.status(), undefined);
  }

  /** From SIGTERM on, readiness fails so load balancers stop sending new requests. */
  startDraining(): void {
    this.draining = true;
  }

  /** A real round trip; a hung server counts as down after a short timeout. */
  databaseUp(): Promise<boolean> {
    return withTimeout(this.dataSource.query('SELECT 1 AS ok').then((rows: Array<{ ok: number }>) => rows[0]?.ok === 1), false);
  }

  async readiness(): Promise<ReadinessResponseDto> {
    const [database, migrations, queue, feed] = await Promise.all([
      this.databaseUp(),
      this.migrationsState(),
      this.config.REDIS_URL ? this.queueUp() : Promise.resolve(undefined),
      this.feedFreshness(),
    ]);
    const matching = this.matching.isLoaded ? 'loaded' : 'loading';
    const ready = database && migrations === 'applied' && matching === 'loaded' && queue !== false && !this.draining;
    return {
      status: ready ? 'ready' : 'not-ready',
      database: database ? 'up' : 'down',
      migrations,
      matching,
      ...(feed ? { feed } : {}),
      ...(queue === undefined ? {} : { queue: queue ? 'up' : 'down' }),
      draining: this.draining,
    };
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }

  private async migrationsState(): Promise<'applied' | 'pending' | 'unknown'> {
    if (this.migrationsApplied) return 'applied';
    const names = await withTimeout<Set<string> | undefined>(
      this.dataSource.query('SELECT name FROM migrations').then((rows: Array<{ name: string }>) => new Set(rows.map((r) => r.name))),
      undefined,
    );
    // No migrations table yet (an empty database) counts as pending; an unreachable one as unknown.
    if (!names) return (await this.databaseUp()) ? 'pending' : 'unknown';
    this.migrationsApplied = this.dataSource.migrations.every((m) => m.name !== undefined && names.has(m.name));
    return this.migrationsApplied ? 'applied' : 'pending';
  }

  private queueUp(): Promise<boolean> {
    this.redis ??= new Redis(this.config.REDIS_URL as string, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: PROBE_TIMEOUT_MS,
      retryStrategy: () => null,
    });
    // Failures are answered by the probe; without a listener ioredis prints each one.
    this.redis.on('error', () => undefined);
    const redis = this.redis;
    const ping = (redis.status === 'ready' ? Promise.resolve() : reconnect(redis)).then(() => redis.ping()).then((r) => r === 'PONG');
    return withTimeout(ping, false);
  }
}

async function reconnect(redis: Redis): Promise<void> {
  if (redis.status !== 'wait' && redis.status !== 'end') return;
  await redis.connect();
}

/** The probe's answer, or `fallback` when it fails or hangs past the timeout. */
function withTimeout<T>(probe: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), PROBE_TIMEOUT_MS);
  });
  return Promise.race([probe.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}
