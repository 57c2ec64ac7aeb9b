// End-to-end suites: each creates a fresh Nx workspace that installs @shipshape/* from the local
// registry started by tools/e2e.mjs (which passes SHIPSHAPE_E2E_REGISTRY). Run with
// `node tools/e2e.mjs`, not directly.
module.exports = {
  displayName: 'e2e',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  // One workspace creation (npm install through the registry) plus several Nx runs per suite.
  testTimeout: 15 * 60 * 1000,
  maxWorkers: 1,
  // Print the progress notes of the suites as they come.
  verbose: true,
  // A line per suite: its wall time and the CPU time of its commands.
  setupFilesAfterEnv: ['<rootDir>/src/utils/suite-cpu.ts'],
};
