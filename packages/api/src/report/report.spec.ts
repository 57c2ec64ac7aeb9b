import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { diskProject, tempWorkspace } from '@shipshape/core/testing';
import apiReportExecutor from '../executors/api-report/api-report';
import { apiReportGenerator } from '../generators/api-report/api-report';
import { API_OPTIONS } from '../options';
import { diskTree, flush, gitCommit, gitInit, PY_LIB, TS_LIB } from './__fixtures__/libraries';
import { buildPythonReports } from './python';
import { reportMissing } from './report-missing';
import type { SemverFile } from './semver';
import { apiReportTarget } from './target';
import { buildTypescriptReports } from './typescript';

process.env.SHIPSHAPE_PYTHON ??= '/usr/bin/python3';

const context = (root: string, name: string, projectRoot: string) =>
  ({
    root,
    projectName: name,
    projectsConfigurations: { version: 2, projects: { [name]: { root: projectRoot } } },
  }) as unknown as ExecutorContext;

const quietly = async <T>(fn: () => Promise<T>): Promise<T> => {
  const spies = [
    jest.spyOn(console, 'log').mockImplementation(() => undefined),
    jest.spyOn(console, 'error').mockImplementation(() => undefined),
  ];
  try {
    return await fn();
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
};

/** What the executor printed on stderr. */
const printed = async (fn: () => Promise<unknown>): Promise<{ result: unknown; errors: string }> => {
  const lines: string[] = [];
  const spies = [
    jest.spyOn(console, 'log').mockImplementation(() => undefined),
    jest.spyOn(console, 'error').mockImplementation((l: string) => void lines.push(l)),
  ];
  try {
    return { result: await fn(), errors: lines.join('\n') };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
};

describe('TypeScript API reports (api-extractor, one per exports entry)', () => {
  const ws = tempWorkspace(TS_LIB);
  beforeAll(() => gitInit(ws.root));
  afterAll(() => ws.remove());
  const project = () => diskProject(ws.root, 'libs/shapes', { name: 'shapes', sections: [API_OPTIONS] });

  it('builds one report per exports entry, named after the package and the subpath', async () => {
    const build = await buildTypescriptReports(project());
    expect(build.reports.map((r) => [r.entry, r.file])).toEqual([
      ['.', 'api/shapes.api.md'],
      ['./utils', 'api/shapes-utils.api.md'],
    ]);
    expect(build.reports[0].text).toContain('export function area(side: number): number;');
    expect(build.reports[0].text).not.toContain('clamp');
    expect(build.reports[1].text).toContain('## API Report File for "@acme/shapes/utils"');
    expect(build.reports[1].text).toContain('export function clamp(value: number, min?: number): number;');
  }, 120_000);

  it('the check finds the missing reports: one finding when there is none', async () => {
    const findings = await reportMissing.run(project());
    expect(findings).toEqual([expect.objectContaining({ key: 'missing', line: 1, file: 'libs/shapes/package.json' })]);
    expect(findings[0].message).toContain('2 public entries (".", "./utils")');
  });

  it('the generator writes the reports and semver.json, and a second run changes nothing', async () => {
    const tree = diskTree(ws.root);
    await quietly(() => apiReportGenerator(tree, { project: 'shapes' }));
    expect(
      tree
        .listChanges()
        .map((c) => c.path)
        .sort(),
    ).toEqual(['libs/shapes/api/semver.json', 'libs/shapes/api/shapes-utils.api.md', 'libs/shapes/api/shapes.api.md']);
    flush(tree);
    expect(existsSync(join(ws.root, 'libs/shapes/api/shapes.api.md'))).toBe(true);
    const again = diskTree(ws.root);
    await quietly(() => apiReportGenerator(again, { project: 'shapes' }));
    expect(again.listChanges()).toEqual([]);
    expect(await reportMissing.run(project())).toEqual([]);
    gitCommit(ws.root, 'reports', 'v1.0.0');
  }, 120_000);

  it('the check names one missing report at its exports line when the others are there', async () => {
    const utils = join(ws.root, 'libs/shapes/api/shapes-utils.api.md');
    const text = readFileSync(utils, 'utf8');
    rmSync(utils);
    try {
      const findings = await reportMissing.run(project());
      expect(findings.map((f) => [f.key, f.line])).toEqual([['missing:api/shapes-utils.api.md', 9]]);
    } finally {
      writeFileSync(utils, text);
    }
  }, 120_000);

  it('the api target passes while the reports match the code', async () => {
    const run = await quietly(() => apiReportExecutor({}, context(ws.root, 'shapes', 'libs/shapes')));
    expect(run.success).toBe(true);
    const json = JSON.parse(readFileSync(join(ws.root, 'reports/shipshape/libs/shapes/api.json'), 'utf8')) as SemverFile;
    expect(json.bump).toBe('none');
  }, 120_000);

  it('fails on a breaking change, names it and classifies it major; the generator records it since the release tag', async () => {
    const index = join(ws.root, 'libs/shapes/src/index.ts');
    writeFileSync(index, readFileSync(index, 'utf8').replace('area(side: number)', 'area(side: number, unit: string)'));
    const { result, errors } = await printed(() => apiReportExecutor({}, context(ws.root, 'shapes', 'libs/shapes')));
    expect((result as { success: boolean }).success).toBe(false);
    expect(errors).toContain('libs/shapes/api/shapes.api.md differs from the code');
    expect(errors).toContain('+ export function area(side: number, unit: string): number;');
    expect(errors).toContain('MAJOR');
    expect(errors).toMatch(/new required parameter unit/);
    const json = JSON.parse(readFileSync(join(ws.root, 'reports/shipshape/libs/shapes/api.json'), 'utf8')) as SemverFile;
    expect(json.reports.find((r) => r.entry === '.')).toMatchObject({ status: 'changed', bump: 'major' });
    expect(json.reports.find((r) => r.entry === './utils')).toMatchObject({ status: 'same', bump: 'none' });
    expect(existsSync(join(ws.root, 'reports/shipshape/libs/shapes/api/api/shapes.api.md'))).toBe(true);

    const tree = diskTree(ws.root);
    await quietly(() => apiReportGenerator(tree, { project: 'shapes' }));
    const semver = JSON.parse(tree.read('libs/shapes/api/semver.json', 'utf-8')!) as SemverFile;
    expect(semver).toMatchObject({ baseline: 'v1.0.0', bump: 'major' });
    expect(semver.reports[0].changes).toEqual([
      expect.objectContaining({ name: 'area(unit)', kind: 'parameter-added-required', bump: 'major' }),
    ]);
  }, 120_000);

  it('the generator reports the code as the Tree has it (an earlier step of the phase), and writes nothing to disk', async () => {
    const tree = diskTree(ws.root);
    const utils = 'libs/shapes/src/utils.ts';
    tree.write(
      utils,
      `${tree.read(utils, 'utf-8')}\n/**\n * Linear interpolation.\n * @public\n */\nexport function lerp(a: number, b: number, t: number): number {\n  return a + (b - a) * t;\n}\n`,
    );
    await quietly(() => apiReportGenerator(tree, { project: 'shapes' }));
    expect(tree.read('libs/shapes/api/shapes-utils.api.md', 'utf-8')).toContain(
      'export function lerp(a: number, b: number, t: number): number;',
    );
    expect(readFileSync(join(ws.root, 'libs/shapes/api/shapes-utils.api.md'), 'utf8')).not.toContain('lerp');
    expect(readFileSync(join(ws.root, utils), 'utf8')).not.toContain('lerp');
  }, 120_000);

  it('a project that does not compile gets one message naming the compiler error', async () => {
    const broken = tempWorkspace({ ...TS_LIB, 'libs/shapes/src/utils.ts': 'export const x: number = "no";\n' });
    try {
      const { result, errors } = await printed(() => apiReportExecutor({}, context(broken.root, 'shapes', 'libs/shapes')));
      expect((result as { success: boolean }).success).toBe(false);
      expect(errors).toMatch(/^Shipshape: libs\/shapes\/tsconfig\.json: the project does not compile.*error TS2322/);
      expect(errors).not.toMatch(/\n\s+at /);
    } finally {
      broken.remove();
    }
  }, 120_000);
});

describe('Python API reports (griffe)', () => {
  const ws = tempWorkspace({ 'package.json': '{ "name": "ws", "private": true }\n', ...PY_LIB });
  beforeAll(() => gitInit(ws.root));
  afterAll(() => ws.remove());
  const project = () => diskProject(ws.root, 'libs/greet', { name: 'greet', sections: [API_OPTIONS] });

  it('the generator writes api/greet.api.md in the report shape, idempotently', async () => {
    expect((await reportMissing.run(project())).map((f) => f.key)).toEqual(['missing']);
    gitCommit(ws.root, 'release', 'v1.0.0');
    const tree = diskTree(ws.root);
    await quietly(() => apiReportGenerator(tree, { project: 'greet' }));
    const text = tree.read('libs/greet/api/greet.api.md', 'utf-8')!;
    expect(text).toMatch(/^## API Report File for "greet"/);
    expect(text).toContain('def greet(name: str) -> str: ...');
    expect(text).toContain("    def hello(self, punctuation: str = '!') -> str: ...");
    flush(tree);
    const again = diskTree(ws.root);
    await quietly(() => apiReportGenerator(again, { project: 'greet' }));
    expect(again.listChanges()).toEqual([]);
    expect(await reportMissing.run(project())).toEqual([]);
  }, 60_000);

  it('a breaking change fails the api target with its class and reason; semver.json compares with the release tag (griffe on the tagged sources)', async () => {
    const run = await quietly(() => apiReportExecutor({}, context(ws.root, 'greet', 'libs/greet')));
    expect(run.success).toBe(true);
    const core = join(ws.root, 'libs/greet/src/greet/core.py');
    writeFileSync(
      core,
      readFileSync(core, 'utf8')
        .replace('punctuation: str = "!"', 'punctuation: str = "?"')
        .replace('def greet(name: str)', 'def greet(name: str, times: int)'),
    );
    const { result, errors } = await printed(() => apiReportExecutor({}, context(ws.root, 'greet', 'libs/greet')));
    expect((result as { success: boolean }).success).toBe(false);
    expect(errors).toContain('MAJOR');
    expect(errors).toMatch(/greet(\.core)?:greet takes a new required parameter times/);
    expect(errors).toMatch(/the default of punctuation in greet(\.core)?:Greeter\.hello changed from '!' to '\?'/);
    const tree = diskTree(ws.root);
    await quietly(() => apiReportGenerator(tree, { project: 'greet' }));
    const semver = JSON.parse(tree.read('libs/greet/api/semver.json', 'utf-8')!) as SemverFile;
    expect(semver).toMatchObject({ baseline: 'v1.0.0', bump: 'major' });
    expect(semver.reports[0].changes.map((c) => c.kind).sort()).toEqual(
      expect.arrayContaining(['parameter-added-required', 'parameter-default-changed']),
    );
  }, 60_000);
});

describe('griffe missing', () => {
  const ws = tempWorkspace({ 'package.json': '{ "name": "ws", "private": true }\n', ...PY_LIB });
  afterAll(() => ws.remove());

  it('is one message with the command that installs it', async () => {
    // a virtual environment without the system's site-packages: Debian's griffe is out of its reach
    execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', join(ws.root, 'venv')]);
    const project = diskProject(ws.root, 'libs/greet', {
      name: 'greet',
      sections: [API_OPTIONS],
      options: { python: join(ws.root, 'venv/bin/python3') },
    });
    await expect(buildPythonReports(project)).rejects.toThrow(
      /^griffe is not installed for \S+; install it with: pip install griffe \(or apt install python3-griffe\)/,
    );
  }, 60_000);
});

describe('the inferred api target', () => {
  const ws = tempWorkspace({
    ...TS_LIB,
    ...PY_LIB,
    'libs/private/package.json': '{ "name": "@acme/private", "private": true, "exports": "./index.js" }\n',
    'libs/nopkg/pyproject.toml': '[project]\nname = "nopkg"\n',
  });
  afterAll(() => ws.remove());

  it('is cached, reads the sources, manifest, tsconfig, committed reports and built declarations, and runs after build', () => {
    const target = apiReportTarget('libs/shapes', 'typescript', ws.root)!;
    expect(target).toMatchObject({ executor: '@shipshape/api:api-report', cache: true, dependsOn: ['build'] });
    expect(target.inputs).toEqual(
      expect.arrayContaining([
        '{projectRoot}/package.json',
        '{projectRoot}/tsconfig*.json',
        '{projectRoot}/api/*.api.md',
        '{projectRoot}/dist/**/*.d.{ts,mts,cts}',
      ]),
    );
    expect(target.outputs).toEqual([
      '{workspaceRoot}/reports/shipshape/{projectRoot}/api.json',
      '{workspaceRoot}/reports/shipshape/{projectRoot}/api',
    ]);
    expect(apiReportTarget('libs/greet', 'python', ws.root)).toMatchObject({ cache: true });
  });

  it("hashes a Python project's reports with the interpreter and griffe's version, which make them", () => {
    expect(apiReportTarget('libs/greet', 'python', ws.root)!.inputs).toContainEqual({
      runtime: expect.stringContaining("for d in ('griffe',)"),
    });
    expect(apiReportTarget('libs/shapes', 'typescript', ws.root)!.inputs).not.toContainEqual({
      runtime: expect.stringContaining('griffe'),
    });
  });

  it('hashes @shipshape/api and TypeScript through Nx only where the lock file installs them (Nx fails the run otherwise)', () => {
    // This workspace has no lock file: Nx has no external node for them.
    expect(apiReportTarget('libs/shapes', 'typescript', ws.root)!.inputs).not.toContainEqual(
      expect.objectContaining({ externalDependencies: expect.anything() }),
    );
    expect(apiReportTarget('libs/shapes', 'typescript', ws.root)!.inputs).toContainEqual({
      runtime: expect.stringContaining('node_modules/typescript/package.json'),
    });
    const locked = tempWorkspace({
      ...TS_LIB,
      'package-lock.json': `${JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/@shipshape/api': {}, 'node_modules/typescript': {} } }, null, 2)}\n`,
    });
    try {
      expect(apiReportTarget('libs/shapes', 'typescript', locked.root)!.inputs).toContainEqual({
        externalDependencies: ['@shipshape/api', 'typescript'],
      });
    } finally {
      locked.remove();
    }
  });

  it('is left out where there is no public entry: a private package, a pyproject without a package', () => {
    expect(apiReportTarget('libs/private', 'typescript', ws.root)).toBeUndefined();
    expect(apiReportTarget('libs/nopkg', 'python', ws.root)).toBeUndefined();
  });
});
