import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API_PREFIX,
  ApiPath,
  FieldError,
  KpiBreakdown,
  KpiDimension,
  KpiFunnel,
  KpiHeadline,
  KpiPublicHeadline,
  KpiRecords,
  KpiTargets,
  KpiTargetsBody,
  MyRndSpending,
  OrganizationKind,
  OrganizationSummary,
  RelatedPartyBody,
  RelatedPartyMark,
  RndSpendingEntry,
  RndSpendingReport,
  SubsidyReport,
} from '@xkx/contracts';
import { toApiError } from '@xkx/web/forms';
import { saveBlob } from '@xkx/web/data-access';
import { KpiFilter, kpiParams, KpiRecordsQuery, RndControl, RndPut } from '@xkx/web/kpis/util';
import { catchError, concatMap, from, last, map, Observable, of, throwError } from 'rxjs';

const BASE = `/${API_PREFIX}/kpis`;

/** How many contracts the records panel lists at once; the totals always cover all of them. */
export const KPI_RECORDS_PAGE = 500;

/** A failed R&D PUT, with the form control whose amount it carried (for the API's field errors). */
export class RndSaveError extends Error {
  constructor(
    readonly control: RndControl,
    readonly failure: unknown,
  ) {
    super('R&D spending not saved');
  }
}

/**
 * A failed R&D save as an entry form shows it: the API's field errors on the form's controls (`amountFen`
 * of the year before lands on `previousAmount`), or a message when none applies (null: unreachable).
 */
export function rndSaveProblem(error: unknown): { fields: FieldError[]; message: string | null } {
  const control: RndControl = error instanceof RndSaveError ? error.control : 'amount';
  const api = toApiError(error instanceof RndSaveError ? error.failure : error);
  const fields = api.errors.filter((e) => e.field === 'amountFen' || e.field === 'note').map((e) => ({ ...e, field: e.field === 'amountFen' ? control : e.field }));
  return { fields, message: fields.length ? null : api.message };
}

/** /api/kpis: the ledger's figures, bars, drill-downs, funnel, subsidies, targets, R&D spending and their files. */
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

  /** The district's targets of a year (defaults until an admin sets them) and the institutions'. */
  targetsResource(year: () => number): HttpResourceRef<KpiTargets | undefined> {
    return httpResource<KpiTargets>(() => ({ url: `${BASE}/targets`, params: { year: year() } }));
  }

  /** kpi:manage. With `institutions`, the year's per-institution list is replaced. */
  putTargets(body: KpiTargetsBody): Observable<KpiTargets> {
    return this.http.put<KpiTargets>(`${BASE}/targets`, body);
  }

  /** Key monitored enterprises' R&D spending of a year and the year before, against the growth target. */
  rndSpendingResource(year: () => number): HttpResourceRef<RndSpendingReport | undefined> {
    return httpResource<RndSpendingReport>(() => ({ url: `${BASE}/rnd-spending`, params: { year: year() } }));
  }

  /** The caller's own enterprise (rnd-spending:write); undefined year: not asked. */
  myRndSpendingResource(year: () => number | undefined): HttpResourceRef<MyRndSpending | undefined> {
    return httpResource<MyRndSpending>(() => {
      const y = year();
      return y === undefined ? undefined : { url: `${BASE}/rnd-spending/mine`, params: { year: y } };
    });
  }

  /**
   * The PUTs of an R&D entry, one after the other (the year, then the year before). Completes once all
   * are saved; a failure stops there and errors with a RndSaveError naming the control it came from.
   */
  saveRndSpending(organizationId: string, puts: readonly RndPut[]): Observable<void> {
    if (!puts.length) return of(undefined);
    return from(puts).pipe(
      concatMap((put) =>
        this.http
          .put<RndSpendingEntry>(`${BASE}/rnd-spending/${organizationId}/${put.year}`, put.body)
          .pipe(catchError((error: unknown) => throwError(() => new RndSaveError(put.control, error)))),
      ),
      last(),
      map(() => undefined),
    );
  }

  /** kpi:manage: `{ related: true, reason }` marks a contract as a related-party deal (no subsidy); `{ related: false }` removes the mark. */
  markRelatedParty(contractId: string, body: RelatedPartyBody): Observable<RelatedPartyMark> {
    return this.http.put<RelatedPartyMark>(`${BASE}/related-parties/${contractId}`, body);
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

  /** How the dashboard's address names an institution: its credit code, its id if it has none (or the read fails). */
  institutionKey(id: string): Observable<string> {
    return this.http.get<OrganizationSummary>(`/${API_PREFIX}/${ApiPath.organizations}/${id}`).pipe(
      map((o) => o.creditCode || id),
      catchError(() => of(id)),
    );
  }

  /** Summary, one sheet per breakdown, the contracts and the subsidies, for the dashboard's filters. */
  exportXlsx(filter: KpiFilter): Observable<void> {
    return this.download(`${BASE}/export.xlsx`, kpiParams(filter), `kpi-${filter.year}.xlsx`);
  }

  /** The contracts behind the dashboard's figures (or one bar), as CSV. */
  exportCsv(query: KpiFilter | KpiRecordsQuery): Observable<void> {
    return this.download(`${BASE}/export.csv`, kpiParams(query), `kpi-${query.year}.csv`);
  }

  /** The district's monthly report for `YYYY-MM`. */
  monthlyReport(month: string): Observable<void> {
    return this.download(`${BASE}/reports/monthly.xlsx`, { month }, `monthly-report-${month}.xlsx`);
  }

  exportSubsidies(year: number): Observable<void> {
    return this.download(`${BASE}/subsidies/export.xlsx`, { year: String(year) }, `subsidies-${year}.xlsx`);
  }

  private download(url: string, params: Record<string, string>, fallbackName: string): Observable<void> {
    return this.http.get(url, { params, responseType: 'blob', observe: 'response' }).pipe(map((response) => saveBlob(response, fallbackName)));
  }
}
