import { scriptReferences } from './npm/scripts';
import { packageName, specifierTarget, typesPackageOf } from './npm/specifiers';
import { configStrings } from './npm/config-strings';
import { typedPackage } from './problems';
import { formatRequirement, parseRequirement } from './python/requirement';
import { moduleDistributions } from './python/modules';

describe('npm specifiers', () => {
  it('tells packages (without subpath), built-ins and local modules apart', () => {
    const cases = ['lodash/fp', '@scope/pkg/sub/path', 'node:fs/promises', 'fs', './local', '../up', '/abs', '#internal', 'https://x.dev/m.js', 'style-loader!./a.css', 'virtual:pwa', 'pkg?raw', '@/alias'];
    expect(cases.map((c) => [c, specifierTarget(c)])).toEqual([
      ['lodash/fp', { kind: 'package', name: 'lodash' }],
      ['@scope/pkg/sub/path', { kind: 'package', name: '@scope/pkg' }],
      ['node:fs/promises', { kind: 'builtin', name: 'fs' }],
      ['fs', { kind: 'builtin', name: 'fs' }],
      ['./local', { kind: 'local' }],
      ['../up', { kind: 'local' }],
      ['/abs', { kind: 'local' }],
      ['#internal', { kind: 'local' }],
      ['https://x.dev/m.js', { kind: 'local' }],
      ['style-loader!./a.css', { kind: 'local' }],
      ['virtual:pwa', { kind: 'local' }],
      ['pkg?raw', { kind: 'package', name: 'pkg' }],
      ['@/alias', { kind: 'local' }],
    ]);
    expect(packageName('@scope')).toBeUndefined();
  });

  it('pairs packages with their @types packages, both ways', () => {
    expect([typesPackageOf('lodash'), typesPackageOf('@babel/core')]).toEqual(['@types/lodash', '@types/babel__core']);
    expect([typedPackage('@types/lodash'), typedPackage('@types/babel__core'), typedPackage('lodash')]).toEqual(['lodash', '@babel/core', undefined]);
  });
});

describe('package.json scripts', () => {
  it('finds the binaries behind env assignments, wrappers and package-manager exec, and node preloads', () => {
    const refs = (command: string) => scriptReferences(command).map((r) => `${r.kind}:${r.name}`);
    expect(refs('NODE_ENV=production tsc -p tsconfig.lib.json && rimraf dist')).toEqual(['bin:tsc', 'bin:rimraf']);
    expect(refs('cross-env CI=1 jest --coverage; npx --yes prettier --check .')).toEqual(['bin:jest', 'bin:prettier']);
    expect(refs('npm exec -- eslint src | pnpm dlx knip')).toEqual(['bin:eslint', 'bin:knip']);
    expect(refs('node -r ts-node/register --import tsx ./scripts/gen.ts')).toEqual(['module:ts-node/register', 'module:tsx']);
    expect(refs('npm run build && echo done && ./bin/local.sh')).toEqual([]);
  });
});

describe('config strings', () => {
  it('finds quoted package names and YAML-style values, with their lines', () => {
    const text = "module.exports = {\n  preset: 'ts-jest',\n  transform: { x: ['@swc/jest', {}] },\n};\n";
    expect(configStrings(text).map((s) => `${s.line}:${s.value}`)).toEqual(expect.arrayContaining(['2:ts-jest', '3:@swc/jest']));
    expect(configStrings('plugins:\n  - prettier-plugin-x\n').map((s) => s.value)).toContain('prettier-plugin-x');
  });
});

describe('PEP 508 requirements', () => {
  it('splits name, extras, specifier, URL and marker, and writes them back', () => {
    expect(parseRequirement('requests[socks, security] (>=2.28,<3) ; python_version < "3.12"')).toEqual({
      name: 'requests',
      extras: ['socks', 'security'],
      specifier: '>=2.28,<3',
      marker: 'python_version < "3.12"',
    });
    expect(parseRequirement('pkg @ git+https://example.com/pkg.git')).toEqual({ name: 'pkg', extras: [], specifier: '', url: 'git+https://example.com/pkg.git' });
    expect(parseRequirement('  = nope')).toBeUndefined();
    const parsed = parseRequirement('Pillow[avif]; sys_platform != "win32"')!;
    expect(formatRequirement(parsed, '>=10.2')).toBe('Pillow[avif]>=10.2; sys_platform != "win32"');
  });
});

describe('Python module to distribution', () => {
  const environment = { distributions: { yaml: ['PyYAML'], google: ['protobuf', 'google-api-core'] }, versions: {}, requires: {} };

  it('prefers the configuration, then a declared distribution of the environment, then the table, then the module name', () => {
    const resolve = moduleDistributions({ internal_sdk: 'acme-internal-sdk' }, environment, new Set(['google-api-core']));
    expect(['internal_sdk.client', 'google.api_core', 'google.protobuf', 'yaml', 'PIL.Image', 'sklearn', 'requests'].map((m) => resolve(m).name)).toEqual([
      'acme-internal-sdk',
      'google-api-core',
      'protobuf',
      'PyYAML',
      'Pillow',
      'scikit-learn',
      'requests',
    ]);
    const undeclared = moduleDistributions({}, environment, new Set());
    expect(undeclared('google.protobuf').name).toBe('protobuf');
  });
});
