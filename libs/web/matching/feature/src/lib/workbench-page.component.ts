import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Router } from '@angular/router';
import { Match, MatchVerdict, SearchHit } from '@xkx/contracts';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { FieldsApiService, ListingsApiService } from '@xkx/web/listings/data-access';
import { ListingSegment } from '@xkx/web/listings/util';
import { MatchingApiService } from '@xkx/web/matching/data-access';
import { MatchCardComponent, PairListingComponent } from '@xkx/web/matching/ui';
import { DeclineChoice, pairIds, reasonTerms } from '@xkx/web/matching/util';
import { of } from 'rxjs';
import { OpenIntroductionComponent } from './open-introduction.component';
import { OpportunitiesComponent } from './opportunities.component';

const SEGMENTS: readonly ListingSegment[] = ['needs', 'results'];
const TABS = ['candidates', 'opportunities'] as const;
type Tab = (typeof TABS)[number];

/**
 * /manage/matching (brokers): pick a need or a result, read the engine's candidates beside it with the
 * shared terms highlighted in both texts, judge them, and open an introduction on a good one.
 * The choice lives in the URL (`?kind=needs&id=…`), so a pair can be shared with a colleague.
 */
@Component({
  selector: 'xkx-workbench-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTabsModule,
    TranslatePipe,
    MatchCardComponent,
    PairListingComponent,
    OpenIntroductionComponent,
    OpportunitiesComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './workbench-page.component.html',
  styleUrl: './workbench-page.component.scss',
})
export class WorkbenchPageComponent {
  private readonly router = inject(Router);
  private readonly listingsApi = inject(ListingsApiService);
  private readonly matchingApi = inject(MatchingApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  /** Query parameters. */
  readonly kind = input<string>();
  readonly id = input<string>();
  readonly tab = input<string>();

  protected readonly segments = SEGMENTS;
  protected readonly tabs = TABS;
  protected readonly fieldIndex = inject(FieldsApiService).index;
  protected readonly tabIndex = computed(() => Math.max(0, TABS.indexOf(this.tab() as Tab)));

  // The picker.
  protected readonly pickSegment = signal<ListingSegment>('needs');
  protected readonly q = signal('');
  private readonly searchRequest = signal<{ segment: ListingSegment; q: string; n: number } | null>({
    segment: 'needs',
    q: '',
    n: 0,
  });
  protected readonly hits = rxResource({
    params: () => this.searchRequest() ?? undefined,
    stream: ({ params }) =>
      params
        ? this.listingsApi.search(params.segment, { q: params.q, limit: '8', facets: 'false' })
        : of(null),
  });

  // The selection, from the URL.
  protected readonly segment = computed<ListingSegment | undefined>(() =>
    SEGMENTS.includes(this.kind() as ListingSegment) ? (this.kind() as ListingSegment) : undefined,
  );
  protected readonly selected = this.listingsApi.detailResource(this.segment, () =>
    this.segment() ? this.id() : undefined,
  );
  protected readonly matches = rxResource({
    params: () => {
      const segment = this.segment();
      const id = this.id();
      return segment && id ? { segment, id } : undefined;
    },
    stream: ({ params }) => this.matchingApi.matches(params.segment, params.id, 10),
  });

  /** The candidate whose terms are highlighted in the selected listing; the best one until the broker picks another. */
  private readonly focusId = signal<string | null>(null);
  protected readonly focused = computed<Match | null>(() => {
    const items = this.matches.hasValue() ? this.matches.value() : [];
    return items.find((m) => m.counterpart.id === this.focusId()) ?? items[0] ?? null;
  });
  protected readonly focusTerms = computed(() => reasonTerms(this.focused()?.reasons ?? []));
  protected readonly busy = signal<string | null>(null);

  protected search(): void {
    this.searchRequest.update((r) => ({
      segment: this.pickSegment(),
      q: this.q().trim(),
      n: (r?.n ?? 0) + 1,
    }));
  }

  protected switchSegment(segment: ListingSegment): void {
    this.pickSegment.set(segment);
    this.search();
  }

  protected pick(hit: SearchHit): void {
    this.focusId.set(null);
    void this.router.navigate([], {
      queryParams: { kind: this.pickSegment(), id: hit.id, tab: null },
      queryParamsHandling: 'merge',
    });
  }

  protected pickPair(needId: string): void {
    this.focusId.set(null);
    void this.router.navigate([], { queryParams: { kind: 'needs', id: needId, tab: null } });
  }

  protected selectTab(index: number): void {
    void this.router.navigate([], {
      queryParams: { tab: TABS[index] === 'candidates' ? null : TABS[index] },
      queryParamsHandling: 'merge',
    });
  }

  protected focus(match: Match): void {
    this.focusId.set(match.counterpart.id);
  }

  protected pair(match: Match): { needId: string; resultId: string } {
    return pairIds(this.segment() ?? 'needs', this.id() ?? '', match.counterpart.id);
  }

  protected draft(match: Match): string {
    const selected = this.selected.hasValue() ? this.selected.value() : undefined;
    const [need, result] =
      this.segment() === 'needs'
        ? [selected?.title ?? '', match.counterpart.title]
        : [match.counterpart.title, selected?.title ?? ''];
    return this.i18n.t('deal.introDraft', { need, result });
  }

  protected judge(match: Match, decline: DeclineChoice | null): void {
    const id = match.counterpart.id;
    this.busy.set(id);
    this.matchingApi.judge(this.pair(match), decline).subscribe({
      next: () => {
        this.busy.set(null);
        this.matches.update((items) =>
          decline
            ? items?.filter((m) => m.counterpart.id !== id)
            : items?.map((m) => (m.counterpart.id === id ? { ...m, verdict: MatchVerdict.GOOD } : m)),
        );
        if (decline && this.focusId() === id) this.focusId.set(null);
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
