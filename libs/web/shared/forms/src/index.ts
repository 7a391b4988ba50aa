export * from './lib/api-error';
export * from './lib/field-errors';
export * from './lib/field-error.pipe';
export * from './lib/validators';
export * from './lib/amount';
