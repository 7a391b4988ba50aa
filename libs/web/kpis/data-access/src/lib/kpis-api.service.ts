import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API_PREFIX,
  ApiPath,
  KpiBreakdown,
  KpiDimension,
  KpiFunnel,
  KpiHeadline,
  KpiPublicHeadline,
  KpiRecords,
  OrganizationKind,
  OrganizationSummary,
  SubsidyReport,
} from '@xkx/contracts';
import { saveBlob } from '@xkx/web/listings/data-access';
import { KpiFilter, kpiParams, KpiRecordsQuery } from '@xkx/web/kpis/util';
import { map, Observable } from 'rxjs';

const BASE = `/${API_PREFIX}/kpis`;

/** How many contracts the records panel lists at once; the totals always cover all of them. */
export const KPI_RECORDS_PAGE = 500;

/** /api/kpis: the ledger's figures, bars, drill-downs, funnel, subsidies and their files. */
@Injectable({ providedIn: 'root' })
export class KpisApiService {
  private readonly http = inject(HttpClient);

  /** The headline figures with definitions, year over year, target and progress. */
  headlineResource(filter: () => KpiFilter | undefined): HttpResourceRef<KpiHeadline | undefined> {
    return httpResource<KpiHeadline>(() => {
      const f = filter();
      return f ? { url: BASE, params: kpiParams(f) } : undefined;
    });
  }

  breakdownResource(filter: () => KpiFilter | undefined, dimension: () => KpiDimension): HttpResourceRef<KpiBreakdown | undefined> {
    return httpResource<KpiBreakdown>(() => {
      const f = filter();
      return f ? { url: `${BASE}/breakdown`, params: kpiParams({ ...f, dimension: dimension() }) } : undefined;
    });
  }

  /** The contracts behind a figure or a bar; undefined while nothing is selected. */
  recordsResource(query: () => KpiRecordsQuery | null): HttpResourceRef<KpiRecords | undefined> {
    return httpResource<KpiRecords>(() => {
      const q = query();
      return q ? { url: `${BASE}/records`, params: kpiParams({ ...q, limit: KPI_RECORDS_PAGE }) } : undefined;
    });
  }

  funnelResource(query: () => { year: number; brokerId: string | null } | undefined): HttpResourceRef<KpiFunnel | undefined> {
    return httpResource<KpiFunnel>(() => {
      const q = query();
      return q ? { url: `${BASE}/funnel`, params: kpiParams(q) } : undefined;
    });
  }

  subsidiesResource(year: () => number): HttpResourceRef<SubsidyReport | undefined> {
    return httpResource<SubsidyReport>(() => ({ url: `${BASE}/subsidies`, params: { year: year() } }));
  }

  /** The public portal's year-to-date headline (no sign-in). */
  publicHeadlineResource(): HttpResourceRef<KpiPublicHeadline | undefined> {
    return httpResource<KpiPublicHeadline>(() => `${BASE}/public`);
  }

  /** Universities and institutes, for the institution filter (public organization list). */
  institutionsResource(): HttpResourceRef<{ items: OrganizationSummary[]; total: number } | undefined> {
    return httpResource<{ items: OrganizationSummary[]; total: number }>(() => ({
      url: `/${API_PREFIX}/${ApiPath.organizations}`,
      params: { kind: `${OrganizationKind.UNIVERSITY},${OrganizationKind.INSTITUTE}`, limit: 100 },
    }));
  }

  /** Summary, one sheet per breakdown, the contracts and the subsidies, for the dashboard's filters. */
  exportXlsx(filter: KpiFilter): Observable<void> {
    return this.download(`${BASE}/export.xlsx`, kpiParams(filter), `kpi-${filter.year}.xlsx`);
  }

  /** The contracts behind the dashboard's figures (or one bar), as CSV. */
  exportCsv(query: KpiFilter | KpiRecordsQuery): Observable<void> {
    return this.download(`${BASE}/export.csv`, kpiParams(query), `kpi-${query.year}.csv`);
  }

  exportSubsidies(year: number): Observable<void> {
    return this.download(`${BASE}/subsidies/export.xlsx`, { year: String(year) }, `subsidies-${year}.xlsx`);
  }

  private download(url: string, params: Record<string, string>, fallbackName: string): Observable<void> {
    return this.http.get(url, { params, responseType: 'blob', observe: 'response' }).pipe(map((response) => saveBlob(response, fallbackName)));
  }
}
