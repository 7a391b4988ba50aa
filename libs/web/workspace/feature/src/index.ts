export * from './lib/workspace.routes';
