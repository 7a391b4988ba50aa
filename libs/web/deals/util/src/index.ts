export * from './lib/models';
export * from './lib/contract-models';
export * from './lib/contract-rules';
export * from './lib/yuan-input';
export * from './lib/public-notice-models';
