import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { FeedEvent, FeedTopic, FeedTopics } from './feed-events';

/** pg_advisory_xact_lock key every appending transaction holds until it commits (see append). */
const APPEND_LOCK_KEY = '7305281966117004';
/** The NOTIFY channel; the payload is the last position written. */
export const FEED_CHANNEL = 'xkx_change_feed';
/** Consumer positions kept once for the whole cluster. */
export const CLUSTER_INSTANCE = '*';
const BATCH = 500;
const RECONNECT_MS = 2000;
/** pg_try_advisory_xact_lock key of the hourly pruning pass: one instance at a time. */
export const FEED_PRUNE_LOCK_KEY = '7305281966117006';
/** Feed rows every consumer has read are kept this long, then pruned; instances silent this long are forgotten. */
export const FEED_RETENTION_DAYS = 7;
const PRUNE_EVERY_MS = 3600 * 1000;

/**
 * A reader of the change feed. `instance` consumers keep state in this process (the matching index, the
 * analyzer's synonyms): every instance applies every event, and records its position under its own
 * name. `cluster` consumers write rows: one instance at a time applies a batch, in the same transaction
 * that advances their single position (exactly once). Either must tolerate seeing an event again.
 */
export interface FeedConsumer {
  /** With the instance, the key of the recorded position (feed_consumer_position). */
  name: string;
  scope: 'instance' | 'cluster';
  topics: readonly FeedTopic[];
  /** Events of `topics`, in position order. `manager`: the batch's transaction for a cluster consumer. */
  handle(events: FeedEvent[], manager: EntityManager): Promise<void>;
}

interface ConsumerState {
  consumer: FeedConsumer;
  /** The last position applied (undefined until the first read of the recorded one). */
  position: number | undefined;
  running: Promise<void> | undefined;
  again: boolean;
}

interface FeedRow {
  position: string;
  topic: string;
  payload: unknown;
}

export interface FeedStatus {
  head: number;
  /** The lowest position this instance's consumers have applied. */
  position: number;
  behind: number;
}

