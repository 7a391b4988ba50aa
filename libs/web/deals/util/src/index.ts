export * from './lib/deal-filters';
export * from './lib/contract-rules';
export * from './lib/yuan-input';
