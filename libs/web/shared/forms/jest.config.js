module.exports = {
  displayName: 'web-forms',
  preset: '../../../../jest.preset.web.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
