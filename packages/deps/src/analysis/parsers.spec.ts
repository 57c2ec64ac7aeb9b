import { formatRequirement, packageName, parseRequirement, specifierTarget, typesPackageOf } from '@shipshape/core';
import { typedPackage } from './problems';
import { moduleDistributions } from './python/modules';

describe('npm specifiers', () => {
  it('tells packages (without subpath), built-ins and local modules apart', () => {
    const cases = [
      'lodash/fp',
      '@scope/pkg/sub/path',
      'node:fs/promises',
      'fs',
      './local',
      '../up',
      '/abs',
      '#internal',
      'https://x.dev/m.js',
      'style-loader!./a.css',
      'virtual:pwa',
      'pkg?raw',
      '@/alias',
    ];
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
    expect([typedPackage('@types/lodash'), typedPackage('@types/babel__core'), typedPackage('lodash')]).toEqual([
      'lodash',
      '@babel/core',
      undefined,
    ]);
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
    expect(parseRequirement('pkg @ git+https://example.com/pkg.git')).toEqual({
      name: 'pkg',
      extras: [],
      specifier: '',
      url: 'git+https://example.com/pkg.git',
    });
    expect(parseRequirement('  = nope')).toBeUndefined();
    const parsed = parseRequirement('Pillow[avif]; sys_platform != "win32"')!;
    expect(formatRequirement(parsed, '>=10.2')).toBe('Pillow[avif]>=10.2; sys_platform != "win32"');
  });
});

describe('Python module to distribution', () => {
  const environment = { distributions: { yaml: ['PyYAML'], google: ['protobuf', 'google-api-core'] }, versions: {}, requires: {} };

  it('prefers the configuration, then a declared distribution of the environment, then the table, then the module name', () => {
    const resolve = moduleDistributions({ internal_sdk: 'acme-internal-sdk' }, environment, new Set(['google-api-core']));
    expect(
      ['internal_sdk.client', 'google.api_core', 'google.protobuf', 'yaml', 'PIL.Image', 'sklearn', 'requests'].map((m) => resolve(m).name),
    ).toEqual(['acme-internal-sdk', 'google-api-core', 'protobuf', 'PyYAML', 'Pillow', 'scikit-learn', 'requests']);
    const undeclared = moduleDistributions({}, environment, new Set());
    expect(undeclared('google.protobuf').name).toBe('protobuf');
  });
});
