export * from './lib/listing-kind';
export * from './lib/money';
export * from './lib/search-query';
export * from './lib/field-tree';
