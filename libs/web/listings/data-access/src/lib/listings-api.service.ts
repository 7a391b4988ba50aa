import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, BulkResult, Duplicate, HistoryEntry, ListingDetail, ListingInput, ListingReviewDecision, ListingStatus, SearchResponse, TransitionOutcome, UpdateOutcome } from '@xkx/contracts';
import { ListingSegment, OwnerAction, ReviewAction } from '@xkx/web/listings/util';
import { map, Observable } from 'rxjs';
import { inBatches, saveBlob } from '@xkx/web/data-access';

const base = (segment: ListingSegment): string => `/${API_PREFIX}/${segment}`;

/** /api/results and /api/needs: the same endpoints for both kinds, told apart by the segment. */
@Injectable({ providedIn: 'root' })
export class ListingsApiService {
  private readonly http = inject(HttpClient);

  search(segment: ListingSegment, params: Record<string, string>, cursor?: string | null): Observable<SearchResponse> {
    const all = cursor ? { ...params, cursor, facets: 'false' } : params;
    return this.http.get<SearchResponse>(base(segment), { params: all });
  }

  detail(segment: ListingSegment, id: string): Observable<ListingDetail> {
    return this.http.get<ListingDetail>(`${base(segment)}/${id}`);
  }

  detailResource(segment: () => ListingSegment | undefined, id: () => string | undefined): HttpResourceRef<ListingDetail | undefined> {
    return httpResource<ListingDetail>(() => {
      const s = segment();
      const i = id();
      return s && i ? `${base(s)}/${i}` : undefined;
    });
  }

  mineResource(segment: () => ListingSegment | undefined, status?: () => ListingStatus | null): HttpResourceRef<ListingDetail[] | undefined> {
    return httpResource<ListingDetail[]>(() => {
      const s = segment();
      const st = status?.();
      const params: Record<string, string> = st ? { status: st } : {};
      return s ? { url: `${base(s)}/mine`, params } : undefined;
    });
  }

  /** Several listings of the queue decided at once; each is applied (or refused) on its own. */
  bulkReview(segment: ListingSegment, decision: ListingReviewDecision, items: ReadonlyArray<{ id: string; version: number }>, note?: string): Observable<BulkResult> {
    return inBatches(items, (batch) => this.http.post<BulkResult>(`${base(segment)}/bulk-review`, { decision, items: batch, ...(note ? { note } : {}) }));
  }

  reviewQueueResource(segment: () => ListingSegment): HttpResourceRef<ListingDetail[] | undefined> {
    return httpResource<ListingDetail[]>(() => `${base(segment())}/review-queue`);
  }

  historyResource(segment: () => ListingSegment | undefined, id: () => string | undefined): HttpResourceRef<HistoryEntry[] | undefined> {
    return httpResource<HistoryEntry[]>(() => {
      const s = segment();
      const i = id();
      return s && i ? `${base(s)}/${i}/history` : undefined;
    });
  }

  duplicates(segment: ListingSegment, id: string): Observable<Duplicate[]> {
    return this.http.get<{ items: Duplicate[] }>(`${base(segment)}/${id}/duplicates`).pipe(map((r) => r.items));
  }

  create(segment: ListingSegment, body: ListingInput): Observable<ListingDetail> {
    return this.http.post<ListingDetail>(base(segment), body);
  }

  /** Only the changed keys and the version read; a stale version is refused with 409 VERSION_CONFLICT. */
  update(segment: ListingSegment, id: string, changes: Partial<ListingInput>, version: number): Observable<UpdateOutcome> {
    return this.http.patch<UpdateOutcome>(`${base(segment)}/${id}`, { ...changes, version });
  }

  act(
    segment: ListingSegment,
    id: string,
    action: OwnerAction | ReviewAction,
    body: { version?: number; note?: string; validUntil?: string } = {},
  ): Observable<TransitionOutcome> {
    return this.http.post<TransitionOutcome>(`${base(segment)}/${id}/${action}`, body);
  }

  /** The same filters as the search, as an .xlsx (brokers). */
  export(segment: ListingSegment, params: Record<string, string>): Observable<void> {
    return this.http
      .get(`/${API_PREFIX}/exports/${segment}`, { params, responseType: 'blob', observe: 'response' })
      .pipe(map((response) => saveBlob(response, `${segment}.xlsx`)));
  }
}
