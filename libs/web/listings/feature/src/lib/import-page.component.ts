import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ImportJob, ListingKind } from '@xkx/contracts';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { ImportsApiService } from '@xkx/web/listings/data-access';
import { exhaustMap, interval, Subscription, takeWhile } from 'rxjs';

const POLL_MS = 500;

/**
 * /manage/import: download the template, upload a filled sheet, read the errors by row and column,
 * then import the valid rows (or none) and watch the progress.
 */
@Component({
  selector: 'xkx-import-page',
  imports: [RouterLink, MatButtonModule, MatButtonToggleModule, MatCheckboxModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-page.component.html',
  styleUrl: './import-page.component.scss',
})
export class ImportPageComponent {
  private readonly api = inject(ImportsApiService);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  private polling: Subscription | null = null;

  protected readonly kind = signal<ListingKind>(ListingKind.RESULT);
  protected readonly file = signal<File | null>(null);
  protected readonly job = signal<ImportJob | null>(null);
  protected readonly publish = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly invalidRows = computed(() => new Set(this.job()?.errors.map((e) => e.row) ?? []).size);
  protected readonly progress = computed(() => {
    const job = this.job();
    if (!job || job.validRows === 0) return 0;
    return Math.min(100, Math.round((job.processedRows / job.validRows) * 100));
  });

  protected chooseKind(kind: ListingKind): void {
    this.kind.set(kind);
    this.reset();
  }

  protected downloadTemplate(): void {
    this.error.set(null);
    this.api.downloadTemplate(this.kind()).subscribe({
      error: (error: unknown) => this.error.set(toApiError(error).message ?? this.i18n.t('common.networkError')),
    });
  }

  protected pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.job.set(null);
    this.error.set(null);
  }

  protected upload(): void {
    const file = this.file();
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.upload(this.kind(), file).subscribe({
      next: (job) => {
        this.job.set(job);
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.error.set(toApiError(error).message ?? this.i18n.t('common.networkError'));
        this.busy.set(false);
      },
    });
  }

  protected decide(mode: 'VALID' | 'NONE'): void {
    const job = this.job();
    if (!job || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.decide(job.id, mode, mode === 'VALID' && this.publish()).subscribe({
      next: () => this.poll(job.id),
      error: (error: unknown) => {
        this.error.set(toApiError(error).message ?? this.i18n.t('common.networkError'));
        this.busy.set(false);
      },
    });
  }

  protected reset(): void {
    this.polling?.unsubscribe();
    this.job.set(null);
    this.file.set(null);
    this.error.set(null);
    this.busy.set(false);
  }

  private poll(id: string): void {
    this.polling?.unsubscribe();
    this.polling = interval(POLL_MS)
      .pipe(
        // One request at a time: a slow answer is not overtaken by the next tick.
        exhaustMap(() => this.api.job(id)),
        takeWhile((job) => job.status === 'IMPORTING' || job.status === 'VALIDATED', true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (job) => {
          this.job.set(job);
          if (job.status !== 'IMPORTING' && job.status !== 'VALIDATED') this.busy.set(false);
        },
        error: (error: unknown) => {
          this.error.set(toApiError(error).message ?? this.i18n.t('common.networkError'));
          this.busy.set(false);
        },
      });
  }
}
