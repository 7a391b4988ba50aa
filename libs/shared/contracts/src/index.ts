export * from './lib/error-codes';
export * from './lib/validation-messages';
export * from './lib/organizations';
export * from './lib/health';
export * from './lib/api-paths';
export * from './lib/fields';
export * from './lib/auth';
export * from './lib/listings';
