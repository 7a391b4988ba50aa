// Unit tests of web libraries that use Angular at run time (forms, signals, pipes, rxjs services): the shared
// preset, plus Angular's packages (published as ES modules only) compiled to CommonJS by the same SWC
// transform, and Angular's JIT compiler loaded first (its libraries ship partially compiled). Libraries of
// plain functions keep jest.preset.js. Both run in Node (no DOM: faster). Components with logic (forms,
// tables) are rendered in jsdom by jest.preset.web-dom.js (`*.component.spec.ts`); whole journeys are the
// browser tier's (apps/web-e2e).
const path = require('node:path');
const preset = require('./jest.preset.js');

const [, swcOptions] = preset.transform['^.+\\.ts$'];

module.exports = {
  ...preset,
  transform: { '^.+\\.(ts|mjs)$': ['@swc/jest', swcOptions] },
  transformIgnorePatterns: ['/node_modules/(?!@angular/)'],
  setupFiles: [path.join(__dirname, 'tools/test/angular-jit.ts')],
};
