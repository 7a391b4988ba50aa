import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@xkx/web/i18n';
import { ListingsApiService } from '@xkx/web/listings/data-access';
import { ListingStatusComponent } from '@xkx/web/listings/ui';
import { ListingSegment } from '@xkx/web/listings/util';

const SEGMENTS: ListingSegment[] = ['results', 'needs'];

/** /manage/review: submitted and in-review listings, oldest first, results and needs in tabs. */
@Component({
  selector: 'xkx-review-queue-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    TranslatePipe,
    ListingStatusComponent,
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
    <ul class="queue" data-testid="review-queue">
      @for (l of (queue.hasValue() ? queue.value() : undefined) ?? []; track l.id) {
        <li data-testid="review-item" [attr.data-code]="l.code">
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
  protected readonly segments = SEGMENTS;
  protected readonly segment = signal<ListingSegment>('results');
  protected readonly queue = this.api.reviewQueueResource(this.segment);
}
