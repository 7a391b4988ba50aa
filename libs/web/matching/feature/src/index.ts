export * from './lib/matching.routes';
