// API tests against a real database: PostgreSQL when DATABASE_URL is set (a fresh database per
// test file), embedded PGlite in memory otherwise. The global setup migrates once with the migration
// CLI; test files start from a copy of that database and the app's start-up migration check runs on it.
module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  setupFiles: ['<rootDir>/src/support/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/support/file-times.ts'],
};
