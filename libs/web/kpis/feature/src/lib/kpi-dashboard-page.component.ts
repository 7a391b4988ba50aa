import { HttpResourceRef } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  Signal,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import {
  KPI_DIMENSION_LABELS,
  KPI_VIEW_LABELS,
  KpiBasis,
  KpiBreakdown,
  KpiDimension,
  KpiHeadlineFigures,
  KpiView,
  PRIORITY_CHAINS,
} from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { AuthSession, WebPath } from '@xkx/web/auth/data-access';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { KpisApiService } from '@xkx/web/kpis/data-access';
import {
  KpiBarChartComponent,
  KpiFigureComponent,
  KpiFunnelComponent,
  KpiProgressComponent,
  KpiRecordsComponent,
  KpiYearSelectComponent,
} from '@xkx/web/kpis/ui';
import {
  compactYuan,
  growthBp,
  institutionIdOf,
  institutionKey,
  KpiBar,
  KpiBarHit,
  KpiFilter,
  KpiMeasure,
  KpiRecordsQuery,
  KpiScope,
  measureText,
  shanghaiYear,
  toBars,
  yearChoices,
  yuan,
} from '@xkx/web/kpis/util';
import { KpiLandingsPanelComponent } from './kpi-landings-panel.component';
import { KpiTabsComponent } from './kpi-tabs.component';

type FigureKey = keyof KpiHeadlineFigures;
const FIGURE_KEYS: readonly FigureKey[] = [
  'projects',
  'contractAmountFen',
  'technicalAmountFen',
  'receivedFen',
  'receivedInYearFen',
];
/** Bars of a breakdown besides month, field and institution, chosen in the fourth chart. */
const OTHER_DIMENSIONS: readonly KpiDimension[] = ['AGENCY', 'TYPE', 'BROKER', 'ENTERPRISE', 'INSTITUTION'];

interface Selection {
  query: KpiRecordsQuery;
  title: string;
  figure: number;
  figureText: string;
}

/**
 * /manage/kpis (the district), /manage/kpis/institution/:code (one university or institute, by its credit code) and
 * /manage/kpis/me (the caller's own deals): targets, headline figures with their definitions, bars and
 * the funnel. Every figure and every bar opens the contracts behind it.
 */
