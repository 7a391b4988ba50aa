import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, AuthTokens, CurrentUser, ProfileUpdate, RegisterRequest, Session } from '@xkx/contracts';
import { Observable } from 'rxjs';

/** Requests that must go out without a bearer token and never trigger a refresh (sign-in, refresh itself…). */
export const ANONYMOUS_REQUEST = new HttpContextToken<boolean>(() => false);
const anonymous = (): { context: HttpContext } => ({ context: new HttpContext().set(ANONYMOUS_REQUEST, true) });

const AUTH = `/${API_PREFIX}/auth`;

/** The /api/auth endpoints, one method each; state lives in AuthSession. */
@Injectable({ providedIn: 'root' })
export class AuthApiService {
  private readonly http = inject(HttpClient);

  login(email: string, password: string): Observable<Session> {
    return this.http.post<Session>(`${AUTH}/login`, { email, password }, anonymous());
  }

  /** 202 alike whether or not the e-mail is taken; a new account then signs in. */
  register(request: RegisterRequest): Observable<{ accepted: boolean }> {
    return this.http.post<{ accepted: boolean }>(`${AUTH}/register`, request, anonymous());
  }

  refresh(refreshToken: string): Observable<AuthTokens> {
    return this.http.post<AuthTokens>(`${AUTH}/refresh`, { refreshToken }, anonymous());
  }

  logout(refreshToken: string): Observable<unknown> {
    return this.http.post(`${AUTH}/logout`, { refreshToken }, anonymous());
  }

  me(): Observable<CurrentUser> {
    return this.http.get<CurrentUser>(`${AUTH}/me`);
  }

  updateProfile(update: ProfileUpdate): Observable<CurrentUser> {
    return this.http.patch<CurrentUser>(`${AUTH}/me`, update);
  }

  changePassword(currentPassword: string, newPassword: string): Observable<AuthTokens> {
    return this.http.post<AuthTokens>(`${AUTH}/change-password`, { currentPassword, newPassword });
  }

  forgotPassword(email: string): Observable<unknown> {
    return this.http.post(`${AUTH}/forgot-password`, { email }, anonymous());
  }

  resetPassword(token: string, newPassword: string): Observable<unknown> {
    return this.http.post(`${AUTH}/reset-password`, { token, newPassword }, anonymous());
  }

  /** The first start: the one-time link the server logged creates the first administrator. */
  createFirstAdministrator(token: string, email: string, name: string, password: string): Observable<unknown> {
    return this.http.post('/api/setup/administrator', { token, email, name, password }, anonymous());
  }
}
