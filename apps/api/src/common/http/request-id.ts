import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a caller's (or a proxy's) X-Request-Id must look like to be reused; anything else gets a new id. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The request's id: the one already given to it, a sane incoming X-Request-Id, or a new UUID. Set on
 * `req.id` (pino-http reads it there) and echoed in the response's X-Request-Id header.
 */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}
