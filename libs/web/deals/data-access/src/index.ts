export * from './lib/introductions-api.service';
export * from './lib/deals-api.service';
export * from './lib/contracts-api.service';
export * from './lib/nda-api.service';
export * from './lib/public-notices-api.service';
export * from './lib/deal-closure-api.service';
export * from './lib/landing-api.service';
export * from './lib/instruments-api.service';
