const preset = require('../../jest.preset.js');

module.exports = {
  displayName: 'structure',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // publint packs through @publint/pack, which runs npm with the ESM-only tinyexec.
  transformIgnorePatterns: [preset.transformIgnorePatterns[0].replace('publint|', 'publint|tinyexec|package-manager-detector|')],
};
