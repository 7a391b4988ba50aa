module.exports = {
  displayName: 'web-kpis-util',
  preset: '../../../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
