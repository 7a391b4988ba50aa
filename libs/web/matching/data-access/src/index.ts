export * from './lib/matching-api.service';
export * from './lib/people-api.service';
