import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, Objection, ObjectionAnswer, ObjectionInput, ObjectionReceipt, PublicNotice, PublicNoticeList } from '@xkx/contracts';
import { Observable } from 'rxjs';

const BASE = `/${API_PREFIX}/public-notices`;

/** /api/public-notices: the public 公示 page, objections from anyone, and the broker's answers. */
@Injectable({ providedIn: 'root' })
export class PublicNoticesApiService {
  private readonly http = inject(HttpClient);

  /** Current notices, or (ended) current and past ones; newest first. */
  listResource(includeEnded: () => boolean): HttpResourceRef<PublicNoticeList | undefined> {
    return httpResource<PublicNoticeList>(() => ({ url: BASE, params: { includeEnded: includeEnded(), limit: 100 } }));
  }

  noticeResource(id: () => string | undefined): HttpResourceRef<PublicNotice | undefined> {
    return httpResource<PublicNotice>(() => {
      const current = id();
      return current ? `${BASE}/${current}` : undefined;
    });
  }

  object(id: string, input: ObjectionInput): Observable<ObjectionReceipt> {
    return this.http.post<ObjectionReceipt>(`${BASE}/${id}/objections`, input);
  }

  /** Brokers: the objections to a notice, contacts included. */
  objectionsResource(id: () => string | undefined): HttpResourceRef<Objection[] | undefined> {
    return httpResource<Objection[]>(() => {
      const current = id();
      return current ? `${BASE}/${current}/objections` : undefined;
    });
  }

  answer(id: string, objectionId: string, answer: ObjectionAnswer): Observable<Objection> {
    return this.http.post<Objection>(`${BASE}/${id}/objections/${objectionId}/answer`, answer);
  }
}
