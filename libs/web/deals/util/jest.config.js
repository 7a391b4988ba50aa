module.exports = {
  displayName: 'web-deals-util',
  preset: '../../../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
