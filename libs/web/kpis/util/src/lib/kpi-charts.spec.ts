import { KpiBreakdownItem, KpiFunnelStageFigures } from '@xkx/contracts';
import { barAt, barChartOption, funnelChartOption, KPI_BAR_COLORS, KpiMeasure, toBars } from './kpi-charts';

const item = (key: string, zh: string, projects: number, contractAmountFen: number, previous: [number, number]): KpiBreakdownItem => ({
  key,
  label: { 'zh-CN': zh, en: key },
  projects,
  contractAmountFen,
  technicalAmountFen: contractAmountFen,
  receivedFen: 0,
  previousYear: { projects: previous[0], contractAmountFen: previous[1] },
});

const ITEMS = [item('01', '1月', 2, 123_456_789, [1, 5]), item('02', '2月', 0, 0, [0, 0]), item('03', '3月', 1, 1, [3, 840_000_000_000])];

interface Series {
  type: string;
  name: string;
  data: number[];
  itemStyle: { color: string };
}

describe('KPI chart options', () => {
  it('turns a breakdown into bars of the chosen measure, keeping the keys for the drill-down', () => {
    expect(toBars(ITEMS, KpiMeasure.AMOUNT, 'zh-CN')).toEqual([
      { key: '01', label: '1月', value: 123_456_789, previous: 5 },
      { key: '02', label: '2月', value: 0, previous: 0 },
      { key: '03', label: '3月', value: 1, previous: 840_000_000_000 },
    ]);
    expect(toBars(ITEMS, KpiMeasure.PROJECTS, 'en').map((b) => [b.label, b.value, b.previous])).toEqual([['01', 2, 1], ['02', 0, 0], ['03', 1, 3]]);
  });

  it('builds vertical bars for the year and the year before, amounts exact in fen', () => {
    const option = barChartOption({ bars: toBars(ITEMS, KpiMeasure.AMOUNT, 'zh-CN'), measure: KpiMeasure.AMOUNT, locale: 'zh-CN', orientation: 'vertical', series: { current: '2026年', previous: '2025年' } });
    const series = option.series as Series[];
    expect(series.map((s) => [s.type, s.name, s.itemStyle.color])).toEqual([['bar', '2026年', KPI_BAR_COLORS.current], ['bar', '2025年', KPI_BAR_COLORS.previous]]);
    expect(series[0]?.data).toEqual([123_456_789, 0, 1]);
    expect(series[1]?.data).toEqual([5, 0, 840_000_000_000]);
    expect((option.xAxis as { type: string; data: string[] }).data).toEqual(['1月', '2月', '3月']);
    expect(option.animation).toBe(false);
    const tick = (option.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(tick(840_000_000_000)).toBe('84亿元');
    // Ticks are scale values, not figures: whole yuan at least, and never a fraction of a fen.
    expect(option.yAxis).toMatchObject({ type: 'value', minInterval: 100 });
    expect(tick(0.2)).toBe('0元');
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(tooltip({ name: '1月', seriesName: '2026年', value: 123_456_789 })).toBe('1月<br/>2026年: ¥1,234,567.89');
  });

  it('lays institutions out horizontally, largest first, one series without a previous year', () => {
    const option = barChartOption({ bars: toBars(ITEMS, KpiMeasure.PROJECTS, 'zh-CN'), measure: KpiMeasure.PROJECTS, locale: 'zh-CN', orientation: 'horizontal', series: { current: '项目数' } });
    expect((option.series as Series[]).length).toBe(1);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['1月', '2月', '3月'] });
    expect(option.xAxis).toMatchObject({ type: 'value', minInterval: 1 });
    expect(option.legend).toEqual({ show: false });
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(tooltip({ name: '<script>', seriesName: '项目数', value: 2 })).toBe('&#60;script&#62;<br/>项目数: 2');
  });

  it('maps a click to the bar, its key and its year', () => {
    const bars = toBars(ITEMS, KpiMeasure.AMOUNT, 'zh-CN');
    expect(barAt(bars, { componentType: 'series', seriesIndex: 0, dataIndex: 0 }, 2026)).toEqual({ key: '01', label: '1月', year: 2026, value: 123_456_789 });
    expect(barAt(bars, { componentType: 'series', seriesIndex: 1, dataIndex: 2 }, 2026)).toEqual({ key: '03', label: '3月', year: 2025, value: 840_000_000_000 });
    expect(barAt(bars, { componentType: 'xAxis', dataIndex: 0 }, 2026)).toBeNull();
    expect(barAt(bars, { componentType: 'series', seriesIndex: 0, dataIndex: 9 }, 2026)).toBeNull();
  });

  it('builds the funnel in stage order, with conversion and median days in the tooltip', () => {
    const stage = (s: KpiFunnelStageFigures['stage'], count: number, conversionBp: number | null, medianDaysFromPrevious: number | null): KpiFunnelStageFigures => ({ stage: s, label: { 'zh-CN': s, en: s }, count, conversionBp, medianDaysFromPrevious });
    const stages = [stage('MATCHES', 3, null, null), stage('INTRODUCTIONS', 10, 33_333, null), stage('DEALS', 4, 4_000, 12)];
    const option = funnelChartOption({ stages, locale: 'en', words: { conversion: 'Conversion', medianDays: 'Median days' } });
    const [series] = option.series as Array<{ type: string; sort: string; max: number; data: Array<{ name: string; value: number }> }>;
    expect(series).toMatchObject({ type: 'funnel', sort: 'none', max: 10 });
    expect(series?.data).toEqual([{ name: 'MATCHES', value: 3 }, { name: 'INTRODUCTIONS', value: 10 }, { name: 'DEALS', value: 4 }]);
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(tooltip({ dataIndex: 2 })).toBe('DEALS: 4<br/>Conversion: 40.00%<br/>Median days: 12');
    expect(tooltip({ dataIndex: 0 })).toBe('MATCHES: 3');
  });
});
