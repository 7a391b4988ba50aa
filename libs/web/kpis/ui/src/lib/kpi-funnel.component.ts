import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { KpiFunnelStageFigures } from '@xkx/contracts';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { funnelChartOption, percentText } from '@xkx/web/kpis/util';
import { NgxEchartsDirective } from 'ngx-echarts';
import { KPI_CHART_INIT } from './kpi-charts.provider';

/** matches → introductions → deals → signed → registered → paid: the chart, and the table with conversions and median days. */
@Component({
  selector: 'xkx-kpi-funnel',
  imports: [NgxEchartsDirective, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure data-testid="kpi-funnel">
      <figcaption>{{ caption() }}</figcaption>
      <div echarts class="canvas" role="img" [attr.aria-label]="'kpi.chartSummary' | t: { title: caption(), count: stages().length }" [options]="options()" [initOpts]="init"></div>
      <table>
        <thead>
          <tr>
            <th scope="col">{{ 'kpi.funnelStage' | t }}</th>
            <th scope="col" class="num">{{ 'kpi.funnelCount' | t }}</th>
            <th scope="col" class="num">{{ 'kpi.funnelConversion' | t }}</th>
            <th scope="col" class="num">{{ 'kpi.funnelMedianDays' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (s of stages(); track s.stage) {
            <tr data-testid="funnel-stage" [attr.data-stage]="s.stage">
              <th scope="row">{{ s.label | localized }}</th>
              <td class="num">{{ s.count }}</td>
              <td class="num">{{ percent(s.conversionBp) }}</td>
              <td class="num">{{ s.medianDaysFromPrevious ?? '—' }}</td>
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    :host { display: block; }
    figure { margin: 0; }
    figcaption { font: var(--mat-sys-title-small); margin-bottom: 8px; }
    .canvas { width: 100%; height: 260px; }
    table { border-collapse: collapse; width: 100%; margin-top: 8px; font: var(--mat-sys-body-small); }
    th, td { padding: 2px 8px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
  `,
})
export class KpiFunnelComponent {
  private readonly i18n = inject(I18nService);
  readonly stages = input.required<KpiFunnelStageFigures[]>();
  readonly caption = input.required<string>();

  protected readonly init = KPI_CHART_INIT;
  protected readonly options = computed(() =>
    funnelChartOption({
      stages: this.stages(),
      locale: this.i18n.locale(),
      words: { conversion: this.i18n.t('kpi.funnelConversion'), medianDays: this.i18n.t('kpi.funnelMedianDays') },
    }),
  );

  protected percent(bp: number | null): string {
    return percentText(bp);
  }
}
