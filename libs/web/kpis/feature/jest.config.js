module.exports = {
  displayName: 'web-kpis-feature',
  preset: '../../../../jest.preset.web-dom.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
