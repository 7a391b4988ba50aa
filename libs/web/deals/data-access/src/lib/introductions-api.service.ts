import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API_PREFIX,
  Introduction,
  IntroductionAnswer,
  IntroductionList,
  IntroductionRequest,
  IntroductionStatus,
} from '@xkx/contracts';
import { Observable } from 'rxjs';

const BASE = `/${API_PREFIX}/introductions`;

export interface IntroductionQuery {
  status?: IntroductionStatus | null;
  /** Parties: only those they made, or only those asked of them. */
  scope?: 'requested' | 'asked' | null;
}

/** /api/introductions: asked from a listing or opened by a broker from a match; answered by the other side. */
@Injectable({ providedIn: 'root' })
export class IntroductionsApiService {
  private readonly http = inject(HttpClient);

  listResource(query: () => IntroductionQuery): HttpResourceRef<IntroductionList | undefined> {
    return httpResource<IntroductionList>(() => {
      const q = query();
      const params: Record<string, string> = {};
      if (q.status) params['status'] = q.status;
      if (q.scope) params['scope'] = q.scope;
      return { url: BASE, params };
    });
  }

  request(request: IntroductionRequest): Observable<Introduction> {
    return this.http.post<Introduction>(BASE, request);
  }

  answer(id: string, answer: IntroductionAnswer): Observable<Introduction> {
    return this.http.post<Introduction>(`${BASE}/${id}/answer`, answer);
  }
}
