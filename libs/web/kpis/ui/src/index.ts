export * from './lib/kpi-charts.provider';
export * from './lib/kpi-bar-chart.component';
export * from './lib/kpi-funnel.component';
export * from './lib/kpi-figure.component';
export * from './lib/kpi-progress.component';
export * from './lib/kpi-records.component';
