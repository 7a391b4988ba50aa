import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { API_PREFIX, AttachmentCategory, AttachmentSummary, AttachmentTarget } from '@xkx/contracts';
import { Observable } from 'rxjs';
import { saveBlob } from './save-blob';

const BASE = `/${API_PREFIX}/attachments`;

/** Files on contracts, payments and listings; the server decides who may see and add them. */
@Injectable({ providedIn: 'root' })
export class AttachmentsApiService {
  private readonly http = inject(HttpClient);

  list(targetType: AttachmentTarget, targetId: string): Observable<{ items: AttachmentSummary[] }> {
    return this.http.get<{ items: AttachmentSummary[] }>(BASE, { params: { targetType, targetId } });
  }

  upload(
    targetType: AttachmentTarget,
    targetId: string,
    category: AttachmentCategory,
    file: File,
  ): Observable<AttachmentSummary> {
    const form = new FormData();
    form.append('targetType', targetType);
    form.append('targetId', targetId);
    form.append('category', category);
    form.append('file', file, file.name);
    return this.http.post<AttachmentSummary>(BASE, form);
  }

  /** Fetched with the bearer token, then handed to the browser as a download. */
  download(item: AttachmentSummary): void {
    this.http
      .get(`${BASE}/${item.id}/content`, { observe: 'response', responseType: 'blob' })
      .subscribe((res) => saveBlob(res, item.fileName));
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }

  /** The state of one record's attachment panel. */
  store(targetType: AttachmentTarget, targetId: string): AttachmentsStore {
    return new AttachmentsStore(this, targetType, targetId);
  }
}

/** Items, busy flag and the server's worded error for one record; a component owns one per panel. */
export class AttachmentsStore {
  readonly items = signal<AttachmentSummary[]>([]);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  constructor(
    private readonly api: AttachmentsApiService,
    readonly targetType: AttachmentTarget,
    readonly targetId: string,
  ) {
    this.load();
  }

  load(): void {
    this.api.list(this.targetType, this.targetId).subscribe({
      next: (res) => this.items.set(res.items),
      error: (e: unknown) => this.error.set(messageOf(e)),
    });
  }

  upload(event: { category: AttachmentCategory; file: File }): void {
    this.run(this.api.upload(this.targetType, this.targetId, event.category, event.file), (saved) =>
      this.items.update((list) => [...list, saved]),
    );
  }

  remove(item: AttachmentSummary): void {
    this.run(this.api.remove(item.id), () =>
      this.items.update((list) => list.filter((i) => i.id !== item.id)),
    );
  }

  download(item: AttachmentSummary): void {
    this.api.download(item);
  }

  private run<T>(request: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(messageOf(e));
      },
    });
  }
}

/** The API words its errors for Accept-Language; show that sentence. */
function messageOf(error: unknown): string {
  if (error instanceof HttpErrorResponse && typeof error.error?.message === 'string')
    return error.error.message as string;
  return error instanceof Error ? error.message : String(error);
}
