export * from './lib/matching-view';
export * from './lib/highlight-terms';
