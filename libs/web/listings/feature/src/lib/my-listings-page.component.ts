import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { Duplicate, ErrorCode, LISTING_STATUS_LABELS, ListingStatus, Permission } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { ListingsApiService } from '@xkx/web/listings/data-access';
import { DuplicatesListComponent, MyListingListComponent, OwnerActionRequest } from '@xkx/web/listings/ui';
import { ListingSegment } from '@xkx/web/listings/util';

/** /workspace/listings: an owner's results and needs by status, with submit, renew and archive. */
@Component({
  selector: 'xkx-my-listings-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    LocalizedPipe,
    TranslatePipe,
    DuplicatesListComponent,
    MyListingListComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <h1>{{ 'mine.title' | t }}</h1>
      <div class="new">
        @if (writesResults()) {
          <a mat-flat-button routerLink="/workspace/results/new" data-testid="new-result"
            ><mat-icon>add</mat-icon> {{ 'mine.newResult' | t }}</a
          >
        }
        @if (writesNeeds()) {
          <a mat-flat-button routerLink="/workspace/needs/new" data-testid="new-need"
            ><mat-icon>add</mat-icon> {{ 'mine.newNeed' | t }}</a
          >
        }
      </div>
    </div>
    @if (pending()) {
      <p class="notice" role="status">{{ 'form.notVerified' | t }}</p>
    }
    @if (segments().length > 1) {
      <mat-tab-group
        [selectedIndex]="segments().indexOf(segment())"
        (selectedIndexChange)="choose(segments()[$event])"
      >
        @for (s of segments(); track s) {
          <mat-tab [label]="(s === 'results' ? 'nav.results' : 'nav.needs') | t" />
        }
      </mat-tab-group>
    }
    <mat-chip-listbox class="statuses" [attr.aria-label]="'user.status' | t" data-testid="status-chips">
      <mat-chip-option [selected]="status() === null" (click)="status.set(null)">{{
        'common.all' | t
      }}</mat-chip-option>
      @for (s of statuses; track s) {
        <mat-chip-option [selected]="status() === s" (click)="status.set(s)" [attr.data-status]="s">{{
          statusLabels[s] | localized
        }}</mat-chip-option>
      }
    </mat-chip-listbox>
    @if (outcome(); as o) {
      <section class="outcome" role="status" data-testid="action-outcome">
        <p>{{ o.message }}</p>
        @if (o.duplicates.length) {
          <p>
            <strong>{{ 'dup.foundForSubmitter' | t: { n: o.duplicates.length } }}</strong>
          </p>
          <xkx-duplicates-list [duplicates]="o.duplicates" />
        }
      </section>
    }
    @if (listings.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (listings.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    <xkx-my-listing-list
      [listings]="(listings.hasValue() ? listings.value() : undefined) ?? []"
      [segment]="segment()"
      [empty]="'common.noResults' | t"
      (act)="act($event)"
    />
  `,
  styles: `
    :host {
      display: block;
      max-width: 1100px;
      margin: 0 auto;
      padding: 24px 16px 48px;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .new {
      display: flex;
      gap: 8px;
    }
    .statuses {
      display: block;
      margin: 16px 0;
    }
    .notice,
    .outcome {
      margin: 16px 0;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .outcome p {
      margin: 0 0 8px;
    }
    .alert {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class MyListingsPageComponent {
  private readonly api = inject(ListingsApiService);
  private readonly session = inject(AuthSession);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly writesResults = computed(() => this.session.can(Permission.RESULT_WRITE));
  protected readonly writesNeeds = computed(() => this.session.can(Permission.NEED_WRITE));
  protected readonly pending = this.session.pending;
  protected readonly segments = computed<ListingSegment[]>(() => [
    ...(this.writesResults() ? (['results'] as const) : []),
    ...(this.writesNeeds() ? (['needs'] as const) : []),
  ]);
  private readonly chosen = signal<ListingSegment | null>(null);
  protected readonly segment = computed<ListingSegment>(
    () => this.chosen() ?? this.segments()[0] ?? 'results',
  );
  protected readonly statuses = Object.values(ListingStatus);
  protected readonly statusLabels = LISTING_STATUS_LABELS;
  protected readonly status = signal<ListingStatus | null>(null);
  protected readonly listings = this.api.mineResource(this.segment, this.status);
  protected readonly outcome = signal<{ message: string; duplicates: Duplicate[] } | null>(null);

  protected choose(segment: ListingSegment | undefined): void {
    if (segment) this.chosen.set(segment);
    this.outcome.set(null);
  }

  protected act({ listing, action }: OwnerActionRequest): void {
    this.outcome.set(null);
    this.api.act(this.segment(), listing.id, action, { version: listing.version }).subscribe({
      next: (result) => {
        const message = this.i18n.t(`mine.done.${action}`, {
          title: listing.title,
          status: this.i18n.pick(LISTING_STATUS_LABELS[result.status]),
        });
        this.outcome.set({ message, duplicates: result.duplicates ?? [] });
        this.listings.reload();
      },
      error: (error: unknown) => {
        const api = toApiError(error);
        const message =
          api.code === ErrorCode.ACCOUNT_NOT_VERIFIED
            ? this.i18n.t('form.notVerified')
            : (api.message ?? this.i18n.t('common.networkError'));
        this.snackBar.open(message, undefined, { duration: 6000 });
        if (api.code === ErrorCode.VERSION_CONFLICT) this.listings.reload();
      },
    });
  }
}
