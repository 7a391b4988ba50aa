import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, InstrumentAnswerBody, InstrumentList, InstrumentRequest, InstrumentRequestBody, InstrumentRequestList, InstrumentRequestQuery } from '@xkx/contracts';
import { Observable } from 'rxjs';

/** /api/instruments and /api/instrument-requests: shared instruments, requests to use them, the laboratory's answer (issue 16). */
@Injectable({ providedIn: 'root' })
export class InstrumentsApiService {
  private readonly http = inject(HttpClient);

  /** The active instruments, all or one laboratory's. */
  listResource(laboratoryId: () => string | null = () => null): HttpResourceRef<InstrumentList | undefined> {
    return httpResource<InstrumentList>(() => {
      const lab = laboratoryId();
      const params: Record<string, string> = { limit: '200' };
      if (lab) params['laboratoryId'] = lab;
      return { url: `/${API_PREFIX}/instruments`, params };
    });
  }

  /** The requests the caller may see (undefined query: not loaded, e.g. signed out). Reloads when `key` changes. */
  requestsResource(query: () => InstrumentRequestQuery | undefined, key: () => unknown = () => null): HttpResourceRef<InstrumentRequestList | undefined> {
    return httpResource<InstrumentRequestList>(() => {
      const q = query();
      void key();
      if (!q) return undefined;
      const params: Record<string, string> = { limit: '200' };
      if (q.status) params['status'] = q.status;
      if (q.laboratoryId) params['laboratoryId'] = q.laboratoryId;
      return { url: `/${API_PREFIX}/instrument-requests`, params };
    });
  }

  request(instrumentId: string, body: InstrumentRequestBody): Observable<InstrumentRequest> {
    return this.http.post<InstrumentRequest>(`/${API_PREFIX}/instruments/${instrumentId}/requests`, body);
  }

  answer(requestId: string, body: InstrumentAnswerBody): Observable<InstrumentRequest> {
    return this.http.post<InstrumentRequest>(`/${API_PREFIX}/instrument-requests/${requestId}/answer`, body);
  }
}
