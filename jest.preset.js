// Shared jest settings: TypeScript through swc, and the workspace packages resolved to their sources
// so that unit tests never depend on a previous build.
const path = require('node:path');

const packagesDir = path.join(__dirname, 'packages');

module.exports = {
  testEnvironment: 'node',
  // Tests are not timed (benchmarks measure speed); the bound only stops a hung test on a loaded machine.
  testTimeout: 60_000,
  transform: {
    '^.+\\.[cm]?[tj]sx?$': [
      require.resolve('@swc/jest'),
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // ESM-only dependencies are transformed to CommonJS for jest's module system.
  transformIgnorePatterns: ['/node_modules/(?!(@decimalturn/toml-patch|publint|@publint)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@shipshape/([a-z-]+)$': path.join(packagesDir, '$1/src/index.ts'),
    '^@shipshape/([a-z-]+)/(engine)$': path.join(packagesDir, '$1/src/$2.ts'),
    '^@shipshape/core/(plugin|plugin-manifests|audit-client)$': path.join(packagesDir, 'core/src/$1.ts'),
    '^@shipshape/([a-z-]+)/(testing)$': path.join(packagesDir, '$1/src/$2/index.ts'),
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/files/'],
  coverageReporters: ['text-summary', 'json-summary'],
};
