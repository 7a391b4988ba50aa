import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Duplicate, LISTING_STATUS_LABELS, ListingDetail, ListingStatus } from '@xkx/contracts';
import { FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { FieldsApiService, ListingsApiService } from '@xkx/web/listings/data-access';
import {
  DuplicatesListComponent,
  HistoryListComponent,
  ListingStatusComponent,
  ListingViewComponent,
} from '@xkx/web/listings/ui';
import { ListingSegment, ReviewAction } from '@xkx/web/listings/util';

const REVIEWABLE: readonly ListingStatus[] = [ListingStatus.SUBMITTED, ListingStatus.IN_REVIEW];

/**
 * /manage/review/{results|needs}/:id: the listing with its confidential layer, its history, possible
 * duplicates side by side, and the decision (approve, request changes or reject, with a reason).
 */
@Component({
  selector: 'xkx-review-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    FieldErrorPipe,
    TranslatePipe,
    DuplicatesListComponent,
    HistoryListComponent,
    ListingStatusComponent,
    ListingViewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-page.component.html',
  styleUrl: './review-page.component.scss',
})
export class ReviewPageComponent {
  private readonly api = inject(ListingsApiService);
  private readonly i18n = inject(I18nService);

  readonly segment = input.required<ListingSegment>();
  readonly id = input.required<string>();

  protected readonly fieldIndex = inject(FieldsApiService).index;
  protected readonly listing = this.api.detailResource(this.segment, this.id);
  protected readonly history = this.api.historyResource(this.segment, this.id);
  protected readonly duplicates = signal<Duplicate[]>([]);
  protected readonly compared = signal<ListingDetail | null>(null);
  protected readonly note = new FormControl('', { nonNullable: true });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly reviewable = computed(
    () => this.listing.hasValue() && REVIEWABLE.includes(this.listing.value().status),
  );

  constructor() {
    effect(() => {
      const segment = this.segment();
      const id = this.id();
      untracked(() => {
        this.compared.set(null);
        this.api
          .duplicates(segment, id)
          .subscribe({ next: (d) => this.duplicates.set(d), error: () => this.duplicates.set([]) });
      });
    });
  }

  protected compare(duplicate: Duplicate): void {
    this.api.detail(this.segment(), duplicate.id).subscribe({
      next: (listing) => this.compared.set(listing),
      error: (error: unknown) => this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError')),
    });
  }

  protected decide(action: ReviewAction): void {
    if (!this.listing.hasValue() || this.busy()) return;
    const needsNote = action === 'request-changes' || action === 'reject';
    const note = this.note.value.trim();
    if (needsNote && !note) {
      this.note.setValidators(Validators.required);
      this.note.updateValueAndValidity();
      this.note.markAsTouched();
      return;
    }
    const listing = this.listing.value();
    this.busy.set(true);
    this.error.set(null);
    this.api
      .act(this.segment(), listing.id, action, { version: listing.version, ...(needsNote ? { note } : {}) })
      .subscribe({
        next: (outcome) => {
          this.busy.set(false);
          this.done.set(
            this.i18n.t('review.done', { status: this.i18n.pick(LISTING_STATUS_LABELS[outcome.status]) }),
          );
          this.note.reset();
          this.note.clearValidators();
          this.listing.reload();
          this.history.reload();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const api = toApiError(error);
          this.error.set(api.message ?? this.i18n.t('common.networkError'));
          if (api.currentVersion !== undefined) this.listing.reload();
        },
      });
  }
}
