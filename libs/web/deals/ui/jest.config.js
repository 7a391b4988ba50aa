module.exports = {
  displayName: 'web-deals-ui',
  preset: '../../../../jest.preset.web-dom.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
