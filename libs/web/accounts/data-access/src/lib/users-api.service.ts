import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, BulkResult, CreateUserRequest, InviteUserRequest, Role, UserStatus, UserSummary, VerificationDecision } from '@xkx/contracts';
import { inBatches } from '@xkx/web/data-access';
import { Observable } from 'rxjs';
import { Page, queryParams, UserQuery } from '@xkx/web/accounts/util';

const BASE = `/${API_PREFIX}/users`;

@Injectable({ providedIn: 'root' })
export class UsersApiService {
  private readonly http = inject(HttpClient);

  listResource(query: () => UserQuery): HttpResourceRef<Page<UserSummary> | undefined> {
    return httpResource<Page<UserSummary>>(() => ({ url: BASE, params: queryParams(query()) }));
  }

  /** Pending accounts, oldest first. */
  queueResource(page: () => { limit: number; offset: number }): HttpResourceRef<Page<UserSummary> | undefined> {
    return httpResource<Page<UserSummary>>(() => ({ url: `${BASE}/verification-queue`, params: queryParams(page()) }));
  }

  /** Active accounts whose name or email contains `q` (brokers adding people to a deal). */
  search(q: string, limit = 10): Observable<Page<UserSummary>> {
    return this.http.get<Page<UserSummary>>(BASE, { params: queryParams({ q, status: UserStatus.ACTIVE, limit, offset: 0 }) });
  }

  verify(id: string): Observable<UserSummary> {
    return this.http.post<UserSummary>(`${BASE}/${id}/verify`, {});
  }

  reject(id: string, reason: string): Observable<UserSummary> {
    return this.http.post<UserSummary>(`${BASE}/${id}/reject`, { reason });
  }

  /** Several pending accounts verified or refused at once; each is decided (or refused) on its own. */
  bulkVerify(decision: VerificationDecision, ids: readonly string[], reason?: string): Observable<BulkResult> {
    return inBatches(ids, (batch) => this.http.post<BulkResult>(`${BASE}/bulk-verify`, { decision, items: batch.map((id) => ({ id })), ...(reason ? { reason } : {}) }));
  }

  create(request: CreateUserRequest): Observable<UserSummary> {
    return this.http.post<UserSummary>(BASE, request);
  }

  /** An active account with a set-password link mailed to it (valid for a week). */
  invite(request: InviteUserRequest): Observable<UserSummary> {
    return this.http.post<UserSummary>(`${BASE}/invitations`, request);
  }

  changeStatus(id: string, status: Exclude<UserStatus, 'PENDING'>, reason?: string): Observable<UserSummary> {
    return this.http.patch<UserSummary>(`${BASE}/${id}/status`, reason ? { status, reason } : { status });
  }

  changeRole(id: string, role: Role): Observable<UserSummary> {
    return this.http.patch<UserSummary>(`${BASE}/${id}/role`, { role });
  }
}
