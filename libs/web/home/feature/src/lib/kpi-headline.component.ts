import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { KPI_VIEW_LABELS, KpiPublicHeadline } from '@xkx/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { compactYuan, percentText, progressWidth, yuan } from '@xkx/web/kpis/util';

/**
 * The public portal's year-to-date headline: projects and contract amount against the district's
 * targets. Kept in the home page's own chunk (no chart code): the landing page stays light.
 */
@Component({
  selector: 'xkx-kpi-headline',
  imports: [MatProgressBarModule, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let h = headline();
    <div class="headline" data-testid="kpi-public-headline" [attr.data-year]="h.year" [attr.data-projects]="h.projects" [attr.data-contract-fen]="h.contractAmountFen">
      <p class="scope">{{ 'kpi.publicScope' | t: { year: h.year, asOf: h.asOf } }} · {{ viewLabels[h.view] | localized }}</p>
      <div class="bars">
        @for (row of rows(); track row.testId) {
          <div class="progress" [attr.data-testid]="row.testId" [attr.data-bp]="row.bp">
            <div class="head">
              <span class="label">{{ row.label | t }}</span>
              <span class="percent">{{ row.percent }}</span>
            </div>
            <mat-progress-bar mode="determinate" [value]="row.width" [attr.aria-label]="row.label | t" />
            <div class="numbers">
              <span>{{ 'kpi.actual' | t }} <strong class="actual">{{ row.actual }}</strong></span>
              <span>{{ 'kpi.target' | t }} <strong>{{ row.target }}</strong></span>
            </div>
          </div>
        }
      </div>
    </div>
  `,
  styles: `
    .headline { padding: 20px; border-radius: 16px; background: var(--mat-sys-surface-container); }
    .scope { margin: 0 0 12px; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-medium); }
    .bars { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 24px; }
    .progress { display: grid; gap: 6px; }
    .head, .numbers { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
    .label { font: var(--mat-sys-title-small); }
    .percent { font-weight: 600; font-variant-numeric: tabular-nums; }
    .numbers { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    strong { color: var(--mat-sys-on-surface); font-variant-numeric: tabular-nums; }
  `,
})
export class KpiHeadlineComponent {
  private readonly i18n = inject(I18nService);
  readonly headline = input.required<KpiPublicHeadline>();

  protected readonly viewLabels = KPI_VIEW_LABELS;
  protected readonly rows = computed(() => {
    const h = this.headline();
    return [
      {
        testId: 'kpi-public-projects',
        label: 'kpi.projects' as const,
        actual: this.i18n.t('kpi.count', { count: h.projects }),
        target: this.i18n.t('kpi.count', { count: h.targetProjects }),
        bp: h.projectsProgressBp,
        percent: percentText(h.projectsProgressBp),
        width: progressWidth(h.projectsProgressBp),
      },
      {
        testId: 'kpi-public-amount',
        label: 'kpi.contractAmount' as const,
        // Exact to the fen; the target (a round number) reads better short.
        actual: yuan(h.contractAmountFen),
        target: compactYuan(h.targetContractAmountFen, this.i18n.locale()),
        bp: h.contractAmountProgressBp,
        percent: percentText(h.contractAmountProgressBp),
        width: progressWidth(h.contractAmountProgressBp),
      },
    ];
  });
}
