export * from './lib/models';
export * from './lib/highlight-terms';
