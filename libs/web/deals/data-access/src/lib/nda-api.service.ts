import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, ConfidentialView, ListingKind, NdaText, NdaVersionInput } from '@xkx/contracts';
import { Observable } from 'rxjs';

const BASE = `/${API_PREFIX}/nda`;

/** /api/nda: the NDA's versions (administrators) and the confidential-view log of a listing. */
@Injectable({ providedIn: 'root' })
export class NdaApiService {
  private readonly http = inject(HttpClient);

  /** Every version, newest (the one parties sign) first. */
  versionsResource(): HttpResourceRef<NdaText[] | undefined> {
    return httpResource<NdaText[]>(() => `${BASE}/versions`);
  }

  publish(input: NdaVersionInput): Observable<NdaText> {
    return this.http.post<NdaText>(`${BASE}/versions`, input);
  }

  /** Who saw a listing's confidential layer; loads while `listing()` names one. */
  viewsResource(listing: () => { kind: ListingKind; id: string } | undefined): HttpResourceRef<ConfidentialView[] | undefined> {
    return httpResource<ConfidentialView[]>(() => {
      const l = listing();
      return l ? { url: `${BASE}/views`, params: { kind: l.kind, listingId: l.id } } : undefined;
    });
  }
}
