import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { DEFAULT_OPTIONS, optionsSchema, resolveOptions } from './options';
import { BASE_OPTIONS_SCHEMA, PRECOMPILED_VALIDATOR, sharedAjv } from './options-validation';

describe('resolveOptions', () => {
  it('fills defaults', () => {
    expect(resolveOptions(undefined, 'nx.json')).toEqual(DEFAULT_OPTIONS);
    expect(resolveOptions({ failOn: 'warning' }, 'nx.json').failOn).toBe('warning');
  });

  it('names the unknown option and the file', () => {
    expect(() => resolveOptions({ failon: 'error' }, 'nx.json (plugin "@shipshape/pipeline" options)')).toThrow(
      'invalid Shipshape options in nx.json (plugin "@shipshape/pipeline" options): unknown option "failon" (did you mean "failOn"?)',
    );
  });

  it('names the option with a wrong value and what it may be', () => {
    expect(() => resolveOptions({ checks: { 'deps/unused': 'loud' } }, 'project.json')).toThrow(
      'invalid Shipshape options in project.json: "checks.deps/unused" must be one of "off", "info", "warning", "error"',
    );
    expect(() => resolveOptions({ failOn: 3 }, 'nx.json')).toThrow(/"failOn" must be string/);
  });

  it('requires a reason for every ignore rule', () => {
    expect(() => resolveOptions({ ignore: [{ check: 'a/b' }] }, 'nx.json')).toThrow(/"ignore.0" must have required property 'reason'/);
  });

  it('validates a package section by its own schema, and names a wrong option inside it', () => {
    const section = {
      key: 'deps',
      owner: '@shipshape/deps',
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          pythonModules: {
            type: 'object',
            propertyNames: { pattern: '^[a-z.]+$' },
            additionalProperties: { type: 'string', pattern: '^[A-Za-z]+$' },
          },
          rangeStyle: { enum: ['caret', 'tilde'] },
        },
      },
    };
    const deps = { pythonModules: { yaml: 'PyYAML' }, rangeStyle: 'tilde' };
    expect(resolveOptions({ deps }, 'nx.json', [section]).sections.deps).toEqual(deps);
    expect(() => resolveOptions({ deps: { rangestyle: 'caret' } }, 'nx.json', [section])).toThrow(
      '"deps" has an unknown option "rangestyle" (did you mean "rangeStyle"?)',
    );
    expect(() => resolveOptions({ deps: { pythonModules: { yaml: 'Py YAML' } } }, 'nx.json', [section])).toThrow(
      /"deps.pythonModules.yaml" must match pattern/,
    );
    expect(() => resolveOptions({ deps }, 'nx.json')).toThrow('unknown option "deps"');
  });
});

describe('the options schema', () => {
  it("states the same defaults as the code (Nx Console and the docs show the schema's)", () => {
    const properties = optionsSchema.properties as Record<
      string,
      { default?: unknown; properties?: Record<string, { default?: unknown }> }
    >;
    const resolved = DEFAULT_OPTIONS as unknown as Record<string, unknown>;
    for (const [key, property] of Object.entries(properties)) {
      if ('default' in property) expect([key, property.default]).toEqual([key, resolved[key]]);
    }
    expect(properties.projects.properties?.exclude.default).toEqual(DEFAULT_OPTIONS.projects.exclude);
  });
});

describe('the shared options validator the build compiles', () => {
  /** The build's (npm test builds before the unit tests): the plugin worker loads it instead of ajv. */
  const built = join(__dirname, '../../dist/config', PRECOMPILED_VALIDATOR);

  it('gives the errors of the schema compiled at run time, for valid and invalid options alike', () => {
    expect(existsSync(built)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's output
    const precompiled = require(built) as ValidateFunction;
    const atRunTime = sharedAjv().compile(BASE_OPTIONS_SCHEMA);
    const samples: unknown[] = [
      {},
      { failOn: 'warning', targetName: 'audit', projects: { include: ['libs/*'] }, deps: { anything: true } },
      { failOn: 'sometimes', targetName: 'x y', checks: { a: 'bad' }, ignore: [{ check: 'a' }], maxFileBytes: -1 },
      { reportsDir: 3, baselineFile: '', packages: 'one', projects: { exclude: [1] } },
      'not an object',
    ];
    for (const sample of samples) {
      expect(precompiled(sample)).toBe(atRunTime(sample));
      expect(JSON.stringify(precompiled.errors ?? null)).toBe(JSON.stringify(atRunTime.errors ?? null));
    }
  });
});
