import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, ErrorCode } from '@xkx/contracts';
import express, { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { armFaultPoints } from './common/testing/fault-points';
import { DomainException } from './common/exceptions/domain.exception';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { answerClientErrors } from './common/http/client-errors';
import { MAX_JSON_DEPTH, verifyJsonDepth } from './common/http/json-depth';
import { TextInputPipe } from './common/validation/text-input.pipe';
import { createValidationPipe } from './common/validation/validation.pipe';
import { AppConfig } from './config/app-config';
import { runMigrationsLocked } from './database/migrate';
import { DemoSeeder } from './database/seeds/demo-seeder.service';
import { metricsEndpoint, observeRequests } from './modules/metrics/http-observer';
import { MetricsService } from './modules/metrics/metrics.service';
import { SearchTextService } from './modules/search/search-text.service';

export interface CreateAppOptions {
  /** Run pending migrations before serving; default XKX_MIGRATE_ON_START (some tests migrate themselves). */
  migrate?: boolean;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: DestinationStream;
  /**
   * With XKX_DATA_DIR=memory: start the embedded database from this PGlite data-directory tarball
   * instead of an empty one (the API tests' migrated snapshot). Migrations still run at start.
   */
  embeddedSnapshot?: string;
  /**
   * Start the application (Nest's init: lifecycle hooks, jobs, the matching index); default true. The
   * API tests' global setup passes false to migrate and seed a template database, then closes it.
   */
  init?: boolean;
}

/**
 * Builds the whole application exactly as `npm start` runs it: migrations, demo seed, security
 * headers, validation, error filter, OpenAPI and the web app. Tests use the same function.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  armFaultPoints(config);
  const module = AppModule.forRoot(config, options.logStream, { embeddedSnapshot: options.embeddedSnapshot });
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
    // Throw instead of process.exit so callers (and tests) see the real error.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // Nest flushes its buffered lines at listen(); flush now so that, before it (migrations) and in apps
  // that never listen (tests), Logger lines reach pino instead of piling up in the buffer.
  app.flushLogs();
  // No enableShutdownHooks(): main.ts drains in-flight requests on SIGTERM before closing (graceful-shutdown.ts).
  // Only configured proxies may name the client (X-Forwarded-For); by default nobody can.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  answerClientErrors(app.getHttpServer());

  // First: the request id (so every answer carries it) and the timing of every request.
  const metrics = app.get(MetricsService);
  app.use(observeRequests(metrics, config.XKX_SLOW_REQUEST_MS));
  app.use(securityHeaders());
  app.use(metricsEndpoint(metrics));
  app.use(withBodyErrors(express.json({ limit: config.BODY_LIMIT_BYTES, verify: verifyJsonDepth })));
  app.use(withBodyErrors(express.urlencoded({ limit: config.BODY_LIMIT_BYTES, extended: false })));

  app.setGlobalPrefix(API_PREFIX);
  // Text checks first: validation then only ever sees well-formed strings.
  app.useGlobalPipes(new TextInputPipe(), createValidationPipe());
  // Also registered as APP_FILTER; this instance catches what escapes route scope (body-parser).
  app.useGlobalFilters(new AllExceptionsFilter());
  setupOpenApi(app);
  serveWebApp(app, config);

  if (options.migrate ?? config.XKX_MIGRATE_ON_START) {
    const applied = await runMigrationsLocked(app.get(DataSource));
    if (applied.length > 0) app.get(Logger).log(`applied ${applied.length} migrations: ${applied.map((m) => m.name).join(', ')}`, 'Migrations');
    // The analyzer loaded before the migrations could create the synonym table on a fresh database.
    await app.get(SearchTextService).reloadSynonyms();
    if (config.XKX_DEMO_SEED && !config.isProduction) await app.get(DemoSeeder).seedIfEmpty();
  }
  if (options.init ?? true) await app.init();
  return app;
}

export function buildOpenApiDocument(app: INestApplication): ReturnType<typeof SwaggerModule.createDocument> {
  const document = new DocumentBuilder()
    .setTitle('霞科行 Xiakexing API')
    .setDescription('Technology-transfer market of Nanjing Qixia district: results, needs, matching, deals, contracts, KPIs.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, document);
}

function setupOpenApi(app: NestExpressApplication): void {
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
    useGlobalPrefix: false,
    customSiteTitle: '霞科行 API',
  });
}

type Middleware = (req: Request, res: Response, next: NextFunction) => void;

/** body-parser failures become domain errors, so they get the one error body and a stable code. */
function withBodyErrors(parser: Middleware): Middleware {
  return (req, res, next) =>
    parser(req, res, (error?: unknown) => {
      if (!error) return next();
      const type = (error as { type?: string }).type;
      const status = Number((error as { status?: number }).status) || 400;
      if (type === 'entity.too.large') return next(new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, 413));
      if (type === 'entity.parse.failed') return next(new DomainException(ErrorCode.MALFORMED_JSON, 400));
      if (type === 'entity.too.deep') return next(new DomainException(ErrorCode.JSON_TOO_DEEP, 400, [], { maxDepth: MAX_JSON_DEPTH }));
      return next(new DomainException(ErrorCode.VALIDATION_FAILED, status >= 400 && status < 500 ? status : 400));
    });
}

function securityHeaders(): Middleware {
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Angular injects component styles at run time.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    // Deployments on a plain-HTTP intranet address must keep working; TLS is the proxy's job.
    upgradeInsecureRequests: null,
  };
  const app = helmet({ contentSecurityPolicy: { directives } });
  // Swagger UI boots with an inline script; allow it on the docs page only.
  const docs = helmet({ contentSecurityPolicy: { directives: { ...directives, scriptSrc: ["'self'", "'unsafe-inline'"] } } });
  return (req, res, next) => (req.path.startsWith(`/${API_PREFIX}/docs`) ? docs : app)(req, res, next);
}

/** Serves the built Angular app at / with client-side routes falling back to index.html. */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  if (!config.XKX_WEB_DIR) return;
  const root = resolve(config.XKX_WEB_DIR);
  const index = join(root, 'index.html');
  const isApi = (req: Request): boolean => req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`);
  // The build writes .br and .gz beside each text file (tools/build/precompress-web.mjs); clients that
  // accept one get it, and nothing is compressed per request.
  const files = expressStaticGzip(root, {
    index: false,
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    serveStatic: { index: false, maxAge: '1h', setHeaders: cacheHeaders },
  });
  // API requests never look on disk: serve-static would stat() every /api path (a thread-pool round
  // trip per request) only to find nothing (issue 14).
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApi(req) || (req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('Web app not built: run npm run build');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/**
 * Files that name the current version are revalidated on every load: the HTML, the service worker's
 * manifest and scripts (a stale ngsw.json would pin browsers to an old release), the web manifest.
 * Scripts, styles and fonts with a content hash in their name never change: a year, immutable. The rest
 * (icons) changes rarely: an hour. `path` may be the precompressed copy (…js.br).
 */
const REVALIDATED = /(\.html|\/ngsw\.json|\/ngsw-worker\.js|\/safety-worker\.js|\/worker-basic\.min\.js|\.webmanifest)(\.br|\.gz)?$/;
const HASHED = /-[A-Z0-9]{8}\.(js|css|woff2?)(\.br|\.gz)?$/;

function cacheHeaders(res: ServerResponse, path: string): void {
  if (REVALIDATED.test(path)) res.setHeader('Cache-Control', 'no-cache');
  else if (HASHED.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
