export * from './lib/kpi-format';
export * from './lib/kpi-charts';
export * from './lib/kpi-filters';
export * from './lib/kpi-entry';
