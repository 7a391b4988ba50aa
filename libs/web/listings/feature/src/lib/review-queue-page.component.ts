import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { BulkResult, ListingDetail, ListingReviewDecision } from '@xkx/contracts';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { ListingsApiService } from '@xkx/web/listings/data-access';
import { ListingStatusComponent } from '@xkx/web/listings/ui';
import { ListingSegment } from '@xkx/web/listings/util';
import { BulkBarComponent, BulkFailure, toggledSelection } from '@xkx/web/ui';

const SEGMENTS: ListingSegment[] = ['results', 'needs'];

/** /manage/review: submitted and in-review listings, oldest first, results and needs in tabs. */
@Component({
  selector: 'xkx-review-queue-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTabsModule,
    TranslatePipe,
    ListingStatusComponent,
    BulkBarComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'review.queueTitle' | t }}</h1>
    <p class="lead">{{ 'review.queueLead' | t }}</p>
    <mat-tab-group
      [selectedIndex]="segments.indexOf(segment())"
      (selectedIndexChange)="segment.set(segments[$event])"
    >
      @for (s of segments; track s) {
        <mat-tab
          [label]="(s === 'results' ? 'nav.results' : 'nav.needs') | t"
          [attr.data-testid]="'tab-' + s"
        />
      }
    </mat-tab-group>
    @if (queue.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (queue.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    <xkx-bulk-bar
      [selected]="selection().size"
      [total]="items().length"
      [busy]="busy()"
      [summary]="summary()"
      [failures]="failures()"
      (toggleAll)="selectAll($event)"
    >
      <mat-form-field subscriptSizing="dynamic" class="note">
        <mat-label>{{ 'bulk.note' | t }}</mat-label>
        <input matInput data-testid="bulk-note" [ngModel]="note()" (ngModelChange)="note.set($event)" maxlength="2000" />
        @if (noteError()) {
          <mat-hint class="error" data-testid="bulk-note-error">{{ 'bulk.noteRequired' | t }}</mat-hint>
        }
      </mat-form-field>
      <button mat-flat-button type="button" data-testid="bulk-approve" [disabled]="!selection().size || busy()" (click)="apply('APPROVE')">
        <mat-icon>done_all</mat-icon> {{ 'bulk.approve' | t }}
      </button>
      <button mat-stroked-button type="button" data-testid="bulk-request-changes" [disabled]="!selection().size || busy()" (click)="apply('REQUEST_CHANGES')">
        {{ 'bulk.requestChanges' | t }}
      </button>
      <button mat-stroked-button type="button" class="danger" data-testid="bulk-reject" [disabled]="!selection().size || busy()" (click)="apply('REJECT')">
        {{ 'bulk.reject' | t }}
      </button>
    </xkx-bulk-bar>
    <ul class="queue" data-testid="review-queue">
      @for (l of items(); track l.id) {
        <li data-testid="review-item" [attr.data-code]="l.code">
          <mat-checkbox
            data-testid="review-select"
            [checked]="selection().has(l.id)"
            [disabled]="busy()"
            (change)="selection.set(toggled(selection(), l.id, $event.checked))"
            [aria-label]="'bulk.selectItem' | t: { title: l.title }"
          />
          <xkx-listing-status [status]="l.status" />
          <a [routerLink]="['/manage/review', segment(), l.id]" class="title" data-testid="review-open">{{
            l.title
          }}</a>
          <span class="muted">{{ l.organization?.nameZh ?? '' }}</span>
          <span class="muted when"
            >{{ l.management?.submittedAt | date: 'yyyy-MM-dd HH:mm' }} · {{ l.code }}</span
          >
        </li>
      } @empty {
        @if (!queue.isLoading()) {
          <li class="empty">{{ 'review.queueEmpty' | t }}</li>
        }
      }
    </ul>
  `,
  styles: `
    :host {
      display: block;
      max-width: 1100px;
      margin: 0 auto;
      padding: 24px 16px 48px;
    }
    h1 {
      margin: 0 0 4px;
      font: var(--mat-sys-headline-small);
    }
    .lead,
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .queue {
      list-style: none;
      margin: 16px 0 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    li {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
      padding: 12px 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .title {
      color: var(--mat-sys-primary);
      font-weight: 500;
      text-decoration: none;
    }
    .when {
      margin-left: auto;
      font: var(--mat-sys-body-small);
    }
    .empty {
      justify-content: center;
      color: var(--mat-sys-on-surface-variant);
    }
    xkx-bulk-bar {
      margin-top: 12px;
    }
    .note {
      min-width: min(320px, 100%);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .alert {
      margin: 16px 0;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ReviewQueuePageComponent {
  private readonly api = inject(ListingsApiService);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly segments = SEGMENTS;
  protected readonly segment = signal<ListingSegment>('results');
  protected readonly queue = this.api.reviewQueueResource(this.segment);
  protected readonly items = computed<ListingDetail[]>(() => (this.queue.hasValue() ? (this.queue.value() ?? []) : []));

  // Bulk work: the selected ids of this tab, one note for all of them, what the last run could not do.
  protected readonly selection = signal<ReadonlySet<string>>(new Set());
  protected readonly note = signal('');
  protected readonly noteError = signal(false);
  protected readonly busy = signal(false);
  protected readonly summary = signal<string | null>(null);
  protected readonly failures = signal<BulkFailure[]>([]);
  protected readonly toggled = toggledSelection;

  constructor() {
    // A new tab is a new list: nothing of the other one stays selected or reported.
    effect(() => {
      this.segment();
      this.selection.set(new Set());
      this.summary.set(null);
      this.failures.set([]);
    });
  }

  protected selectAll(on: boolean): void {
    this.selection.set(new Set(on ? this.items().map((l) => l.id) : []));
  }

  protected apply(decision: ListingReviewDecision): void {
    const note = this.note().trim();
    const needsNote = decision !== ListingReviewDecision.APPROVE;
    this.noteError.set(needsNote && note.length < 2);
    if (this.noteError()) return;
    const chosen = this.items().filter((l) => this.selection().has(l.id));
    if (chosen.length === 0) return;
    this.busy.set(true);
    this.summary.set(null);
    this.failures.set([]);
    this.api.bulkReview(this.segment(), decision, chosen.map((l) => ({ id: l.id, version: l.version })), note || undefined).subscribe({
      next: (result) => this.done(result, chosen),
      error: (error: unknown) => {
        this.busy.set(false);
        this.summary.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
      },
    });
  }

  private done(result: BulkResult, chosen: ListingDetail[]): void {
    const byId = new Map(chosen.map((l) => [l.id, l]));
    const failed = result.results.filter((r) => !r.ok);
    this.busy.set(false);
    // What failed stays selected, so it can be retried after a look; what was done leaves the queue.
    this.selection.set(new Set(failed.map((r) => r.id)));
    this.failures.set(failed.map((r) => ({ id: r.id, label: `${byId.get(r.id)?.code ?? ''} ${byId.get(r.id)?.title ?? ''}`.trim(), message: r.error?.message ?? '' })));
    const text = this.i18n.t('bulk.done', { ok: result.succeeded, failed: result.failed });
    this.summary.set(text);
    if (result.failed === 0) this.note.set('');
    this.snackBar.open(text, undefined, { duration: 4000 });
    this.queue.reload();
  }
}
