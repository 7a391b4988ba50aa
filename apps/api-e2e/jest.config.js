// API tests against a real database: PostgreSQL when DATABASE_URL is set (a fresh database per
// test file), embedded PGlite in memory otherwise. Migrations run exactly as at start-up.
module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  setupFiles: ['<rootDir>/src/support/env.ts'],
};
