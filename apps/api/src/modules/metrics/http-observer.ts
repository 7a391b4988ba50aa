import { Logger } from '@nestjs/common';
import { ErrorCode } from '@xkx/contracts';
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { Logger as PinoLogger } from 'pino';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { assignRequestId } from '../../common/http/request-id';
import { MetricsService, NO_ROUTE } from './metrics.service';

type Middleware = (req: Request, res: Response, next: NextFunction) => void;

/** The route template Express matched (`/api/results/:id`), never the raw URL. */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : NO_ROUTE;
}

/**
 * First middleware of the app: gives the request its id (before anything can fail, so even a body
 * parser's 413 carries it), then times it: one histogram observation when the response closes, and a
 * warn line when it took longer than XKX_SLOW_REQUEST_MS.
 */
export function observeRequests(metrics: MetricsService, slowMs: number): Middleware {
  const fallback = new Logger('Http');
  return (req, res, next) => {
    assignRequestId(req, res);
    const started = performance.now();
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const route = routeOf(req);
      metrics.httpDuration.observe({ method: req.method, route, status: res.statusCode }, seconds);
      if (slowMs > 0 && seconds * 1000 > slowMs) {
        const fields = { route: `${req.method} ${route}`, statusCode: res.statusCode, durationMs: Math.round(seconds * 1000), userId: (req.user as AuthUser | undefined)?.id };
        // The request's own logger names its id; a request answered before the logging middleware
        // (a body parser's 4xx, /metrics) has none, so the id goes in the line.
        const log = (req as Request & { log?: PinoLogger }).log;
        if (log) log.warn(fields, 'slow request');
        else fallback.warn({ ...fields, requestId: req.id }, 'slow request');
      }
    });
    next();
  };
}

/**
 * GET /metrics on the main port: only with METRICS_TOKEN configured (and no METRICS_PORT) and the
 * token presented; otherwise the same 404 as any unknown path.
 */
export function metricsEndpoint(metrics: MetricsService): Middleware {
  return (req, res, next) => {
    if (req.path !== '/metrics') return next();
    if (!metrics.onMainPort || (req.method !== 'GET' && req.method !== 'HEAD')) return next(new DomainException(ErrorCode.NOT_FOUND, 404));
    if (!metrics.authorized(req.headers.authorization)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return next(new DomainException(ErrorCode.UNAUTHENTICATED, 401));
    }
    metrics.render().then(
      (text) => {
        res.setHeader('Content-Type', metrics.contentType);
        res.setHeader('Cache-Control', 'no-store');
        res.status(200).send(req.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => next(error),
    );
  };
}
