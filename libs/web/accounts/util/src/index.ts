export * from './lib/account-views';
