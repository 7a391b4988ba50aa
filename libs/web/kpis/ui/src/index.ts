export * from './lib/kpi-charts.provider';
export * from './lib/kpi-bar-chart.component';
export * from './lib/kpi-funnel.component';
export * from './lib/kpi-figure.component';
export * from './lib/kpi-progress.component';
export * from './lib/kpi-records.component';
export * from './lib/kpi-field-error.pipe';
export * from './lib/kpi-rnd-entry.component';
