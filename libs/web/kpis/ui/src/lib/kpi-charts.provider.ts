import { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * ECharts for the KPI pages: echarts/core with only the bar and funnel charts, grid, tooltip, legend
 * and the SVG renderer (bars are DOM elements: crisp when printed, clickable by a browser test).
 * Loaded on the first chart, in its own chunk, never in the initial bundle.
 */
export function provideKpiCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./kpi-echarts').then((m) => m.echarts) });
}

/** Every KPI chart draws with SVG; the canvas renderer is not even registered. */
export const KPI_CHART_INIT = { renderer: 'svg' } as const;
