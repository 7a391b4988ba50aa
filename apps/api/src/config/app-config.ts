import { hostname } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import { RATE_LIMIT_DEFAULTS, RATE_LIMIT_FORMAT } from '../common/rate-limit/rate-limit-policies';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync, ValidateIf } from 'class-validator';

const NODE_ENVS = ['development', 'production', 'test'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const DEV_JWT_SECRET = 'xkx-development-secret-do-not-use-in-production';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  if (/^(1|true|yes)$/i.test(value.trim())) return true;
  if (/^(0|false|no)$/i.test(value.trim())) return false;
  return value;
};

const TRUST_PROXY_ITEM = String.raw`(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?)`;
const TRUST_PROXY_FORMAT = new RegExp(String.raw`^(?:false|\d{1,2}|${TRUST_PROXY_ITEM}(?:\s*,\s*${TRUST_PROXY_ITEM})*)$`);
const RATE_LIMIT_MESSAGE = { message: 'must be count/window, e.g. 10/15m (window in s, m or h)' };

/**
 * The whole environment the API reads, validated once at boot. Nothing else reads process.env.
 * A bad value stops the process with a message naming the variable.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1)
  XKX_DATA_DIR = './.data';

  /** Where the built Angular app lives; empty disables static serving. */
  @IsString()
  XKX_WEB_DIR = 'dist/apps/web/browser';

  @ValidateIf((c: AppConfig) => c.NODE_ENV === 'production' || c.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (set an explicit secret in production)' })
  JWT_SECRET?: string;

  /** Seed demo data into an empty database at start. Refused in production. */
  @Transform(toBool)
  @IsIn([true, false], { message: 'must be true or false' })
  XKX_DEMO_SEED = true;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  /** Excel imports: the upload, its unpacked size, its rows, and the worker thread that reads it. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_MAX_FILE_BYTES = 20 * 1_048_576;

  @Transform(toInt)
  @IsInt()
  @Min(1_048_576)
  IMPORT_MAX_UNCOMPRESSED_BYTES = 64 * 1_048_576;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  IMPORT_MAX_ROWS = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(32)
  IMPORT_WORKER_HEAP_MB = 192;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  IMPORT_PARSE_TIMEOUT_MS = 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  IMPORT_MAX_PARALLEL_PARSES = 2;

  /** An import commits in chunks of at most this many rows or milliseconds; the database is free between them. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  IMPORT_CHUNK_ROWS = 200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  IMPORT_CHUNK_MS = 100;

  /**
   * How long a background job's runner holds it without renewing its claim (ms). A runner that died (a
   * SIGKILLed worker or API process) is noticed after this and its job runs again, from where it stopped
   * (BullMQ's lock duration with REDIS_URL, the job record's lease without).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  XKX_JOB_LEASE_MS = 30_000;

  /** Without REDIS_URL: how often each instance looks for due background jobs (ms); a job enqueued here starts at once. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  XKX_JOB_POLL_MS = 1000;

  /** Background jobs one process (a worker, or an API instance without REDIS_URL) runs at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(32)
  XKX_JOB_CONCURRENCY = 2;

  /** With REDIS_URL: the prefix of the queue's Redis keys (two deployments, or test runs, on one Redis use two). */
  @Matches(/^[\w.-]{1,60}$/, { message: 'must be 1-60 letters, digits, dots, dashes or underscores' })
  XKX_JOB_QUEUE_PREFIX = 'xkx';

  /**
   * Names this instance's positions in the change feed (table feed_consumer_position), so a restarted
   * instance resumes where it stopped. Default: the host name and PORT; set it where those change on restart.
   */
  @IsOptional()
  @Matches(/^[\w.:-]{1,120}$/, { message: 'must be 1-120 letters, digits, dots, colons, dashes or underscores' })
  XKX_INSTANCE_ID?: string;

  /**
   * How often each instance reads the change feed without being told (ms). PostgreSQL wakes instances at
   * once with LISTEN/NOTIFY, so this is the fallback there; on embedded PGlite it is the only way.
   */
  @Transform(toInt)
  @IsInt()
  @Min(20)
  @Max(60_000)
  XKX_FEED_POLL_MS = 1000;

  /**
   * Rate-limit counters live here; and with DATABASE_URL, background jobs go to BullMQ queues in this
   * Redis and run in worker processes (`npm run start:worker`); otherwise each API instance runs them itself.
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;

  /**
   * Express `trust proxy`: unset (or `false`) trusts no proxy, so X-Forwarded-For is ignored and the
   * client address is the socket's; `loopback`, an address/CIDR list, or a hop count trusts those proxies.
   */
  @IsOptional()
  @Matches(TRUST_PROXY_FORMAT, { message: 'must be false, a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, addresses and CIDR ranges' })
  TRUST_PROXY?: string;

  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_SIGN_IN_ACCOUNT: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_SIGN_IN_ACCOUNT;
  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_SIGN_IN_ADDRESS: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_SIGN_IN_ADDRESS;
  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_REGISTER: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_REGISTER;
  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_FORGOT_PASSWORD_ADDRESS: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_FORGOT_PASSWORD_ADDRESS;
  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_FORGOT_PASSWORD_EMAIL: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_FORGOT_PASSWORD_EMAIL;
  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_OBJECTIONS: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_OBJECTIONS;
  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_INTRODUCTIONS: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_INTRODUCTIONS;
  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_MESSAGES: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_MESSAGES;
  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_SEARCH: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_SEARCH;
  @Matches(RATE_LIMIT_FORMAT, RATE_LIMIT_MESSAGE) RATE_LIMIT_IMPORTS: string = RATE_LIMIT_DEFAULTS.RATE_LIMIT_IMPORTS;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Apply pending migrations at start (under an advisory lock); false leaves it to `npm run db:migrate`. */
  @Transform(toBool)
  @IsIn([true, false], { message: 'must be true or false' })
  XKX_MIGRATE_ON_START = true;

  /** On SIGTERM, how long in-flight requests may run before their connections are cut. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  XKX_SHUTDOWN_GRACE_MS = 10_000;

  /**
   * S3-compatible object storage for attachments, path-style: `https://ACCESS_KEY:SECRET@host[:port]/bucket[?region=…]`
   * (key and secret URL-encoded; the bucket must exist). Unset: files on local disk under XKX_DATA_DIR/files.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^:@/\s]+:[^@/\s]+@[^/\s]+\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\?\S*)?$/, {
    message: 'must look like https://ACCESS_KEY:SECRET@host[:port]/bucket[?region=REGION]',
  })
  S3_URL?: string;

  /** Largest attachment accepted (413 above it). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(104_857_600)
  ATTACHMENT_MAX_BYTES = 10_485_760;

  /** Prometheus metrics on their own port (GET /metrics there); unset: on the main port with METRICS_TOKEN, or not at all. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** Bearer token a scraper sends for GET /metrics (on the main port, and on METRICS_PORT when both are set). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  @Matches(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces' })
  METRICS_TOKEN?: string;

  /** Requests slower than this (ms) are logged at warn with route and duration; 0 disables. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  XKX_SLOW_REQUEST_MS = 1000;

  /** Database queries slower than this (ms) are logged at warn with the request's route; 0 disables. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  XKX_SLOW_QUERY_MS = 500;

  /** Crash tests only (NODE_ENV=test): fault points to hold at, see common/testing/fault-points.ts. */
  @IsOptional()
  @Matches(/^[a-z.-]+(@\d+)?(,[a-z.-]+(@\d+)?)*$/, { message: 'must be a comma-separated list of fault point names (name or name@N)' })
  XKX_TEST_FAULTS?: string;

  /**
   * A side's 不合适 on an introduction waits for the deal's broker to confirm 未成交; after this many days
   * with nobody acting (or no broker on the deal) a scheduled job closes the deal.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  XKX_DECLINE_AUTO_CLOSE_DAYS = 7;

  /** The public footer (GET /api/portal/site): who runs the site, how to reach them, the ICP 备案 line (`none` hides it). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  XKX_SITE_OPERATOR = '栖霞区技术转移中心（演示站点）';

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  XKX_SITE_CONTACT = '025-0000 0000 · service@xkx.demo';

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  XKX_SITE_ICP = '苏ICP备00000000号（演示）';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** PGlite directory, or undefined for `XKX_DATA_DIR=memory:` (nothing kept; tests and demos). */
  /**
   * Background jobs go to BullMQ (and run in `npm run start:worker`) with REDIS_URL and PostgreSQL; on
   * embedded PGlite, which belongs to one process, they run in-process even with REDIS_URL (rate limits only).
   */
  get jobsOnQueue(): boolean {
    return this.REDIS_URL !== undefined && this.DATABASE_URL !== undefined;
  }

  /** This instance's name in the change feed's consumer positions. */
  get instanceId(): string {
    return this.XKX_INSTANCE_ID ?? `${hostname()}:${this.PORT}`;
  }

  get embeddedDataDir(): string | undefined {
    return this.XKX_DATA_DIR === 'memory:' ? undefined : this.XKX_DATA_DIR;
  }

  /** The value for Express' `trust proxy` setting. */
  get trustProxy(): boolean | number | string {
    const value = this.TRUST_PROXY?.trim();
    if (!value || value === 'false') return false;
    return /^\d+$/.test(value) ? Number(value) : value;
  }

  get jwtSecret(): string {
    return this.JWT_SECRET ?? DEV_JWT_SECRET;
  }
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Builds and validates the config from an environment map (process.env in the app). */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const known = Object.keys(new AppConfig());
  const input: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'JWT_SECRET', 'REDIS_URL', 'SMTP_URL', 'S3_URL', 'TRUST_PROXY', 'METRICS_PORT', 'METRICS_TOKEN', 'XKX_TEST_FAULTS', 'XKX_INSTANCE_ID']) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const problems = validateSync(config, { whitelist: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property} ${message}`,
    ),
  );
  if (config.isProduction && config.XKX_DEMO_SEED && env['XKX_DEMO_SEED'] !== undefined) {
    problems.push('XKX_DEMO_SEED must not be enabled when NODE_ENV=production');
  }
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT === config.PORT) problems.push('METRICS_PORT must differ from PORT');
  if (config.XKX_TEST_FAULTS && config.NODE_ENV !== 'test') {
    problems.push('XKX_TEST_FAULTS is honoured only when NODE_ENV=test');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  // Production never seeds demo data, whatever the default says.
  if (config.isProduction) config.XKX_DEMO_SEED = false;
  return config;
}
