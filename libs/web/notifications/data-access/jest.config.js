module.exports = {
  displayName: 'web-notifications-data-access',
  preset: '../../../../jest.preset.web.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
