export * from './lib/models';
