import { callArguments, readConfigValue, stringsAt, valueAt } from './static-value';

describe('reading a config statically', () => {
  it('reads defineConfig objects, arrays of configs, constants and spreads, with places', () => {
    const text = [
      "import { defineConfig } from 'tsup';",
      "const shared = { format: ['esm', 'cjs'] };",
      'export default defineConfig([',
      "  { ...shared, entry: ['src/index.ts', 'src/cli.ts'], outDir: 'build' },",
      "  { entry: { worker: 'src/worker.ts' } },",
      ']);',
    ].join('\n');
    const value = readConfigValue('tsup.config.ts', text);
    expect(stringsAt(value, ['entry']).map((s) => s.value)).toEqual(['src/index.ts', 'src/cli.ts', 'src/worker.ts']);
    expect(stringsAt(value, ['format']).map((s) => s.value)).toEqual(['esm', 'cjs']);
    expect(stringsAt(value, ['outDir'])).toEqual([{ kind: 'string', value: 'build', line: 4, column: 63 }]);
  });

  it('follows module.exports, arrow functions, mergeConfig and satisfies; computed parts are unknown', () => {
    const cjs = readConfigValue('jest.config.js', "module.exports = { preset: 'ts-jest', testEnvironment: process.env.ENV };");
    expect(stringsAt(cjs, ['preset']).map((s) => s.value)).toEqual(['ts-jest']);
    expect(valueAt(cjs, ['testEnvironment'])[0].kind).toBe('unknown');
    const vite = readConfigValue(
      'vitest.config.mts',
      "export default mergeConfig(base, defineConfig(() => ({ test: { coverage: { provider: 'istanbul' } } }) satisfies object));",
    );
    expect(stringsAt(vite, ['test', 'coverage', 'provider']).map((s) => s.value)).toEqual(['istanbul']);
  });

  it('reads JSON with comments, and gives nothing for what exports nothing', () => {
    expect(stringsAt(readConfigValue('.babelrc', '{ // presets\n "presets": ["@babel/env"] }'), ['presets'])).toEqual([
      { kind: 'string', value: '@babel/env', line: 2, column: 14 },
    ]);
    expect(readConfigValue('setup.ts', "import 'x';")).toBeUndefined();
  });

  it('keeps what a call it cannot run was given (a preset that takes the entry as an option)', () => {
    const vite = readConfigValue(
      'vite.config.ts',
      "export default mergeConfig(config, tanstackViteConfig({ entry: './src/index.ts', srcDir: './src' }));",
    );
    const [call] = callArguments(vite);
    expect(call.callee).toBe('tanstackViteConfig');
    expect(stringsAt(call.args[0], ['entry']).map((s) => s.value)).toEqual(['./src/index.ts']);
  });
});
