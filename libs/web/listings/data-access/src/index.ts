export * from './lib/listings-api.service';
export * from './lib/fields-api.service';
export * from './lib/imports-api.service';
export * from './lib/taxonomy-admin-api.service';
