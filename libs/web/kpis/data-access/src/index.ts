export * from './lib/kpis-api.service';
