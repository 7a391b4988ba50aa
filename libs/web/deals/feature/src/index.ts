export * from './lib/deals.routes';
export * from './lib/print/print.routes';
