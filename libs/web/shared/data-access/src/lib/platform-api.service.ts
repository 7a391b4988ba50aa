import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_PREFIX, ApiPath, HomePage, PlatformOverview, SiteInfo } from '@xkx/contracts';

/** Public platform figures, the home page's data and the site's footer. */
@Injectable({ providedIn: 'root' })
export class PlatformApiService {
  overview(): HttpResourceRef<PlatformOverview | undefined> {
    return httpResource<PlatformOverview>(() => `/${API_PREFIX}/${ApiPath.overview}`);
  }

  /** Everything the home page lists, in one request (GET /api/portal/home). */
  home(): HttpResourceRef<HomePage | undefined> {
    return httpResource<HomePage>(() => `/${API_PREFIX}/${ApiPath.home}`);
  }

  /** Operator, contact and ICP 备案 line, as configured on the server. */
  site(): HttpResourceRef<SiteInfo | undefined> {
    return httpResource<SiteInfo>(() => `/${API_PREFIX}/${ApiPath.site}`);
  }
}
