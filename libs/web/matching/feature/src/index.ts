export * from './lib/matching.routes';
export * from './lib/people.routes';
