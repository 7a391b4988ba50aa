import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API_PREFIX,
  ErrorCode,
  FeedbackRecorded,
  Match,
  MatchFeedback,
  MatchList,
  MatchVerdict,
  OpportunityList,
} from '@xkx/contracts';
import { ListingSegment } from '@xkx/web/listings/util';
import { DeclineChoice, OpportunityQuery } from '@xkx/web/matching/util';
import { map, Observable, retry, throwError, timer } from 'rxjs';

const MATCHES = `/${API_PREFIX}/matches`;

/** How long to keep asking while the engine loads its index after a start (503 MATCHING_NOT_READY). */
const NOT_READY_RETRIES = 30;
const NOT_READY_DELAY_MS = 2000;

function notReady(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 503 &&
    typeof error.error === 'object' &&
    error.error !== null &&
    (error.error as { code?: string }).code === ErrorCode.MATCHING_NOT_READY
  );
}

/** Retries while the matching engine is still loading; any other error goes through at once. */
const retryWhileLoading = <T>(source: Observable<T>): Observable<T> =>
  source.pipe(
    retry({
      count: NOT_READY_RETRIES,
      delay: (error: unknown) => (notReady(error) ? timer(NOT_READY_DELAY_MS) : throwError(() => error)),
    }),
  );

/** /api/{needs|results}/:id/matches, /api/matches/feedback and /api/matches/opportunities. */
@Injectable({ providedIn: 'root' })
export class MatchingApiService {
  private readonly http = inject(HttpClient);

  /** The best counterparts of one listing (its owner or a broker). */
  matches(segment: ListingSegment, id: string, limit = 10): Observable<Match[]> {
    return this.http.get<MatchList>(`/${API_PREFIX}/${segment}/${id}/matches`, { params: { limit } }).pipe(
      retryWhileLoading,
      map((list) => list.items),
    );
  }

  /** Good or declined (with a reason); a declined pair leaves the rankings. */
  feedback(feedback: MatchFeedback): Observable<FeedbackRecorded> {
    return this.http.post<FeedbackRecorded>(`${MATCHES}/feedback`, feedback);
  }

  /** Marks a pair good (`decline` null) or declines it with the reason chosen. */
  judge(
    pair: { needId: string; resultId: string },
    decline: DeclineChoice | null,
  ): Observable<FeedbackRecorded> {
    return this.feedback(
      decline
        ? {
            ...pair,
            verdict: MatchVerdict.DECLINED,
            reason: decline.reason,
            ...(decline.note ? { note: decline.note } : {}),
          }
        : { ...pair, verdict: MatchVerdict.GOOD },
    );
  }

  /** Brokers: the best new pairs since their last look; `markSeen` records this look. */
  opportunities(query: OpportunityQuery, markSeen: boolean, limit = 30): Observable<OpportunityList> {
    let params = new HttpParams().set('limit', limit).set('markSeen', markSeen);
    if (query.field) params = params.set('field', query.field);
    if (query.organizationId) params = params.set('organizationId', query.organizationId);
    return this.http.get<OpportunityList>(`${MATCHES}/opportunities`, { params }).pipe(retryWhileLoading);
  }
}
