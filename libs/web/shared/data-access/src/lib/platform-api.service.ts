import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_PREFIX, ApiPath, PlatformOverview } from '@xkx/contracts';

/** Public platform figures. */
@Injectable({ providedIn: 'root' })
export class PlatformApiService {
  overview(): HttpResourceRef<PlatformOverview | undefined> {
    return httpResource<PlatformOverview>(() => `/${API_PREFIX}/${ApiPath.overview}`);
  }
}
