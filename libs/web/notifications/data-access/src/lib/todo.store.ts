import { HttpClient, httpResource } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
import { API_PREFIX, NotificationPreferences, TodoList, TodoSectionKey } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { Observable } from 'rxjs';

const TODO = `/${API_PREFIX}/me/todo`;
const PREFERENCES = `/${API_PREFIX}/me/notification-preferences`;

/**
 * The signed-in person's to-do list (GET /api/me/todo), one copy for the app: the shell shows its counts on the
 * menu and the workspace lists it. Whoever shows it reloads it when the page changes.
 */
@Injectable({ providedIn: 'root' })
export class TodoStore {
  private readonly session = inject(AuthSession);
  private readonly http = inject(HttpClient);

  readonly list = httpResource<TodoList>(() => (this.session.user() ? TODO : undefined));
  /** The list while it is known (undefined while loading the first time, signed out or failed). */
  readonly value = computed(() => (this.list.hasValue() ? this.list.value() : undefined));
  readonly total = computed(() => this.value()?.total ?? 0);

  /** The count of some sections together (the menu's links each stand for one or two). */
  count(keys: readonly TodoSectionKey[]): number {
    return (this.value()?.sections ?? []).filter((s) => keys.includes(s.key)).reduce((sum, s) => sum + s.count, 0);
  }

  reload(): void {
    if (this.session.user()) this.list.reload();
  }

  preferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>(PREFERENCES);
  }

  savePreferences(prefs: NotificationPreferences): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>(PREFERENCES, prefs);
  }
}
