export * from './lib/platform-api.service';
export * from './lib/save-blob';
export * from './lib/attachments-api.service';
export * from './lib/code-url';
export * from './lib/in-batches';
