import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthTokens, CurrentUser, Permission, RegisterRequest, Session, UserStatus } from '@xkx/contracts';
import { catchError, defer, finalize, firstValueFrom, from, map, Observable, of, shareReplay, switchMap, tap } from 'rxjs';
import { AuthApiService } from './auth-api.service';
import { WebPath } from './web-paths';

const STORAGE_KEY = 'xkx.auth';
const REFRESH_LOCK = 'xkx.auth.refresh';

interface StoredTokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * Who is signed in, as signals. Tokens live in localStorage so a reload (or another tab) keeps the
 * session; the user is fetched again from /auth/me at start, so permissions are never stale from storage.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly api = inject(AuthApiService);
  private readonly router = inject(Router);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly tokens = signal<StoredTokens | null>(this.readTokens());
  private readonly currentUser = signal<CurrentUser | null>(null);
  private refreshing: Observable<string> | null = null;

  readonly user = this.currentUser.asReadonly();
  readonly signedIn = computed(() => this.currentUser() !== null);
  readonly pending = computed(() => this.currentUser()?.status === UserStatus.PENDING);
  /** The API's own list for this user: the UI shows what the API will allow, nothing more. */
  readonly permissions = computed(() => new Set<Permission>(this.currentUser()?.permissions ?? []));

  constructor() {
    // Another tab signed in, out, or rotated the tokens: follow it.
    this.window?.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY) return;
      const tokens = this.readTokens();
      this.tokens.set(tokens);
      if (!tokens) this.expire();
    });
  }

  /** Reads a signal, so templates and computeds that call it update when the user changes. */
  can(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  accessToken(): string | null {
    return this.tokens()?.accessToken ?? null;
  }

  /** At start: a stored session becomes a signed-in user, or is dropped. Never throws. */
  async restore(): Promise<void> {
    if (!this.tokens()) return;
    try {
      this.currentUser.set(await firstValueFrom(this.api.me()));
    } catch {
      this.clear();
    }
  }

  signIn(email: string, password: string): Observable<CurrentUser> {
    return this.api.login(email, password).pipe(map((session) => this.start(session)));
  }

  register(request: RegisterRequest): Observable<CurrentUser> {
    // Registration hands out no tokens (it answers alike for a taken e-mail): sign in as anyone would.
    return this.api.register(request).pipe(switchMap(() => this.signIn(request.email, request.password)));
  }

  /** Ends the session on the server too; a failed logout call still signs out here. */
  signOut(): Observable<void> {
    const refreshToken = this.tokens()?.refreshToken;
    const call = refreshToken ? this.api.logout(refreshToken).pipe(catchError(() => of(null))) : of(null);
    return call.pipe(
      map(() => undefined),
      tap(() => {
        this.clear();
        void this.router.navigateByUrl('/');
      }),
    );
  }

  /** After a profile update or a re-read of /auth/me. */
  setUser(user: CurrentUser): void {
    this.currentUser.set(user);
  }

  /** After a password change, which ends every other session and hands us new tokens. */
  setTokens(tokens: AuthTokens): void {
    this.store({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
  }

  /**
   * A fresh access token after `failedToken` was refused. Single-flight: concurrent callers share one
   * refresh (the refresh token rotates, so a second call with the same one would be reuse), and a Web
   * Lock extends that to other tabs; whoever gets the lock second finds the new tokens already stored.
   */
  refreshAccessToken(failedToken: string): Observable<string> {
    this.refreshing ??= defer(() => from(this.withLock(() => this.rotate(failedToken)))).pipe(
      finalize(() => (this.refreshing = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  /** The session is over (refresh refused): sign out here and ask to sign in again, then come back. */
  expire(): void {
    const wasSignedIn = this.currentUser() !== null;
    const returnUrl = this.router.url;
    this.clear();
    if (wasSignedIn) void this.router.navigate(['/', WebPath.signIn], { queryParams: { returnUrl } });
  }

  private async rotate(failedToken: string): Promise<string> {
    const stored = this.readTokens();
    if (!stored) throw new Error('signed out');
    if (stored.accessToken !== failedToken) {
      this.tokens.set(stored);
      return stored.accessToken;
    }
    const fresh = await firstValueFrom(this.api.refresh(stored.refreshToken));
    this.setTokens(fresh);
    return fresh.accessToken;
  }

  private async withLock<T>(task: () => Promise<T>): Promise<T> {
    const locks = this.window?.navigator.locks;
    return locks ? await locks.request(REFRESH_LOCK, task) : task();
  }

  private start(session: Session): CurrentUser {
    this.setTokens(session.tokens);
    this.currentUser.set(session.user);
    return session.user;
  }

  private store(tokens: StoredTokens): void {
    this.tokens.set(tokens);
    try {
      this.window?.localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    } catch {
      // No storage (private mode): the session lasts for this page only.
    }
  }

  private clear(): void {
    this.tokens.set(null);
    this.currentUser.set(null);
    try {
      this.window?.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
  }

  private readTokens(): StoredTokens | null {
    try {
      const raw = this.window?.localStorage.getItem(STORAGE_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        'accessToken' in parsed &&
        'refreshToken' in parsed &&
        typeof parsed.accessToken === 'string' &&
        typeof parsed.refreshToken === 'string'
      ) {
        return { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken };
      }
    } catch {
      // unreadable: treat as signed out
    }
    return null;
  }
}
