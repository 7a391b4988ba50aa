import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, BulkResult, DealBoard, DealDetail, DealEvent, DealList, DealMessage, DealOffer, DealTransition, DealTransitionResult, DealUpdate, NdaAcceptance, NdaAcceptInput, NdaText, OfferInput, PublicNotice } from '@xkx/contracts';
import { inBatches, saveBlob } from '@xkx/web/data-access';
import { BoardFilter, DealListFilter } from '@xkx/web/deals/util';
import { map, Observable } from 'rxjs';

const BASE = `/${API_PREFIX}/deals`;

const listParams = (filter: DealListFilter): Record<string, string> =>
  Object.fromEntries(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));

/** /api/deals: the broker board, a deal's page, and the moves, messages and NDA inside it. */
@Injectable({ providedIn: 'root' })
export class DealsApiService {
  private readonly http = inject(HttpClient);

  board(filter: BoardFilter): Observable<DealBoard> {
    const params = Object.fromEntries(Object.entries(filter).filter((e): e is [string, string] => e[1] !== null));
    return this.http.get<DealBoard>(`${BASE}/board`, { params });
  }

  /** The broker's list view: the board's filters plus words and the next-action order (at most 200 rows). */
  list(filter: DealListFilter): Observable<DealList> {
    return this.http.get<DealList>(BASE, { params: { ...listParams(filter), limit: 200 } });
  }

  /** The same list as an .xlsx workbook (labels, Beijing time, amounts in 元), saved by the browser. */
  exportList(filter: DealListFilter): Observable<void> {
    return this.http.get(`${BASE}/export.xlsx`, { params: listParams(filter), responseType: 'blob', observe: 'response' }).pipe(map((response) => saveBlob(response, 'deals.xlsx')));
  }

  /** Hands the deals to one broker; each deal is reassigned (or refused) on its own. */
  bulkReassign(brokerId: string, items: ReadonlyArray<{ id: string; version: number }>): Observable<BulkResult> {
    return inBatches(items, (batch) => this.http.post<BulkResult>(`${BASE}/bulk-reassign`, { brokerId, items: batch }));
  }

  /** The deals the caller takes part in (parties) or all of them (brokers). */
  listResource(): HttpResourceRef<DealList | undefined> {
    return httpResource<DealList>(() => ({ url: BASE, params: { limit: 100 } }));
  }

  /** Adds a person to the deal; the side follows the account's role. */
  addParticipant(id: string, userId: string): Observable<void> {
    return this.http.post<void>(`${BASE}/${id}/participants`, { userId });
  }

  detailResource(id: () => string | undefined): HttpResourceRef<DealDetail | undefined> {
    return httpResource<DealDetail>(() => (id() ? `${BASE}/${id()}` : undefined));
  }

  timelineResource(id: () => string | undefined): HttpResourceRef<DealEvent[] | undefined> {
    return httpResource<DealEvent[]>(() => (id() ? `${BASE}/${id()}/timeline` : undefined));
  }

  messagesResource(id: () => string | undefined): HttpResourceRef<DealMessage[] | undefined> {
    return httpResource<DealMessage[]>(() => (id() ? `${BASE}/${id()}/messages` : undefined));
  }

  offersResource(id: () => string | undefined): HttpResourceRef<DealOffer[] | undefined> {
    return httpResource<DealOffer[]>(() => (id() ? `${BASE}/${id()}/offers` : undefined));
  }

  /** Within the state machine, with the version read; a stale version is refused with 409 VERSION_CONFLICT. */
  transition(id: string, transition: DealTransition): Observable<DealTransitionResult> {
    return this.http.post<DealTransitionResult>(`${BASE}/${id}/transitions`, transition);
  }

  /** Next action and pricing method (brokers), with the version read. */
  update(id: string, update: DealUpdate): Observable<DealDetail> {
    return this.http.patch<DealDetail>(`${BASE}/${id}`, update);
  }

  /** While negotiating, anyone in the deal proposes a price and terms. */
  proposeOffer(id: string, offer: OfferInput): Observable<DealOffer> {
    return this.http.post<DealOffer>(`${BASE}/${id}/offers`, offer);
  }

  /** The other side accepts (which sets the deal's agreed price) or declines. */
  answerOffer(id: string, offerId: string, accept: boolean, note?: string): Observable<DealOffer> {
    return this.http.post<DealOffer>(
      `${BASE}/${id}/offers/${offerId}/${accept ? 'accept' : 'decline'}`,
      note ? { note } : {},
    );
  }

  postMessage(id: string, body: string): Observable<DealMessage> {
    return this.http.post<DealMessage>(`${BASE}/${id}/messages`, { body });
  }

  /** The current NDA text, loaded when someone opens it to read. */
  ndaTextResource(load: () => boolean): HttpResourceRef<NdaText | undefined> {
    return httpResource<NdaText>(() => (load() ? `/${API_PREFIX}/nda/current` : undefined));
  }

  /** Signs the text read: the API refuses (409 NDA_VERSION_OUTDATED) if it is no longer the current one. */
  acceptNda(id: string, text: Pick<NdaText, 'version' | 'textHash'>): Observable<NdaAcceptance> {
    return this.http.post<NdaAcceptance>(`${BASE}/${id}/nda/accept`, { version: text.version, textHash: text.textHash } satisfies NdaAcceptInput);
  }

  /** A 公示 notice as the public sees it (no sign-in needed). */
  publicNoticeResource(id: () => string | undefined): HttpResourceRef<PublicNotice | undefined> {
    return httpResource<PublicNotice>(() => {
      const current = id();
      return current ? `/${API_PREFIX}/public-notices/${current}` : undefined;
    });
  }
}
