import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  TemplateRef,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatBottomSheet, MatBottomSheetRef } from '@angular/material/bottom-sheet';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { LISTING_STATUS_LABELS, ListingStatus, NEED_TYPE_LABELS, NeedType, Permission, SearchFacets, SearchHit, SearchSuggestions, TRANSFER_MODE_LABELS, TransferMode } from '@xkx/contracts';
import { AuthSession, WebPath } from '@xkx/web/auth/data-access';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { FieldsApiService, ListingsApiService } from '@xkx/web/listings/data-access';
import { SearchHitCardComponent } from '@xkx/web/listings/ui';
import { EMPTY_QUERY, ListingSegment, queryFromParams, queryToApiParams, queryToParams, SEARCH_SORTS, SearchQuery, SearchSort, wanToFen } from '@xkx/web/listings/util';
import { map } from 'rxjs';

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * /results and /needs: search box, filters with facet counts, sort and "load more". The URL is the
 * state (`/results?q=电池&field=NE&trl=4-9&min=50`), so a search can be shared as a link.
 * Below 900 px the filters move into a bottom sheet behind a "筛选 (N)" button, so the results come first.
 */
@Component({
  selector: 'xkx-search-page',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    LocalizedPipe,
    TranslatePipe,
    RouterLink,
    SearchHitCardComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-page.component.html',
  styleUrl: './search-page.component.scss',
})
export class SearchPageComponent {
  private readonly api = inject(ListingsApiService);
  private readonly fieldsApi = inject(FieldsApiService);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly bottomSheet = inject(MatBottomSheet);
  private readonly filtersTemplate = viewChild.required<TemplateRef<unknown>>('filters');
  private filtersSheet: MatBottomSheetRef | null = null;

  /** A narrow screen: the filters are in a bottom sheet. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 899.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  readonly segment = input.required<ListingSegment>();
  protected readonly needs = computed(() => this.segment() === 'needs');
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map((p) => queryFromParams((n) => p.get(n)))), {
    initialValue: EMPTY_QUERY,
  });

  protected readonly fieldOptions = this.fieldsApi.options;
  protected readonly fieldIndex = this.fieldsApi.index;
  protected readonly trlLevels = TRL_LEVELS;
  protected readonly modes = Object.values(TransferMode);
  protected readonly modeLabels = TRANSFER_MODE_LABELS;
  protected readonly needTypes = Object.values(NeedType);
  protected readonly needTypeLabels = NEED_TYPE_LABELS;
  protected readonly statuses = Object.values(ListingStatus);
  protected readonly statusLabels = LISTING_STATUS_LABELS;
  protected readonly sorts = computed(() => SEARCH_SORTS.filter((s) => s !== 'deadline' || this.needs()));
  protected readonly broker = computed(() => this.session.can(Permission.LISTING_READ_ALL));
  protected readonly canExport = computed(() => this.session.can(Permission.LISTING_EXPORT));

  /** Typed but not yet applied: the query box and the money range. */
  protected readonly text = signal('');
  protected readonly minWan = signal('');
  protected readonly maxWan = signal('');
  protected readonly moneyInvalid = computed(
    () => (this.minWan().trim() !== '' && wanToFen(this.minWan()) === null) || (this.maxWan().trim() !== '' && wanToFen(this.maxWan()) === null),
  );

  protected readonly items = signal<SearchHit[]>([]);
  protected readonly total = signal(0);
  protected readonly facets = signal<SearchFacets | null>(null);
  /** A text search without a hit: what it may have meant and the fields it names. */
  protected readonly suggestions = signal<SearchSuggestions | null>(null);
  /**
   * The empty state's way forward, the query carried over as the new listing's title: on /results nothing
   * was found to buy, so post the need; on /needs nobody asked yet, so list the result.
   */
  protected readonly postInstead = computed(() => {
    const title = this.query().q.trim();
    return this.needs()
      ? { link: `/${WebPath.newResult}`, label: 'search.listAsResult' as const, queryParams: title ? { title } : {} }
      : { link: `/${WebPath.newNeed}`, label: 'search.postAsNeed' as const, queryParams: title ? { title } : {} };
  });
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly exporting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly facetCount = computed(() => {
    const f = this.facets();
    const counts = (list: { value: string; count: number }[] | undefined): Map<string, number> => new Map((list ?? []).map((x) => [x.value, x.count]));
    return { fields: counts(f?.fields), trl: counts(f?.trl), modes: counts(f?.modes) };
  });
  private generation = 0;

