export * from './lib/deals.routes';
export * from './lib/print/print.routes';
export * from './lib/notices/notices.routes';
export * from './lib/carriers/carriers.routes';
