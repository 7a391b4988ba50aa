import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, CarrierList, DealLanding, LandingBody } from '@xkx/contracts';
import { Observable } from 'rxjs';

/** /api/deals/:id/landing and the carrier directory it picks from (issue 16). */
@Injectable({ providedIn: 'root' })
export class LandingApiService {
  private readonly http = inject(HttpClient);

  /** Reloads whenever `key` changes (pass the deal's version). */
  landingResource(id: () => string | undefined, key: () => unknown = () => null): HttpResourceRef<DealLanding | undefined> {
    return httpResource<DealLanding>(() => {
      const dealId = id();
      void key();
      return dealId ? { url: `/${API_PREFIX}/deals/${dealId}/landing` } : undefined;
    });
  }

  carriersResource(enabled: () => boolean): HttpResourceRef<CarrierList | undefined> {
    return httpResource<CarrierList>(() => (enabled() ? { url: `/${API_PREFIX}/carriers`, params: { limit: 200 } } : undefined));
  }

  put(dealId: string, body: LandingBody): Observable<DealLanding> {
    return this.http.put<DealLanding>(`/${API_PREFIX}/deals/${dealId}/landing`, body);
  }
}
