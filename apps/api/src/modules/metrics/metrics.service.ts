import { Injectable, Logger, LoggerService, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { Logger as AppLogger } from 'nestjs-pino';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AfterQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { currentRequest } from '../../common/http/request-context';
import { MatchingService } from '@xkx/api/modules/matching/matching.service';

/** Seconds; a modest list (each bucket is a series per route). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const QUERY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
/** A scrape never waits long for the database: the counts are then left out and xkx_metrics_database_ok is 0. */
const SCRAPE_QUERY_TIMEOUT_MS = 3000;

const IMPORT_STATUSES = ['VALIDATED', 'IMPORTING', 'DONE', 'FAILED', 'CANCELLED'];
const OUTBOX_STATUSES = ['PENDING', 'SENT', 'FAILED'];
const INTRODUCTION_STATUSES = ['PENDING', 'INTERESTED', 'DECLINED'];

/** Label for requests no route matched (static files, 404s): raw paths never become labels. */
export const NO_ROUTE = '(none)';

/** The state kept in the database, counted at each scrape: every instance reports the same numbers. */
const STATE_SQL = `
  SELECT 'import' AS metric, status AS label, count(*)::float8 AS value FROM import_job GROUP BY status
  UNION ALL SELECT 'outbox', status, count(*)::float8 FROM outbox_mail GROUP BY status
  UNION ALL SELECT 'outbox_oldest', '', coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM outbox_mail WHERE status = 'PENDING'
  UNION ALL SELECT 'published', 'RESULT', count(*)::float8 FROM result WHERE status = 'PUBLISHED'
  UNION ALL SELECT 'published', 'NEED', count(*)::float8 FROM need WHERE status = 'PUBLISHED'
  UNION ALL SELECT 'introduction', status, count(*)::float8 FROM introduction GROUP BY status
  UNION ALL SELECT 'contracts', '', count(*)::float8 FROM tech_contract
  UNION ALL SELECT 'contract_fen', '', coalesce(sum(contract_amount_fen), 0)::float8 FROM tech_contract`;

interface PoolLike {
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
  options?: { max?: number };
}

/**
 * Prometheus metrics of one app instance, in its own registry (tests run several apps in one process).
 * Request and query timings are observed as they happen; pool, queue, index and business numbers are
 * read when scraped, so serving requests costs one histogram observation each.
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  private server: Server | undefined;
  private readonly tokenDigest: Buffer | undefined;

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  private readonly queryDuration = new Histogram({
    name: 'xkx_db_query_duration_seconds',
    help: 'Database queries that succeeded (TypeORM), by duration',
    buckets: QUERY_BUCKETS,
    registers: [this.registry],
  });
  private readonly queryErrors = new Counter({ name: 'xkx_db_query_errors_total', help: 'Database queries that failed', registers: [this.registry] });
  private readonly pool = new Gauge({
    name: 'xkx_db_pool_connections',
    help: 'Database pool: total, idle, waiting (clients queued for a connection) and max; embedded PGlite is one connection',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  private readonly databaseOk = new Gauge({ name: 'xkx_metrics_database_ok', help: '1 when this scrape could read the counts below from the database', registers: [this.registry] });
  private readonly importJobs = new Gauge({ name: 'xkx_import_jobs', help: 'Excel import jobs by status (VALIDATED/IMPORTING are the queue)', labelNames: ['status'] as const, registers: [this.registry] });
  private readonly outbox = new Gauge({ name: 'xkx_mail_outbox', help: 'Outgoing mail by status (PENDING is the queue)', labelNames: ['status'] as const, registers: [this.registry] });
  private readonly outboxOldest = new Gauge({ name: 'xkx_mail_outbox_oldest_pending_seconds', help: 'Age of the oldest mail still waiting to be sent (0 when none)', registers: [this.registry] });
  private readonly matchingDocuments = new Gauge({ name: 'xkx_matching_index_documents', help: 'Listings in the in-memory matching index', labelNames: ['kind'] as const, registers: [this.registry] });
  private readonly matchingPending = new Gauge({ name: 'xkx_matching_index_pending_updates', help: 'Listing changes not yet applied to the matching index (its lag)', registers: [this.registry] });
  private readonly matchingLoaded = new Gauge({ name: 'xkx_matching_index_loaded', help: '1 once the matching index has loaded', registers: [this.registry] });
  private readonly published = new Gauge({ name: 'xkx_listings_published', help: 'Published listings by kind', labelNames: ['kind'] as const, registers: [this.registry] });
  private readonly introductions = new Gauge({ name: 'xkx_introductions', help: 'Introductions by status', labelNames: ['status'] as const, registers: [this.registry] });
  private readonly contracts = new Gauge({ name: 'xkx_contracts_signed', help: 'Technology contracts signed (recorded)', registers: [this.registry] });
  private readonly contractFen = new Gauge({ name: 'xkx_contracts_signed_amount_fen', help: 'Sum of the signed contracts\' amounts (合同成交额), in fen', registers: [this.registry] });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly config: AppConfig,
    // This app's own logger: Nest's static Logger writes through whichever app in the process called useLogger
    // last, so with several apps in one process (the API test tier) a slow-query line could land in another's log.
    @Optional() private readonly appLogger?: AppLogger,
  ) {
    this.tokenDigest = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : undefined;
    // Process CPU, memory, event-loop lag and GC: only where someone can read them.
    if (this.enabled) collectDefaultMetrics({ register: this.registry });
  }

  /** Whether /metrics is served at all (on a port of its own or behind a token). */
  get enabled(): boolean {
    return this.config.METRICS_PORT !== undefined || this.tokenDigest !== undefined;
  }

  /** Whether the main port answers GET /metrics (else 404 there). */
  get onMainPort(): boolean {
    return this.config.METRICS_PORT === undefined && this.tokenDigest !== undefined;
  }

  onModuleInit(): void {
    this.dataSource.subscribers.push(new QueryObserver(this.queryDuration, this.queryErrors, this.config.XKX_SLOW_QUERY_MS, this.appLogger ?? new Logger()));
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.METRICS_PORT;
    if (port === undefined) return;
    const server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`metrics at http://localhost:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Whether an Authorization header carries the metrics token (true when no token is configured). */
  authorized(header: string | undefined): boolean {
    if (!this.tokenDigest) return true;
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), this.tokenDigest);
  }

  /** The exposition text, with the scrape-time numbers read now. */
  async render(): Promise<string> {
    await this.collect();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The METRICS_PORT server: GET /metrics and nothing else. */
  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    if (!this.authorized(req.headers.authorization)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer' }).end('Unauthorized\n');
      return;
    }
    try {
      const text = await this.render();
      res.writeHead(200, { 'Content-Type': this.contentType, 'Cache-Control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text);
    } catch (error) {
      this.logger.error({ err: error }, 'metrics scrape failed');
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Metrics failed\n');
    }
  }

  private async collect(): Promise<void> {
    this.collectPool();
    const stats = this.matching.stats;
    this.matchingDocuments.set({ kind: 'result' }, stats.results);
    this.matchingDocuments.set({ kind: 'need' }, stats.needs);
    this.matchingPending.set(stats.pendingUpdates);
    this.matchingLoaded.set(this.matching.isLoaded ? 1 : 0);
    let rows: Array<{ metric: string; label: string; value: number }>;
    try {
      rows = await withTimeout(this.dataSource.query(STATE_SQL), SCRAPE_QUERY_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`metrics: could not read counts from the database: ${String(error)}`);
      this.databaseOk.set(0);
      for (const gauge of [this.importJobs, this.outbox, this.outboxOldest, this.published, this.introductions, this.contracts, this.contractFen]) gauge.reset();
      return;
    }
    this.databaseOk.set(1);
    zero(this.importJobs, 'status', IMPORT_STATUSES);
    zero(this.outbox, 'status', OUTBOX_STATUSES);
    zero(this.introductions, 'status', INTRODUCTION_STATUSES);
    zero(this.published, 'kind', ['RESULT', 'NEED']);
    for (const { metric, label, value } of rows) {
      const n = Number(value);
      if (metric === 'import') this.importJobs.set({ status: label }, n);
      else if (metric === 'outbox') this.outbox.set({ status: label }, n);
      else if (metric === 'outbox_oldest') this.outboxOldest.set(n);
      else if (metric === 'published') this.published.set({ kind: label }, n);
      else if (metric === 'introduction') this.introductions.set({ status: label }, n);
      else if (metric === 'contracts') this.contracts.set(n);
      else if (metric === 'contract_fen') this.contractFen.set(n);
    }
  }

  private collectPool(): void {
    const driver = this.dataSource.driver as unknown as { master?: PoolLike };
    const pool = driver.master;
    if (this.config.DATABASE_URL && pool && typeof pool.totalCount === 'number') {
      this.pool.set({ state: 'total' }, pool.totalCount);
      this.pool.set({ state: 'idle' }, pool.idleCount ?? 0);
      this.pool.set({ state: 'waiting' }, pool.waitingCount ?? 0);
      this.pool.set({ state: 'max' }, pool.options?.max ?? 0);
    } else {
      // Embedded PGlite: one session, handed to one holder at a time.
      this.pool.set({ state: 'total' }, 1);
      this.pool.set({ state: 'max' }, 1);
    }
  }
}

/** Times every query TypeORM runs; a slow one is logged at warn with the route of the request it served. */
class QueryObserver implements EntitySubscriberInterface {
  constructor(
    private readonly duration: Histogram,
    private readonly errors: Counter,
    private readonly slowMs: number,
    private readonly logger: LoggerService,
  ) {}

  afterQuery(event: AfterQueryEvent<unknown>): void {
    if (!event.success) {
      this.errors.inc();
      return;
    }
    const ms = event.executionTime ?? 0;
    this.duration.observe(ms / 1000);
    if (this.slowMs > 0 && ms > this.slowMs) {
      const req = currentRequest();
      const route = req ? `${req.method} ${(req.route as { path?: string } | undefined)?.path ?? NO_ROUTE}` : null;
      this.logger.warn({ durationMs: ms, route, query: event.query.slice(0, 300) }, `slow query: ${ms} ms`, 'Database');
    }
  }
}

function zero(gauge: Gauge<string>, label: string, values: readonly string[]): void {
  gauge.reset();
  for (const value of values) gauge.set({ [label]: value }, 0);
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
