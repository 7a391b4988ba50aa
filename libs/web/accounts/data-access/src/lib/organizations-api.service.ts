import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, ApiPath, OrganizationDetail, OrganizationInput, OrganizationKind, OrganizationSummary } from '@xkx/contracts';
import { forkJoin, map, Observable } from 'rxjs';
import { saveBlob } from '@xkx/web/data-access';
import { OrganizationQuery, Page, queryParams } from '@xkx/web/accounts/util';

const BASE = `/${API_PREFIX}/${ApiPath.organizations}`;

@Injectable({ providedIn: 'root' })
export class OrganizationsApiService {
  private readonly http = inject(HttpClient);

  /** A page that follows the query signal; call in an injection context. */
  listResource(query: () => OrganizationQuery): HttpResourceRef<Page<OrganizationSummary> | undefined> {
    return httpResource<Page<OrganizationSummary>>(() => ({ url: BASE, params: queryParams(query()) }));
  }

  /** Name, pinyin or initials (`njdx` → 南京大学) across several kinds, best matches of each first. */
  search(q: string, kinds: readonly OrganizationKind[], limit = 10): Observable<OrganizationSummary[]> {
    // The API filters by one kind per request, so several kinds are several requests.
    return forkJoin(
      kinds.map((kind) => this.http.get<Page<OrganizationSummary>>(BASE, { params: queryParams({ q, kind, limit }) })),
    ).pipe(map((pages) => pages.flatMap((page) => page.items)));
  }

  get(id: string): Observable<OrganizationDetail> {
    return this.http.get<OrganizationDetail>(`${BASE}/${id}`);
  }

  create(input: OrganizationInput): Observable<OrganizationDetail> {
    return this.http.post<OrganizationDetail>(BASE, input);
  }

  /** Saves the .xlsx template of `npm run orgs:import` (the operator imports the filled-in file). */
  downloadImportTemplate(): Observable<void> {
    return this.http
      .get(`${BASE}/import-template`, { responseType: 'blob', observe: 'response' })
      .pipe(map((response) => saveBlob(response, 'organizations-template.xlsx')));
  }

  /** `version` is the one read; a stale one is refused with 409 VERSION_CONFLICT. */
  update(id: string, input: OrganizationInput & { verified?: boolean }, version: number): Observable<OrganizationDetail> {
    return this.http.patch<OrganizationDetail>(`${BASE}/${id}`, { ...input, version });
  }
}
