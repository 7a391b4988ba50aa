import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, ImportJob, ListingKind } from '@xkx/contracts';
import { map, Observable } from 'rxjs';
import { saveBlob } from '@xkx/web/data-access';

const BASE = `/${API_PREFIX}/imports`;

/** Excel import: template, upload (validated at once), decision, then poll while it runs. */
@Injectable({ providedIn: 'root' })
export class ImportsApiService {
  private readonly http = inject(HttpClient);

  downloadTemplate(kind: ListingKind): Observable<void> {
    return this.http
      .get(`${BASE}/template`, { params: { kind }, responseType: 'blob', observe: 'response' })
      .pipe(map((response) => saveBlob(response, `template-${kind.toLowerCase()}.xlsx`)));
  }

  upload(kind: ListingKind, file: File): Observable<ImportJob> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportJob>(BASE, body, { params: { kind } });
  }

  decide(id: string, mode: 'VALID' | 'NONE', publish: boolean): Observable<unknown> {
    return this.http.post(`${BASE}/${id}/decision`, { mode, publish });
  }

  job(id: string): Observable<ImportJob> {
    return this.http.get<ImportJob>(`${BASE}/${id}`);
  }
}
