module.exports = {
  displayName: 'web-listings-feature',
  preset: '../../../../jest.preset.web-dom.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