/**
 * The change feed (issue 13): an outbox table written in the writer's transaction, delivered after commit
 * to every instance by PostgreSQL LISTEN/NOTIFY, with a poll of the table as the fallback (and the only
 * way on embedded PGlite). Consumers resume from their recorded positions after a restart.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly consumers = new Map<string, ConsumerState>();
  /** The head when this process started: where a consumer without a recorded position starts. */
  private bootHead: Promise<number> = Promise.resolve(0);
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** This instance's name in the consumer positions (XKX_INSTANCE_ID). */
  get instance(): string {
    return this.config.instanceId;
  }

  register(consumer: FeedConsumer): void {
    if (this.consumers.has(consumer.name)) throw new Error(`feed consumer ${consumer.name} registered twice`);
    this.consumers.set(consumer.name, { consumer, position: undefined, running: undefined, again: false });
  }

  /**
   * Appends events inside the caller's transaction (one is opened when there is none). The transaction
   * takes one advisory lock until it commits, so positions become visible in order and a reader never
   * skips a position committed later; call it last in the transaction, after the rows it announces.
   * The NOTIFY is delivered by PostgreSQL at commit, never for a rolled-back write.
   */
  async append<T extends FeedTopic>(manager: EntityManager, topic: T, payloads: ReadonlyArray<FeedTopics[T]>): Promise<void> {
    if (payloads.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      await manager.transaction((m) => this.append(m, topic, payloads));
      return;
    }
    await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [APPEND_LOCK_KEY]);
    const rows = await manager.query<Array<{ position: string }>>(
      `INSERT INTO change_feed (topic, payload) SELECT $1, p FROM jsonb_array_elements($2::jsonb) AS p RETURNING position::text AS position`,
      [topic, JSON.stringify(payloads)],
    );
    await manager.query('SELECT pg_notify($1, $2)', [FEED_CHANNEL, rows[rows.length - 1]?.position ?? '']);
  }

  async head(): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ head: string }>>(`SELECT coalesce(max(position), 0)::text AS head FROM change_feed`);
    return Number(row?.head ?? 0);
  }

  /** Head, this instance's lowest applied position, and the gap (health's "index freshness"). */
  async status(): Promise<FeedStatus> {
    const head = await this.head();
    const positions = [...this.consumers.values()].filter((s) => s.consumer.scope === 'instance').map((s) => s.position ?? 0);
    const position = positions.length ? Math.min(...positions) : head;
    return { head, position, behind: Math.max(0, head - position) };
  }

  onModuleInit(): void {
    // Read before any consumer loads its state (onApplicationBootstrap), so nothing between falls through.
    this.bootHead = this.head().catch(() => 0);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.DATABASE_URL) await this.listen();
    this.timer = setInterval(() => this.wake(), this.config.XKX_FEED_POLL_MS);
    this.timer.unref();
    // Tests drive prune() themselves, as they do the other scheduled passes.
    if (this.config.NODE_ENV !== 'test') {
      this.pruneTimer = setInterval(() => void this.prune().catch((error: unknown) => this.logger.warn(`change feed not pruned: ${String(error)}`)), PRUNE_EVERY_MS);
      this.pruneTimer.unref();
    }
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await Promise.all([...this.consumers.values()].map((s) => s.running));
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Reads the feed now, for every consumer. */
  wake(): void {
    if (this.stopped) return;
    for (const state of this.consumers.values()) void this.drain(state);
  }

  /**
   * Resolves once this instance's consumers have applied everything committed before the call, and what
   * those events wrote in turn (tests and maintenance; gives up after `timeoutMs`).
   */
  async settle(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await Promise.all([...this.consumers.values()].map((s) => this.drain(s)));
      const head = await this.head();
      const behind = [...this.consumers.values()].some((s) => (s.position ?? 0) < head);
      if (!behind || Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /**
   * Deletes feed rows older than FEED_RETENTION_DAYS that every consumer has read (the cluster consumers
   * and the instances heard from within that time), keeping the last row so the head never goes back; and
   * forgets instances silent that long (a forgotten instance rebuilds its state from the tables when it
   * starts, as a new one does). One instance at a time (advisory lock); returns the rows deleted.
   */
  async prune(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [FEED_PRUNE_LOCK_KEY]);
      if (!lock?.locked) return 0;
      const before = `$1::timestamptz - make_interval(days => ${FEED_RETENTION_DAYS})`;
      await manager.query(`DELETE FROM feed_consumer_position WHERE instance <> $2 AND updated_at < ${before}`, [now, CLUSTER_INSTANCE]);
      const deleted = await manager.query<Array<{ position: string }>>(
        `DELETE FROM change_feed WHERE created_at < ${before}
           AND position < (SELECT max(position) FROM change_feed)
           AND position <= coalesce((SELECT min(position) FROM feed_consumer_position), 0)
         RETURNING position::text AS position`,
        [now],
      );
      // TypeORM answers a DELETE … RETURNING with [rows, affected].
      const rows = Array.isArray(deleted[0]) ? (deleted[0] as unknown as unknown[]) : deleted;
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'xkx-change-feed' });
    const reconnect = (why: unknown): void => {
      if (this.stopped || this.listener !== client) return;
      this.listener = undefined;
      this.logger.warn(`change feed listener lost (${String(why)}); polling every ${this.config.XKX_FEED_POLL_MS} ms until it is back`);
      client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    };
    client.on('notification', () => this.wake());
    client.on('error', reconnect);
    client.on('end', () => reconnect('connection ended'));
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${FEED_CHANNEL}`);
      // Whatever committed while the listener was away is read now.
      this.wake();
    } catch (error) {
      reconnect(error);
    }
  }

  private drain(state: ConsumerState): Promise<void> {
    if (state.running) {
      state.again = true;
      return state.running;
    }
    state.running = (async () => {
      try {
        do {
          state.again = false;
          if (state.consumer.scope === 'instance') await this.drainInstance(state);
          else await this.drainCluster(state);
        } while (state.again && !this.stopped);
      } catch (error) {
        // The position did not move: the same events are read again on the next wake.
        this.logger.warn(`feed consumer ${state.consumer.name} failed: ${String(error)}`);
      } finally {
        state.running = undefined;
      }
    })();
    return state.running;
  }

  private async drainInstance(state: ConsumerState): Promise<void> {
    const { consumer } = state;
    const instance = this.instance;
    if (state.position === undefined) {
      const [row] = await this.dataSource.query<Array<{ position: string }>>(`SELECT position::text AS position FROM feed_consumer_position WHERE instance = $1 AND consumer = $2`, [instance, consumer.name]);
      // A first start loads its state from the tables: only what comes after the head read then matters.
      state.position = row ? Number(row.position) : await this.bootHead;
    }
    for (;;) {
      const rows = await this.read(this.dataSource.manager, state.position);
      if (rows.length === 0) return;
      const last = Number(rows[rows.length - 1]?.position);
      const events = this.relevant(consumer, rows);
      if (events.length > 0) await consumer.handle(events, this.dataSource.manager);
      state.position = last;
      await this.dataSource.query(
        `INSERT INTO feed_consumer_position (instance, consumer, position, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (instance, consumer) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
        [instance, consumer.name, last],
      );
      if (rows.length < BATCH || this.stopped) return;
    }
  }

  private async drainCluster(state: ConsumerState): Promise<void> {
    const { consumer } = state;
    if (state.position === undefined) {
      await this.dataSource.query(`INSERT INTO feed_consumer_position (instance, consumer, position) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [CLUSTER_INSTANCE, consumer.name]);
    }
    for (;;) {
      const more = await this.dataSource.transaction(async (manager) => {
        // The consumer's row is its lock: another instance applying a batch holds it, and this one moves on.
        const [row] = await manager.query<Array<{ position: string }>>(
          `SELECT position::text AS position FROM feed_consumer_position WHERE instance = $1 AND consumer = $2 FOR UPDATE SKIP LOCKED`,
          [CLUSTER_INSTANCE, consumer.name],
        );
        if (!row) return false;
        const from = Number(row.position);
        state.position = from;
        const rows = await this.read(manager, from);
        if (rows.length === 0) return false;
        const last = Number(rows[rows.length - 1]?.position);
        const events = this.relevant(consumer, rows);
        if (events.length > 0) await consumer.handle(events, manager);
        await manager.query(`UPDATE feed_consumer_position SET position = $3, updated_at = now() WHERE instance = $1 AND consumer = $2`, [CLUSTER_INSTANCE, consumer.name, last]);
        return rows.length === BATCH ? last : false;
      });
      if (more === false || this.stopped) {
        if (state.position !== undefined) state.position = await this.clusterPosition(consumer.name);
        return;
      }
      state.position = more;
    }
  }

  private async clusterPosition(name: string): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ position: string }>>(`SELECT position::text AS position FROM feed_consumer_position WHERE instance = $1 AND consumer = $2`, [CLUSTER_INSTANCE, name]);
    return Number(row?.position ?? 0);
  }

  private read(manager: EntityManager, after: number): Promise<FeedRow[]> {
    return manager.query<FeedRow[]>(`SELECT position::text AS position, topic, payload FROM change_feed WHERE position > $1 ORDER BY position LIMIT ${BATCH}`, [after]);
  }

  private relevant(consumer: FeedConsumer, rows: readonly FeedRow[]): FeedEvent[] {
    return rows
      .filter((r) => consumer.topics.includes(r.topic as FeedTopic))
      .map((r) => ({ position: Number(r.position), topic: r.topic as FeedTopic, payload: r.payload as FeedTopics[FeedTopic] }));
  }
}
