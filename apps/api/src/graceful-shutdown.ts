import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { Logger } from 'nestjs-pino';
import { HealthService } from './modules/health/health.service';

/**
 * Stops the server the way a load balancer expects: readiness fails at once, the listening socket
 * closes (no new connections), requests in flight get up to `graceMs` to finish (idle keep-alive
 * connections are closed as they free up), then whatever is left is cut. Then the app closes: jobs
 * finish their current pass, the database pool closes. Resolves true when the grace period ran out.
 */
export async function drainAndClose(app: INestApplication, graceMs: number): Promise<boolean> {
  app.get(HealthService).startDraining();
  const server = app.getHttpServer() as Server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
  ]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (timedOut) server.closeAllConnections();
  await app.close();
  return timedOut;
}

/** SIGTERM/SIGINT → drain and close → exit 0 (1 if closing itself failed). A second signal is ignored. */
export function exitGracefullyOnSignals(app: INestApplication, graceMs: number): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    const logger = app.get(Logger);
    logger.log(`${signal}: no new connections; finishing requests in flight (up to ${graceMs} ms)`, 'Shutdown');
    drainAndClose(app, graceMs).then(
      (timedOut) => {
        if (timedOut) logger.warn(`grace period of ${graceMs} ms over: cut the requests still running`, 'Shutdown');
        logger.log('stopped cleanly', 'Shutdown');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 'Shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
