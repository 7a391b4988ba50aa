export * from './lib/credit-code';
export * from './lib/identifiers';
export * from './lib/money';
export * from './lib/code-words';
export * from './lib/business-date';
export * from './lib/public-notice';
