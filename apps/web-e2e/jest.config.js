// Browser journeys in the system Chromium (playwright-core), against the real built server.
module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 180000,
  // One server and one browser at a time keeps the 2-core CI machine predictable.
  maxWorkers: 1,
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
};
