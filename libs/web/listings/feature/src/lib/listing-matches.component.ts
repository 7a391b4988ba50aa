import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Match, MatchVerdict } from '@xkx/contracts';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { FieldsApiService } from '@xkx/web/listings/data-access';
import { ListingSegment } from '@xkx/web/listings/util';
import { MatchingApiService } from '@xkx/web/matching/data-access';
import { MatchCardComponent } from '@xkx/web/matching/ui';
import { DeclineChoice, pairIds } from '@xkx/web/matching/util';
import { PeopleMatchesComponent } from './people-matches.component';

/** 推荐对接 on a listing's page, for its owner and for brokers: the engine's best counterparts, judged in place. */
@Component({
  selector: 'xkx-listing-matches',
  imports: [NgTemplateOutlet, MatButtonModule, MatIconModule, MatProgressBarModule, MatTabsModule, TranslatePipe, MatchCardComponent, PeopleMatchesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="matches" data-testid="recommended-matches" aria-labelledby="matches-title">
      <h2 id="matches-title">
        <mat-icon inline aria-hidden="true">handshake</mat-icon> {{ 'match.recommended' | t }}
      </h2>
      <p class="lead">
        {{ (segment() === 'needs' ? 'match.recommendedLeadNeed' : 'match.recommendedLeadResult') | t }}
      </p>
      @if (segment() === 'needs') {
        <!-- A need's three tabs (issue 16): results, experts, laboratories; the latter two load when opened. -->
        <mat-tab-group mat-stretch-tabs="false" data-testid="match-tabs">
          <mat-tab [label]="'people.tabResults' | t">
            <ng-container *ngTemplateOutlet="results" />
          </mat-tab>
          <mat-tab [label]="'people.tabExperts' | t">
            <ng-template matTabContent><xkx-people-matches [needId]="listingId()" kind="expert" /></ng-template>
          </mat-tab>
          <mat-tab [label]="'people.tabLaboratories' | t">
            <ng-template matTabContent><xkx-people-matches [needId]="listingId()" kind="laboratory" /></ng-template>
          </mat-tab>
        </mat-tab-group>
      } @else {
        <ng-container *ngTemplateOutlet="results" />
      }
      <ng-template #results>
        @if (matches.isLoading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
        }
        @if (matches.error()) {
          <p class="alert" role="alert">
            {{ 'common.loadError' | t }}
            <button mat-button type="button" (click)="matches.reload()">{{ 'home.retry' | t }}</button>
          </p>
        }
        @if (matches.hasValue()) {
          <div class="list">
            @for (m of matches.value(); track m.counterpart.id) {
              <xkx-match-card
                [match]="m"
                [fields]="fieldIndex()"
                [canJudge]="true"
                [busy]="busy() === m.counterpart.id"
                (good)="judge(m, null)"
                (declined)="judge(m, $event)"
              />
            } @empty {
              <p class="empty" data-testid="matches-empty">{{ 'match.none' | t }}</p>
            }
          </div>
        }
      </ng-template>
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 24px;
    }
    h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-large);
    }
    .lead,
    .empty {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 12px;
    }
    .list {
      display: grid;
      gap: 12px;
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
export class ListingMatchesComponent {
  private readonly api = inject(MatchingApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly segment = input.required<ListingSegment>();
  readonly listingId = input.required<string>();

  protected readonly fieldIndex = inject(FieldsApiService).index;
  protected readonly busy = signal<string | null>(null);
  protected readonly matches = rxResource({
    params: () => ({ segment: this.segment(), id: this.listingId() }),
    stream: ({ params }) => this.api.matches(params.segment, params.id, 8),
  });

  /** `decline` null marks the pair good; a declined pair leaves the list, as it leaves the rankings. */
  protected judge(match: Match, decline: DeclineChoice | null): void {
    const id = match.counterpart.id;
    this.busy.set(id);
    const pair = pairIds(this.segment(), this.listingId(), id);
    this.api.judge(pair, decline).subscribe({
      next: () => {
        this.busy.set(null);
        this.matches.update((items) =>
          decline
            ? items?.filter((m) => m.counterpart.id !== id)
            : items?.map((m) => (m.counterpart.id === id ? { ...m, verdict: MatchVerdict.GOOD } : m)),
        );
        this.snackBar.open(this.i18n.t(decline ? 'match.declined' : 'match.markedGood'), undefined, {
          duration: 3000,
        });
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.snackBar.open(toApiError(error).message ?? this.i18n.t('common.loadError'), undefined, {
          duration: 5000,
        });
      },
    });
  }
}
