import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { barAt, barChartOption, KpiBar, KpiBarHit, KpiMeasure, measureText } from '@xkx/web/kpis/util';
import type { ECElementEvent } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { KPI_CHART_INIT } from './kpi-charts.provider';

/**
 * Bars of one breakdown (SVG), the year and optionally the year before. A click on a bar, or on the
 * row's button in the data table under it (the chart's accessible fallback), emits that bar.
 */
@Component({
  selector: 'xkx-kpi-bar-chart',
  imports: [NgxEchartsDirective, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure [attr.data-testid]="testId()" [attr.data-measure]="measure()">
      <figcaption>{{ caption() }}</figcaption>
      @if (bars().length) {
        <div
          echarts
          class="canvas"
          role="img"
          [attr.aria-label]="'kpi.chartSummary' | t: { title: caption(), count: bars().length }"
          [style.height.px]="height()"
          [options]="options()"
          [initOpts]="init"
          (chartClick)="clicked($event)"
        ></div>
        <details class="fallback">
          <summary>{{ 'kpi.dataTable' | t }}</summary>
          <table>
            <caption class="visually-hidden">{{ caption() }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'kpi.item' | t }}</th>
                <th scope="col" class="num">{{ seriesName(year()) }}</th>
                @if (withPrevious()) {
                  <th scope="col" class="num">{{ seriesName(year() - 1) }}</th>
                }
                <th scope="col"><span class="visually-hidden">{{ 'kpi.records' | t }}</span></th>
              </tr>
            </thead>
            <tbody>
              @for (bar of bars(); track bar.key; let i = $index) {
                <tr [attr.data-key]="bar.key">
                  <th scope="row">{{ bar.label }}</th>
                  <td class="num">{{ text(bar.value) }}</td>
                  @if (withPrevious()) {
                    <td class="num">{{ text(bar.previous) }}</td>
                  }
                  <td>
                    <button mat-button type="button" data-testid="bar-records" (click)="barSelected.emit({ key: bar.key, label: bar.label, year: year(), value: bar.value })">
                      {{ 'kpi.showRecords' | t }}
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </details>
      } @else {
        <p class="muted">{{ 'kpi.noData' | t }}</p>
      }
    </figure>
  `,
  styles: `
    :host { display: block; }
    figure { margin: 0; }
    figcaption { font: var(--mat-sys-title-small); margin-bottom: 8px; }
    .canvas { width: 100%; }
    .fallback { margin-top: 4px; font: var(--mat-sys-body-small); }
    .fallback summary { cursor: pointer; color: var(--mat-sys-primary); }
    table { border-collapse: collapse; width: 100%; margin-top: 8px; }
    th, td { padding: 2px 8px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `,
})
export class KpiBarChartComponent {
  private readonly i18n = inject(I18nService);
  readonly bars = input.required<KpiBar[]>();
  readonly measure = input.required<KpiMeasure>();
  readonly year = input.required<number>();
  readonly caption = input.required<string>();
  readonly orientation = input<'vertical' | 'horizontal'>('vertical');
  readonly withPrevious = input(false);
  readonly height = input(320);
  readonly testId = input<string>();
  readonly barSelected = output<KpiBarHit>();

  protected readonly init = KPI_CHART_INIT;
  protected readonly options = computed(() =>
    barChartOption({
      bars: this.bars(),
      measure: this.measure(),
      locale: this.i18n.locale(),
      orientation: this.orientation(),
      series: { current: this.seriesName(this.year()), previous: this.withPrevious() ? this.seriesName(this.year() - 1) : undefined },
    }),
  );

  protected seriesName(year: number): string {
    return this.i18n.t('kpi.yearSeries', { year });
  }

  protected text(value: number): string {
    return measureText(value, this.measure(), this.i18n.locale());
  }

  protected clicked(event: ECElementEvent): void {
    const hit = barAt(this.bars(), event, this.year());
    if (hit) this.barSelected.emit(hit);
  }
}
