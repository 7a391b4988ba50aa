// Shared jest preset: SWC transform (with decorator metadata, which Nest DI needs)
// and module aliases read from tsconfig.base.json so tests resolve libs like the app does.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  // A wildcard alias (`@xkx/api/modules/*`) maps the rest of the path.
  const pattern = alias.replace(/[/.]/g, (c) => '\\' + c).replace('*', '(.*)');
  moduleNameMapper[`^${pattern}$`] = path.join(__dirname, target).replace('*', '$1');
}

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper,
};
