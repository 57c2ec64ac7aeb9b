module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // fixture workspaces hold test files of their own, which are data here
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/files/', '/__fixtures__/'],
};
