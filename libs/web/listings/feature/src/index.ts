export * from './lib/listings.routes';
