import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, AuditEntryView, BackgroundJob, BackgroundJobList, JobState, OutboxMail } from '@xkx/contracts';
import { saveBlob } from '@xkx/web/data-access';
import { AuditQuery, Page, queryParams } from '@xkx/web/accounts/util';
import { map, Observable } from 'rxjs';

/** Admin views: the audit log, the outgoing-mail outbox and the background jobs. */
@Injectable({ providedIn: 'root' })
export class AuditApiService {
  private readonly http = inject(HttpClient);

  auditResource(query: () => AuditQuery): HttpResourceRef<Page<AuditEntryView> | undefined> {
    return httpResource<Page<AuditEntryView>>(() => ({ url: `/${API_PREFIX}/audit-logs`, params: auditParams(query()) }));
  }

  /** The entries matching the filters as an .xlsx download. */
  exportAudit(query: AuditQuery): Observable<void> {
    const { limit: _limit, offset: _offset, ...filters } = query;
    return this.http
      .get(`/${API_PREFIX}/audit-logs/export.xlsx`, { params: auditParams(filters), responseType: 'blob', observe: 'response' })
      .pipe(map((response) => saveBlob(response, 'audit-log.xlsx')));
  }

  /** A deal's history (with its contracts and notices) or a contract's, oldest first; undefined id: nothing. */
  historyResource(kind: 'deals' | 'contracts', id: () => string | undefined): HttpResourceRef<AuditEntryView[] | undefined> {
    return httpResource<AuditEntryView[]>(() => (id() ? `/${API_PREFIX}/${kind}/${id()}/history` : undefined));
  }

  /** Background jobs, newest first (administrators). */
  jobsResource(query: () => { state: JobState | null; limit: number; offset: number }): HttpResourceRef<BackgroundJobList | undefined> {
    return httpResource<BackgroundJobList>(() => {
      const { state, ...page } = query();
      return { url: `/${API_PREFIX}/jobs`, params: queryParams({ ...page, state: state ?? undefined }) };
    });
  }

  /** Queues a failed job again. */
  retryJob(id: string): Observable<BackgroundJob> {
    return this.http.post<BackgroundJob>(`/${API_PREFIX}/jobs/${id}/retry`, {});
  }

  outboxResource(page: () => { limit: number; offset: number }): HttpResourceRef<Page<OutboxMail> | undefined> {
    return httpResource<Page<OutboxMail>>(() => ({ url: `/${API_PREFIX}/outbox`, params: queryParams(page()) }));
  }
}

function auditParams(query: Omit<AuditQuery, 'limit' | 'offset'> & Partial<Pick<AuditQuery, 'limit' | 'offset'>>): Record<string, string | number> {
  const { from, to, action, subjectType, ...rest } = query;
  // Dates are whole days in the user's zone: from its first to its last millisecond.
  return queryParams({
    ...rest,
    action: action ?? undefined,
    subjectType: subjectType ?? undefined,
    from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
    to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
  });
}
