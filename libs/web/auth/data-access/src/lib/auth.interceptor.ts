import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { API_PREFIX } from '@xkx/contracts';
import { catchError, switchMap, throwError } from 'rxjs';
import { ANONYMOUS_REQUEST } from './auth-api.service';
import { AuthSession } from './auth-session.service';

const withBearer = <T>(req: HttpRequest<T>, token: string): HttpRequest<T> =>
  req.clone({ setHeaders: { Authorization: `Bearer ${token}` } });

/**
 * Adds the access token to API calls. On 401 it refreshes once (shared by all requests that fail
 * together) and retries once; when the refresh is refused the session ends and the user is sent to sign in.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(AuthSession);
  const token = session.accessToken();
  if (!token || req.context.get(ANONYMOUS_REQUEST) || !req.url.startsWith(`/${API_PREFIX}/`)) return next(req);
  return next(withBearer(req, token)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) return throwError(() => error);
      return session.refreshAccessToken(token).pipe(
        catchError(() => {
          session.expire();
          return throwError(() => error);
        }),
        // The retry's own errors go to the caller as they are: no second refresh, no loop.
        switchMap((fresh) => next(withBearer(req, fresh))),
      );
    }),
  );
};
