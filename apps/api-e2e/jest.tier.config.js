// The API tier as `npm run test:api` runs it: the spec files of src/specs in the groups of
// src/groups (support/spec-groups.ts), one module registry per group instead of one per spec file.
// jest.config.js still runs spec files one by one (`jest -c apps/api-e2e/jest.config.js <spec>`).
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/src/groups/*.e2e-group.ts'],
  testSequencer: '<rootDir>/src/support/group-sequencer.js',
};
