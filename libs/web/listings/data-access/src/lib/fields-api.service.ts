import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { API_PREFIX, FieldNode } from '@xkx/contracts';
import { fieldIndex, flattenFields } from '@xkx/web/listings/util';
import { catchError, of, shareReplay } from 'rxjs';

/** The technology-field tree, read once per page load and shared by every page that shows codes as words. */
@Injectable({ providedIn: 'root' })
export class FieldsApiService {
  private readonly http = inject(HttpClient);
  private readonly tree$ = this.http.get<FieldNode[]>(`/${API_PREFIX}/fields`).pipe(
    catchError(() => of<FieldNode[]>([])),
    shareReplay({ bufferSize: 1, refCount: false }),
  );

  readonly tree = toSignal(this.tree$, { initialValue: [] as FieldNode[] });
  readonly options = computed(() => flattenFields(this.tree()));
  readonly index = computed(() => fieldIndex(this.tree()));
}
