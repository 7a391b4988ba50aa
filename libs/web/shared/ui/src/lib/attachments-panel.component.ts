import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { AttachmentCategory, AttachmentSummary } from '@xkx/contracts';
import { MessageKey, TranslatePipe } from '@xkx/web/i18n';

/** A record's files: list with download (and remove), and an upload row for those who may add. Presentational. */
@Component({
  selector: 'xkx-attachments-panel',
  imports: [DatePipe, MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="files" [attr.data-testid]="testId()">
      <h3>{{ title() | t }}</h3>
      @if (items().length === 0) {
        <p class="muted">{{ 'attachment.none' | t }}</p>
      } @else {
        <ul>
          @for (a of items(); track a.id) {
            <li data-testid="attachment-item">
              <mat-icon aria-hidden="true">{{
                a.contentType === 'application/pdf' ? 'picture_as_pdf' : 'image'
              }}</mat-icon>
              <span class="name">{{ a.fileName }}</span>
              <span class="muted"
                >{{ categoryKey(a.category) | t }} · {{ kb(a.sizeBytes) }} KB ·
                {{ a.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span
              >
              <button mat-button type="button" (click)="download.emit(a)" data-testid="attachment-download">
                <mat-icon>download</mat-icon> {{ 'attachment.download' | t }}
              </button>
              @if (canUpload()) {
                <button
                  mat-button
                  type="button"
                  [disabled]="busy()"
                  (click)="remove.emit(a)"
                  data-testid="attachment-remove"
                >
                  <mat-icon>delete</mat-icon> {{ 'attachment.remove' | t }}
                </button>
              }
            </li>
          }
        </ul>
      }
      @if (canUpload()) {
        <div class="upload">
          <label>
            {{ 'attachment.category' | t }}
            <select #cat data-testid="attachment-category">
              @for (c of categories(); track c) {
                <option [value]="c">{{ categoryKey(c) | t }}</option>
              }
            </select>
          </label>
          <input
            #file
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp"
            (change)="picked.set(file.files?.item(0) ?? null)"
            data-testid="attachment-file"
            [attr.aria-label]="'attachment.file' | t"
          />
          <button
            mat-stroked-button
            type="button"
            [disabled]="busy() || !picked()"
            (click)="send(cat.value, file)"
            data-testid="attachment-upload"
          >
            <mat-icon>upload_file</mat-icon> {{ 'attachment.upload' | t }}
          </button>
        </div>
        <p class="muted small">{{ 'attachment.hint' | t }}</p>
      }
      @if (error(); as e) {
        <p class="alert" role="alert" data-testid="attachment-error">{{ e }}</p>
      }
    </section>
  `,
  styles: `
    .files {
      margin: 12px 0;
    }
    h3 {
      margin: 8px 0;
      font: var(--mat-sys-title-small);
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 4px 0;
    }
    .name {
      font-weight: 500;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .small {
      font-size: 12px;
    }
    .upload {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .alert {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class AttachmentsPanelComponent {
  readonly title = input.required<MessageKey>();
  readonly items = input.required<readonly AttachmentSummary[]>();
  readonly categories = input.required<readonly AttachmentCategory[]>();
  readonly canUpload = input(false);
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly testId = input('attachments');
  readonly upload = output<{ category: AttachmentCategory; file: File }>();
  readonly download = output<AttachmentSummary>();
  readonly remove = output<AttachmentSummary>();

  protected readonly picked = signal<File | null>(null);

  protected categoryKey(category: AttachmentCategory): MessageKey {
    return `attachment.cat.${category}`;
  }

  protected kb(bytes: number): string {
    return (Math.ceil(bytes / 102.4) / 10).toFixed(1);
  }

  protected send(category: string, input: HTMLInputElement): void {
    const file = this.picked();
    if (!file) return;
    this.upload.emit({ category: category as AttachmentCategory, file });
    input.value = '';
    this.picked.set(null);
  }
}
