export * from './lib/platform-api.service';
