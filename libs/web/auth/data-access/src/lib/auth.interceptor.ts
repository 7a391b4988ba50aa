import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { API_PREFIX } from '@xkx/contracts';
import { catchError, switchMap, throwError } from 'rxjs';
import { ANONYMOUS_REQUEST } from './auth-api.service';
import { AuthSession } from './auth-session.service';

/**
 * Tells the service worker to leave a request alone. Its cache is keyed by URL only, so a signed-in
 * answer (a confidential layer, one's own drafts) must never be kept: offline it would answer whoever
 * opens the page next. Only anonymous reads are cached; sign-in, tokens and writes never are.
 */
const SW_BYPASS = { 'ngsw-bypass': '1' };

const withBearer = <T>(req: HttpRequest<T>, token: string): HttpRequest<T> =>
  req.clone({ setHeaders: { Authorization: `Bearer ${token}`, ...SW_BYPASS } });

/**
 * Adds the access token to API calls. On 401 it refreshes once (shared by all requests that fail
 * together) and retries once; when the refresh is refused the session ends and the user is sent to sign in.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(AuthSession);
  if (req.url.startsWith(`/${API_PREFIX}/auth/`)) req = req.clone({ setHeaders: SW_BYPASS });
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
