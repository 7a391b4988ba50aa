import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { API_PREFIX } from '@xkx/contracts';
import { AuditLogEntry, AuditQuery, OutboxMail, Page, queryParams } from '@xkx/web/accounts/util';

/** Read-only admin views: the audit log and the outgoing-mail outbox. */
@Injectable({ providedIn: 'root' })
export class AuditApiService {
  auditResource(query: () => AuditQuery): HttpResourceRef<Page<AuditLogEntry> | undefined> {
    return httpResource<Page<AuditLogEntry>>(() => {
      const { from, to, ...rest } = query();
      // Dates are whole days in the user's zone: from its first to its last millisecond.
      return {
        url: `/${API_PREFIX}/audit-logs`,
        params: queryParams({
          ...rest,
          from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
          to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
        }),
      };
    });
  }

  outboxResource(page: () => { limit: number; offset: number }): HttpResourceRef<Page<OutboxMail> | undefined> {
    return httpResource<Page<OutboxMail>>(() => ({ url: `/${API_PREFIX}/outbox`, params: queryParams(page()) }));
  }
}
