export * from './lib/organizations-api.service';
export * from './lib/users-api.service';
export * from './lib/audit-api.service';