@Component({
  selector: 'xkx-kpi-dashboard-page',
  imports: [
    KpiYearSelectComponent,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    LocalizedPipe,
    TranslatePipe,
    KpiBarChartComponent,
    KpiFigureComponent,
    KpiFunnelComponent,
    KpiLandingsPanelComponent,
    KpiProgressComponent,
    KpiRecordsComponent,
    KpiTabsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './kpi-dashboard-page.component.html',
  styleUrl: './kpi-dashboard-page.component.scss',
})
export class KpiDashboardPageComponent {
  private readonly api = inject(KpisApiService);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Route data: which dashboard. */
  readonly scope = input<KpiScope>('district');
  /** Route parameter of /institution/:id: the credit code (an old address: the uuid, swapped for the code). */
  readonly id = input<string>();

  protected readonly years = yearChoices(shanghaiYear());
  protected readonly views = Object.values(KpiView);
  protected readonly viewLabels = KPI_VIEW_LABELS;
  protected readonly dimensionLabels = KPI_DIMENSION_LABELS;
  protected readonly fields = PRIORITY_CHAINS;
  protected readonly measures = KpiMeasure;
  protected readonly otherDimensions = computed(() =>
    OTHER_DIMENSIONS.filter((d) => !(d === 'INSTITUTION' && this.scope() === 'institution')),
  );

  // The filters live in the URL (?year=&view=&institution=&field=&measure=&dimension=), so a view of the
  // ledger can be bookmarked and sent; a value the page does not offer falls back to the default. The
  // institution is named by its credit code (issue 17: no uuids people see); the API still takes its id.
  private readonly query = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });
  private readonly param = (name: string): string | undefined => this.query().get(name) ?? undefined;

  protected readonly year = linkedSignal(() => {
    const y = Number(this.param('year'));
    return this.years.includes(y) ? y : shanghaiYear();
  });
  protected readonly view = linkedSignal<KpiView>(
    () => oneOf(this.param('view'), this.views) ?? KpiView.REGISTERED,
  );
  protected readonly institutions = this.api.institutionsResource();
  /** The institutions to read codes with; null while they load (a failed list reads ids only). */
  private readonly institutionItems = computed(() =>
    this.institutions.hasValue() ? (this.institutions.value()?.items ?? []) : this.institutions.error() ? [] : null,
  );
  /** The institution the address names (path or ?institution=); undefined until its code can be read. */
  private readonly addressed = computed(() =>
    institutionIdOf(this.scope() === 'institution' ? this.id() : this.param('institution'), this.institutionItems()),
  );
  /** The figures wait for the institution's code to be read, not to show the district's in between. */
  private readonly pending = computed(() => this.addressed() === undefined);
  protected readonly institutionChoice = linkedSignal<string | null>(() =>
    this.scope() === 'institution' ? null : (this.addressed() ?? null),
  );
  protected readonly fieldCode = linkedSignal<string | null>(
    () =>
      oneOf(
        this.param('field'),
        this.fields.map((f) => f.code),
      ) ?? null,
  );
  protected readonly measure = linkedSignal<KpiMeasure>(
    () => oneOf(this.param('measure'), Object.values(KpiMeasure)) ?? KpiMeasure.AMOUNT,
  );
  protected readonly otherDimension = linkedSignal<KpiDimension>(
    () =>
      oneOf(this.param('dimension'), this.otherDimensions()) ??
      (this.scope() === 'institution' ? 'AGENCY' : 'TYPE'),
  );
  protected readonly downloadFailed = signal(false);

  protected readonly filter = computed<KpiFilter>(
    () => ({
      year: this.year(),
      view: this.view(),
      institutionId: this.scope() === 'institution' ? (this.addressed() ?? null) : this.institutionChoice(),
      fieldCode: this.fieldCode(),
      brokerId: this.scope() === 'broker' ? (this.session.user()?.id ?? null) : null,
    }),
    // The swap of an old uuid address for the code gives the same filter: not a second round of requests.
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  private readonly ready = computed(() => (this.pending() ? undefined : this.filter()));
  protected readonly institutionName = computed(() => {
    const id = this.filter().institutionId;
    return id
      ? ((this.institutions.hasValue() ? this.institutions.value() : undefined)?.items.find(
          (i) => i.id === id,
        )?.nameZh ?? '')
      : '';
  });

  protected readonly headline = this.api.headlineResource(this.ready);
  protected readonly months = this.api.breakdownResource(this.ready, () => 'MONTH');
  protected readonly byField = this.api.breakdownResource(this.ready, () => 'FIELD');
  protected readonly byInstitution = this.api.breakdownResource(
    () => (this.scope() === 'institution' ? undefined : this.ready()),
    () => 'INSTITUTION',
  );
  protected readonly byOther = this.api.breakdownResource(this.ready, this.otherDimension);
  /** The funnel counts deals, not contracts: it follows the year and the broker, not institution or field. */
  protected readonly funnel = this.api.funnelResource(() =>
    this.scope() === 'institution' || this.pending() ? undefined : { year: this.year(), brokerId: this.filter().brokerId },
  );

  protected readonly monthBars = this.barsOf(this.months);
  protected readonly fieldBars = this.barsOf(this.byField);
  protected readonly institutionBars = this.barsOf(this.byInstitution);
  protected readonly otherBars = this.barsOf(this.byOther);

  protected readonly cards = computed(() => {
    const h = this.headline.hasValue() ? this.headline.value() : undefined;
    if (!h) return [];
    const locale = this.i18n.locale();
    return FIGURE_KEYS.map((key) => {
      const definition = h.definitions.find((d) => d.key === key);
      return {
        key,
        label: definition?.label[locale] ?? key,
        definition: definition?.text[locale] ?? '',
        raw: h.figures[key],
        value: this.figureText(key, h.figures[key]),
        previous: this.figureText(key, h.previousYear[key]),
        growthBp: growthBp(h.figures[key], h.previousYear[key]),
      };
    });
  });
  protected readonly viewDefinition = computed(
    () =>
      (this.headline.hasValue() ? this.headline.value() : undefined)?.definitions.find(
        (d) => d.key === 'view',
      )?.text[this.i18n.locale()] ?? '',
  );
  protected readonly progress = computed(() => {
    const h = this.headline.hasValue() ? this.headline.value() : undefined;
    if (!h?.target) return null;
    return {
      projects: {
        actual: this.i18n.t('kpi.count', { count: h.figures.projects }),
        target: this.i18n.t('kpi.count', { count: h.target.projects }),
        bp: h.progress.projectsBp,
      },
      amount: {
        actual: yuan(h.figures.contractAmountFen),
        target: compactYuan(h.target.contractAmountFen, this.i18n.locale()),
        bp: h.progress.contractAmountBp,
      },
      scope: h.target.scope,
      isDefault: h.target.isDefault,
      expectedBp: h.pace.yearElapsedBp,
    };
  });

  /** Contracts the figures leave out (incomplete chain), in words: how many, how much, and why. */
  protected readonly excluded = computed(() => {
    const h = this.headline.hasValue() ? this.headline.value() : undefined;
    if (!h) return null;
    const locale = this.i18n.locale();
    return {
      projects: h.excluded.projects,
      summary: this.i18n.t('ledger.excludedSome', { count: h.excluded.projects, amount: yuan(h.excluded.contractAmountFen) }),
      reasons: h.excluded.reasons.map((r) => ({ issue: r.issue, count: r.projects, text: this.i18n.t('ledger.excludedReason', { label: r.label[locale], count: r.projects }) })),
    };
  });

  protected readonly selection = signal<Selection | null>(null);
  protected readonly records = this.api.recordsResource(() => this.selection()?.query ?? null);

  constructor() {
    effect(() => {
      // Until a code in the address is read, writing the address would drop it.
      if (this.pending()) return;
      const items = this.institutionItems() ?? [];
      const queryParams = {
        year: this.year() === shanghaiYear() ? null : this.year(),
        view: this.view() === KpiView.REGISTERED ? null : this.view(),
        institution: this.scope() === 'institution' ? null : institutionKey(this.institutionChoice(), items),
        field: this.fieldCode(),
        measure: this.measure() === KpiMeasure.AMOUNT ? null : this.measure(),
        dimension:
          this.otherDimension() === (this.scope() === 'institution' ? 'AGENCY' : 'TYPE')
            ? null
            : this.otherDimension(),
      };
      // An old address (/institution/<uuid>) shows the institution's credit code once the list is read.
      const path = this.scope() === 'institution' ? institutionKey(this.addressed() ?? null, items) : null;
      untracked(() => {
        const target =
          path && path !== this.id()
            ? this.router.createUrlTree([`/${WebPath.kpis}`, 'institution', path], { queryParams })
            : this.router.createUrlTree([], { relativeTo: this.route, queryParams });
        // Only a real change is written. The institution list can arrive after the person clicked another
        // tab: rewriting the same address then would cancel the navigation under way (kpi-admin spec).
        if (this.router.serializeUrl(target) === this.router.url) return;
        void this.router.navigateByUrl(target, { replaceUrl: true });
      });
    });
    // The list belongs to the figures it was opened from: a change of filters closes it.
    effect(() => {
      this.filter();
      untracked(() => this.selection.set(null));
    });
  }

  /** A breakdown's bars in the chosen measure and language (none while it loads or failed). */
  private barsOf(breakdown: HttpResourceRef<KpiBreakdown | undefined>): Signal<KpiBar[]> {
    return computed(() =>
      toBars(breakdown.hasValue() ? (breakdown.value()?.items ?? []) : [], this.measure(), this.i18n.locale()),
    );
  }

  protected figureText(key: FigureKey, value: number): string {
    return key === 'projects' ? this.i18n.t('kpi.count', { count: value }) : yuan(value);
  }

  protected openBar(dimension: KpiDimension, hit: KpiBarHit): void {
    const dimensionLabel = this.i18n.pick(KPI_DIMENSION_LABELS[dimension]);
    this.selection.set({
      query: { ...this.filter(), year: hit.year, dimension, key: hit.key, basis: KpiBasis.SIGNED },
      title: `${this.i18n.t('kpi.yearSeries', { year: hit.year })} · ${dimensionLabel} · ${hit.label}`,
      figure: hit.value,
      figureText: measureText(hit.value, this.measure(), this.i18n.locale()),
    });
  }

  protected openFigure(card: { key: FigureKey; label: string; raw: number; value: string }): void {
    // Money received in the year is the cash view: the contracts with payments dated in the year.
    const basis = card.key === 'receivedInYearFen' ? KpiBasis.PAID : KpiBasis.SIGNED;
    this.selection.set({
      query: { ...this.filter(), dimension: null, key: null, basis },
      title: `${this.i18n.t('kpi.yearSeries', { year: this.year() })} · ${card.label}`,
      figure: card.raw,
      figureText: card.value,
    });
  }

  protected exportXlsx(): void {
    this.download(this.api.exportXlsx(this.filter()));
  }

  /** The month before today (Asia/Shanghai): the report the district files next. */
  protected readonly lastMonth = previousMonthOf(shanghaiDate());

  /** 月报: one workbook per month, as the 科技局 files it. */
  protected monthlyReport(month: string): void {
    if (/^\d{4}-\d{2}$/.test(month)) this.download(this.api.monthlyReport(month));
  }

  protected exportCsv(): void {
    this.download(this.api.exportCsv(this.filter()));
  }

  protected exportSelection(): void {
    const s = this.selection();
    if (s) this.download(this.api.exportCsv(s.query));
  }

  private download(call: ReturnType<KpisApiService['exportCsv']>): void {
    this.downloadFailed.set(false);
    call.subscribe({ error: () => this.downloadFailed.set(true) });
  }
}

function previousMonthOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The value if the page offers it (a query parameter is only a hint). */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
