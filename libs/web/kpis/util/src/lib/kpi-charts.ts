import type { KpiBreakdownItem, KpiFunnelStageFigures, Locale } from '@xkx/contracts';
import type { BarSeriesOption, FunnelSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { compactYuan, escapeHtml, percentText, yuan } from './kpi-format';

/** The option type of every KPI chart: only the pieces the dashboard registers with echarts/core. */
export type KpiChartOption = ComposeOption<BarSeriesOption | FunnelSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** What a bar measures: the contract amount (fen) or the number of projects. */
export const KpiMeasure = { AMOUNT: 'contractAmountFen', PROJECTS: 'projects' } as const;
export type KpiMeasure = (typeof KpiMeasure)[keyof typeof KpiMeasure];

/** Fixed colours, so a bar of the year and one of the year before can be told apart (also by tests). */
export const KPI_BAR_COLORS = { current: '#2f5fb3', previous: '#a7b9dc' } as const;

/** One bar: the breakdown item's key (for /api/kpis/records), its label, this year's and last year's value. */
export interface KpiBar {
  key: string;
  label: string;
  value: number;
  previous: number;
}

export function toBars(items: readonly KpiBreakdownItem[], measure: KpiMeasure, locale: Locale): KpiBar[] {
  return items.map((i) => ({ key: i.key, label: i.label[locale], value: i[measure], previous: i.previousYear[measure] }));
}

export interface KpiBarChartSpec {
  bars: readonly KpiBar[];
  measure: KpiMeasure;
  locale: Locale;
  /** Months read left to right; institutions and fields read top to bottom, largest first. */
  orientation: 'vertical' | 'horizontal';
  /** Series names; without `previous` the chart has one series (no year-over-year bars). */
  series: { current: string; previous?: string };
}

/** A figure in the chart's measure: exact for tooltips, short for axis ticks. */
export function measureText(value: number, measure: KpiMeasure, locale: Locale, exact = true): string {
  if (measure === KpiMeasure.PROJECTS) return String(value);
  return exact ? yuan(value) : compactYuan(value, locale);
}

interface TooltipParams {
  seriesName?: string;
  name?: string;
  value?: unknown;
  dataIndex?: number;
}

/** Tooltips are HTML: names from the records are escaped. */
function tooltipLine(p: TooltipParams, text: string): string {
  return `${escapeHtml(p.name ?? '')}<br/>${escapeHtml(p.seriesName ?? '')}: ${escapeHtml(text)}`;
}

export function barChartOption(spec: KpiBarChartSpec): KpiChartOption {
  const horizontal = spec.orientation === 'horizontal';
  const withPrevious = spec.series.previous !== undefined;
  const categoryAxis = {
    type: 'category' as const,
    data: spec.bars.map((b) => b.label),
    inverse: horizontal,
    axisTick: { alignWithLabel: true },
    axisLabel: horizontal ? { width: 150, overflow: 'truncate' as const } : { interval: 0 },
  };
  const valueAxis = {
    type: 'value' as const,
    // Ticks of whole projects and whole yuan (fen × 100): an empty chart would otherwise tick at 0.2 fen.
    minInterval: spec.measure === KpiMeasure.PROJECTS ? 1 : 100,
    axisLabel: { formatter: (v: number) => measureText(Math.round(v), spec.measure, spec.locale, false) },
  };
  const bar = (name: string, data: number[], color: string): BarSeriesOption => ({
    type: 'bar',
    name,
    data,
    cursor: 'pointer',
    barMaxWidth: 32,
    itemStyle: { color },
    emphasis: { disabled: true },
  });
  const series: BarSeriesOption[] = [bar(spec.series.current, spec.bars.map((b) => b.value), KPI_BAR_COLORS.current)];
  if (spec.series.previous !== undefined) series.push(bar(spec.series.previous, spec.bars.map((b) => b.previous), KPI_BAR_COLORS.previous));
  return {
    // No animation: bars stand where they end up at once (printing, screenshots, a click right after load).
    animation: false,
    grid: { left: 8, right: 24, top: withPrevious ? 36 : 16, bottom: 8, containLabel: true },
    legend: withPrevious ? { top: 0, data: series.map((s) => String(s.name)) } : { show: false },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as TooltipParams;
        return tooltipLine(p, measureText(Number(p.value ?? 0), spec.measure, spec.locale));
      },
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}

/** The bar an ECharts click landed on: series 0 is the year, series 1 the year before. */
export interface KpiBarHit {
  key: string;
  label: string;
  year: number;
  value: number;
}

export function barAt(bars: readonly KpiBar[], event: { componentType?: string; seriesIndex?: number; dataIndex?: number }, year: number): KpiBarHit | null {
  if (event.componentType !== undefined && event.componentType !== 'series') return null;
  const bar = event.dataIndex === undefined ? undefined : bars[event.dataIndex];
  if (!bar) return null;
  const previous = event.seriesIndex === 1;
  return { key: bar.key, label: bar.label, year: previous ? year - 1 : year, value: previous ? bar.previous : bar.value };
}

export interface KpiFunnelChartSpec {
  stages: readonly KpiFunnelStageFigures[];
  locale: Locale;
  /** Words for the tooltip, in the UI language. */
  words: { conversion: string; medianDays: string };
}

export function funnelChartOption(spec: KpiFunnelChartSpec): KpiChartOption {
  const max = Math.max(1, ...spec.stages.map((s) => s.count));
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as TooltipParams;
        const stage = p.dataIndex === undefined ? undefined : spec.stages[p.dataIndex];
        if (!stage) return '';
        const lines = [`${escapeHtml(stage.label[spec.locale])}: ${stage.count}`];
        if (stage.conversionBp !== null) lines.push(`${escapeHtml(spec.words.conversion)}: ${percentText(stage.conversionBp)}`);
        if (stage.medianDaysFromPrevious !== null) lines.push(`${escapeHtml(spec.words.medianDays)}: ${stage.medianDaysFromPrevious}`);
        return lines.join('<br/>');
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max,
        minSize: '6%',
        left: '10%',
        width: '80%',
        top: 8,
        bottom: 8,
        gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}  {c}' },
        emphasis: { disabled: true },
        data: spec.stages.map((s) => ({ name: s.label[spec.locale], value: s.count })),
      },
    ],
  };
}
