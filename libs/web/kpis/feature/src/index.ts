export * from './lib/kpis.routes';
