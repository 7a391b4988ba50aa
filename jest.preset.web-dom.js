// Component tests of web libraries (`*.component.spec.ts`): jest.preset.web.js in a jsdom environment, with
// templateUrl inlined for the JIT compiler (tools/test/angular-resources.js) and a TestBed environment per
// file (tools/test/angular-testbed.ts). What each test provides (zoneless change detection, Material without
// animations) is set there too; a spec whose component calls the API adds provideHttpClient() and
// provideHttpClientTesting() and asserts the requests with HttpTestingController.
const path = require('node:path');
const web = require('./jest.preset.web.js');

const [, swcOptions] = web.transform['^.+\\.(ts|mjs)$'];
const transformer = path.join(__dirname, 'tools/test/angular-resources.js');

module.exports = {
  ...web,
  testEnvironment: 'jsdom',
  moduleFileExtensions: [...web.moduleFileExtensions, 'html'],
  transform: {
    '^.+\\.(ts|mjs)$': [transformer, swcOptions],
    '^.+\\.html$': [transformer, swcOptions],
  },
  // Angular-partial-compiled packages published as ES modules only (ngx-echarts: the KPI libraries' barrels).
  transformIgnorePatterns: ['/node_modules/(?!(@angular|ngx-echarts)/)'],
  setupFilesAfterEnv: [path.join(__dirname, 'tools/test/angular-testbed.ts')],
  // A file's first test compiles Material's components in JIT (1.5–2.5 s on a quiet machine, over 11 s at load
  // average 15 on the 2-core CI machine): jest's 5 s default failed tests that were only slow. A hang guard, not
  // a speed claim.
  testTimeout: 60_000,
};
