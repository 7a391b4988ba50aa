import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { requestMeta, RequestMeta } from './request-meta';

/**
 * The request being served, for code deep in a service that records who did something and from where
 * (the audit trail) without every method taking the request as a parameter.
 */
const storage = new AsyncLocalStorage<Request>();

export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction): void {
  storage.run(req, next);
}

/** The request being served, or undefined outside one (jobs, CLI). */
export function currentRequest(): Request | undefined {
  return storage.getStore();
}

/** Address and agent of the current request, or null outside one (jobs, CLI). */
export function currentRequestMeta(): RequestMeta | null {
  const req = storage.getStore();
  return req ? requestMeta(req) : null;
}

/** The signed-in caller of the current request, once the guard has identified them. */
export function currentRequestUser(): AuthUser | null {
  return (storage.getStore()?.user as AuthUser | undefined) ?? null;
}
