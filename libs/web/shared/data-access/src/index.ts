export * from './lib/platform-api.service';
export * from './lib/save-blob';
