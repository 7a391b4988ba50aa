import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, DealClosureState, DealTransitionResult } from '@xkx/contracts';
import { Observable } from 'rxjs';

const BASE = `/${API_PREFIX}/deals`;

/** /api/deals/:id/closure: a side's 不合适 waiting for the deal's broker (issue 12). */
@Injectable({ providedIn: 'root' })
export class DealClosureApiService {
  private readonly http = inject(HttpClient);

  /** Reloads whenever `key` changes (pass the deal's version, so a move elsewhere refreshes it). */
  closureResource(id: () => string | undefined, key: () => unknown = () => null): HttpResourceRef<DealClosureState | undefined> {
    return httpResource<DealClosureState>(() => {
      const dealId = id();
      void key();
      return dealId ? { url: `${BASE}/${dealId}/closure` } : undefined;
    });
  }

  /** The broker confirms 未成交. */
  confirm(id: string, version: number, note?: string): Observable<DealTransitionResult> {
    return this.http.post<DealTransitionResult>(`${BASE}/${id}/closure/confirm`, { version, ...(note ? { note } : {}) });
  }

  /** The broker keeps going: the proposal is cleared. */
  keep(id: string, version: number, note?: string): Observable<DealTransitionResult> {
    return this.http.post<DealTransitionResult>(`${BASE}/${id}/closure/keep`, { version, ...(note ? { note } : {}) });
  }
}
