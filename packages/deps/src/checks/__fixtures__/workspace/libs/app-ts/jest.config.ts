export default {
  displayName: 'app-ts',
  preset: 'ts-jest',
  testEnvironment: 'jsdom',
};
