export * from './lib/matching-api.service';