  constructor() {
    // Every change of the URL (or of the kind) starts a fresh first page.
    effect(() => {
      const query = this.query();
      const segment = this.segment();
      untracked(() => {
        this.text.set(query.q);
        this.minWan.set(query.minWan);
        this.maxWan.set(query.maxWan);
        this.fetchFirst(segment, query);
      });
    });
    effect(() => {
      if (!this.compact()) this.closeFilters();
    });
  }

  protected openFilters(): void {
    this.filtersSheet = this.bottomSheet.open(this.filtersTemplate(), {
      ariaLabel: this.i18n.t('search.filters'),
    });
    this.filtersSheet.afterDismissed().subscribe(() => (this.filtersSheet = null));
  }

  protected closeFilters(): void {
    this.filtersSheet?.dismiss();
  }

  protected search(): void {
    this.apply({ q: this.text() });
  }

  protected applyMoney(): void {
    if (this.moneyInvalid()) return;
    this.apply({ minWan: this.minWan(), maxWan: this.maxWan() });
  }

  protected setField(field: string | null): void {
    this.apply({ field });
  }

  /** A suggested correction replaces the words, keeping the filters. */
  protected useCorrection(q: string): void {
    this.apply({ q });
  }

  /** A related field replaces the words: everything filed under it. */
  protected useField(field: string): void {
    this.apply({ q: '', field });
  }

  protected setTrl(which: 'trlMin' | 'trlMax', value: number | null): void {
    this.apply(which === 'trlMin' ? { trlMin: value } : { trlMax: value });
  }

  protected toggleMode(mode: TransferMode, checked: boolean): void {
    const modes = this.query().modes.filter((m) => m !== mode);
    this.apply({ modes: checked ? [...modes, mode] : modes });
  }

  protected setOrganization(org: string | null): void {
    this.apply({ org });
  }

  protected setNeedType(needType: NeedType | null): void {
    this.apply({ needType });
  }

  protected setSort(sort: SearchSort): void {
    this.apply({ sort });
  }

  protected setStatus(status: ListingStatus | null): void {
    this.apply({ status });
  }

  protected setNegotiable(includeNegotiable: boolean): void {
    this.apply({ includeNegotiable });
  }

  protected clear(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected hasFilters(): boolean {
    const params = queryToParams(this.query());
    return Object.entries(params).some(([key, value]) => key !== 'sort' && value !== null);
  }

  protected organizationLabel(value: string): string {
    return this.facets()?.organizations.find((o) => o.value === value)?.label ?? value;
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    const generation = this.generation;
    this.loadingMore.set(true);
    this.api.search(this.segment(), queryToApiParams(this.query(), this.needs()), cursor).subscribe({
      next: (page) => {
        if (generation !== this.generation) return;
        this.items.update((items) => [...items, ...page.items]);
        this.nextCursor.set(page.nextCursor);
        this.loadingMore.set(false);
      },
      error: (error: unknown) => {
        this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
        this.loadingMore.set(false);
      },
    });
  }

  protected exportXlsx(): void {
    this.exporting.set(true);
    this.api.export(this.segment(), queryToApiParams(this.query(), this.needs())).subscribe({
      next: () => this.exporting.set(false),
      error: () => {
        this.snackBar.open(this.i18n.t('search.exportFailed'), undefined, { duration: 4000 });
        this.exporting.set(false);
      },
    });
  }

  protected i18nName(option: { nameZh: string; nameEn: string }): string {
    return this.i18n.locale() === 'en' ? option.nameEn : option.nameZh;
  }

  protected fieldLabel(code: string | null): string {
    const option = code ? this.fieldIndex().get(code) : undefined;
    return option ? this.i18nName(option) : (code ?? '');
  }

  protected sortKey(sort: SearchSort): MessageKey {
    return `search.sort.${sort}`;
  }

  private apply(change: Partial<SearchQuery>): void {
    const next = { ...this.query(), ...change };
    void this.router.navigate([], { relativeTo: this.route, queryParams: queryToParams(next) });
  }

  private fetchFirst(segment: ListingSegment, query: SearchQuery): void {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set(null);
    this.api.search(segment, queryToApiParams(query, segment === 'needs')).subscribe({
      next: (page) => {
        if (generation !== this.generation) return;
        this.items.set(page.items);
        this.total.set(page.total);
        this.facets.set(page.facets);
        this.suggestions.set(page.suggestions ?? null);
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        if (generation !== this.generation) return;
        this.items.set([]);
        this.total.set(0);
        this.suggestions.set(null);
        this.nextCursor.set(null);
        this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
        this.loading.set(false);
      },
    });
  }
}
