import { CallHandler, ExecutionContext, NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';

/** An anonymous answer: any cache may keep it, but must ask again (ETag → 304) before every reuse. */
export const PUBLIC_READ_CACHE = 'public, no-cache';
/** A signed-in answer (management flags, the confidential layer): kept by no cache at all. */
export const PRIVATE_READ_CACHE = 'private, no-store';

/**
 * Cache headers of a public read whose answer depends on who asks (a listing's detail, search): set on
 * success only (an error body depends on Accept-Language and is never marked). Every answer varies by
 * Authorization, so no cache hands an anonymous copy to a signed-in caller or the reverse. Revalidation
 * rather than a max-age: a withdrawn or edited listing must not outlive its change in any cache, and the
 * web app's service worker already goes to the network first. Express adds the weak ETag and answers
 * If-None-Match with 304.
 */
class PublicReadInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    return next.handle().pipe(
      tap(() => {
        res.vary('Authorization');
        res.setHeader('Cache-Control', req.headers.authorization ? PRIVATE_READ_CACHE : PUBLIC_READ_CACHE);
      }),
    );
  }
}

const interceptor = new PublicReadInterceptor();

/** Marks a @Public GET whose answer depends on the caller: see PublicReadInterceptor. */
export const PublicRead = (): MethodDecorator & ClassDecorator => UseInterceptors(interceptor);
