import { ChangeDetectionStrategy, Component, inject, linkedSignal, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { FieldError, MyRndSpending } from '@xkx/contracts';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { KpisApiService, rndSaveProblem } from '@xkx/web/kpis/data-access';
import { KpiRndEntryComponent, KpiYearSelectComponent } from '@xkx/web/kpis/ui';
import { percentText, RndPut, shanghaiYear, yearChoices, yuan } from '@xkx/web/kpis/util';

/**
 * A key monitored enterprise's own R&D spending (研发投入): what it entered for a year and the year before,
 * the growth against the target, and the form to enter or correct both. Shows nothing for an enterprise
 * that is not key monitored (the API says which, `keyMonitored`). The page asks only for enterprises.
 */
@Component({
  selector: 'xkx-workspace-rnd-card',
  imports: [KpiYearSelectComponent, MatFormFieldModule, MatProgressBarModule, MatSelectModule, TranslatePipe, KpiRndEntryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shown(); as m) {
      <section
        class="card"
        data-testid="rnd-card"
        [attr.aria-label]="'kpi.rndCardTitle' | t"
        [attr.data-year]="m.year"
        [attr.data-amount-fen]="m.amountFen"
        [attr.data-previous-fen]="m.previousAmountFen"
        [attr.data-growth-bp]="m.growthBp"
        [attr.data-meets]="m.meetsTarget"
      >
        <div class="head">
          <h2>{{ 'kpi.rndCardTitle' | t }}</h2>
          <xkx-kpi-year-select testId="rnd-card-year" label="kpi.rndCardYear" [years]="years" [year]="year()" (yearChange)="changeYear($event)" />
        </div>
        <p class="lead">{{ 'kpi.rndCardLead' | t: { name: m.name ?? '', target: m.targetGrowthPercent } }}</p>
        <dl class="facts">
          <div>
            <dt>{{ 'kpi.yearSeries' | t: { year: m.year - 1 } }}</dt>
            <dd data-testid="rnd-card-previous">{{ money(m.previousAmountFen) }}</dd>
          </div>
          <div>
            <dt>{{ 'kpi.yearSeries' | t: { year: m.year } }}</dt>
            <dd data-testid="rnd-card-amount">{{ money(m.amountFen) }}</dd>
          </div>
          <div>
            <dt>{{ 'kpi.rndCardGrowth' | t }}</dt>
            <dd data-testid="rnd-card-growth">
              {{ percent(m.growthBp) }}
              <span class="verdict" [class.met]="m.meetsTarget === true" [class.missed]="m.meetsTarget === false">{{ verdict(m) | t }}</span>
            </dd>
          </div>
        </dl>
        @if (mine.isLoading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
        }
        <xkx-kpi-rnd-entry
          [year]="m.year"
          [amountFen]="m.amountFen"
          [previousAmountFen]="m.previousAmountFen"
          [note]="m.note"
          [busy]="busy()"
          [serverErrors]="fieldErrors()"
          (save)="save(m, $event)"
        />
        @if (message(); as text) {
          <p class="alert" role="alert" data-testid="rnd-card-error">{{ text }}</p>
        }
        @if (saved()) {
          <p class="ok" role="status" data-testid="rnd-card-saved">{{ 'kpi.rndSaved' | t }}</p>
        }
      </section>
    }
  `,
  styles: `
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px; margin: 16px 0; }
    .head { display: flex; justify-content: space-between; align-items: center; gap: 16px; flex-wrap: wrap; }
    h2 { margin: 0; font: var(--mat-sys-title-medium); }
    .lead { color: var(--mat-sys-on-surface-variant); line-height: 1.6; }
    .facts { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 0 0 12px; }
    dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; font-variant-numeric: tabular-nums; }
    .verdict { margin-left: 6px; padding: 0 8px; border-radius: 8px; font: var(--mat-sys-label-medium); background: var(--mat-sys-surface-container-high); }
    .verdict.met { background: var(--mat-sys-primary-container); color: var(--mat-sys-on-primary-container); }
    .verdict.missed { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .alert { color: var(--mat-sys-error); }
    .ok { color: var(--mat-sys-primary); }
  `,
})
export class WorkspaceRndCardComponent {
  private readonly api = inject(KpisApiService);
  private readonly i18n = inject(I18nService);
  protected readonly years = yearChoices(shanghaiYear(), 3);
  protected readonly year = signal(shanghaiYear());
  protected readonly mine = this.api.myRndSpendingResource(this.year);
  /** The last answer stays on screen while another year loads (no flicker of the whole card). */
  protected readonly shown = linkedSignal<MyRndSpending | undefined, MyRndSpending | undefined>({
    source: () => (this.mine.hasValue() ? this.mine.value() : undefined),
    computation: (value, previous) => (value ? (value.keyMonitored ? value : undefined) : previous?.value),
  });
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly fieldErrors = signal<readonly FieldError[]>([]);
  protected readonly message = signal<string | null>(null);

  protected money(fen: number | null): string {
    return fen === null ? '—' : yuan(fen);
  }

  protected percent(bp: number | null): string {
    return percentText(bp);
  }

  protected verdict(m: MyRndSpending): 'kpi.rndMet' | 'kpi.rndNotMet' | 'kpi.rndPending' {
    return m.meetsTarget === null ? 'kpi.rndPending' : m.meetsTarget ? 'kpi.rndMet' : 'kpi.rndNotMet';
  }

  protected changeYear(year: number): void {
    this.saved.set(false);
    this.message.set(null);
    this.fieldErrors.set([]);
    this.year.set(year);
  }

  protected save(m: MyRndSpending, puts: RndPut[]): void {
    if (!m.organizationId) return;
    this.busy.set(true);
    this.saved.set(false);
    this.message.set(null);
    this.fieldErrors.set([]);
    this.api.saveRndSpending(m.organizationId, puts).subscribe({
      complete: () => {
        this.busy.set(false);
        this.saved.set(true);
        this.mine.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = rndSaveProblem(error);
        this.fieldErrors.set(problem.fields);
        this.message.set(problem.fields.length ? null : (problem.message ?? this.i18n.t('kpi.saveFailed')));
      },
    });
  }
}
