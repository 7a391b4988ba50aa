import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, NotificationList } from '@xkx/contracts';
import { Observable } from 'rxjs';

const BASE = `/${API_PREFIX}/notifications`;

/** /api/notifications: the signed-in user's in-app notifications, newest first. */
@Injectable({ providedIn: 'root' })
export class NotificationsApiService {
  private readonly http = inject(HttpClient);

  /** The latest notifications and the unread count; undefined while signed out. */
  latestResource(signedIn: () => boolean, limit = 10): HttpResourceRef<NotificationList | undefined> {
    return httpResource<NotificationList>(() => (signedIn() ? { url: BASE, params: { limit } } : undefined));
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${BASE}/${id}/read`, {});
  }

  markAllRead(): Observable<{ updated: number }> {
    return this.http.post<{ updated: number }>(`${BASE}/read-all`, {});
  }
}
