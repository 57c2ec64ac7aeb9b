import { join } from 'node:path';
import type { Check, FindingInput } from '@shipshape/core';
import { diskProject } from '@shipshape/core/testing';
import packageJsonMetadata from './package-json-metadata';
import pyprojectMetadata from './pyproject-metadata';

const fixtures = join(__dirname, '__fixtures__');
const project = (name: string) => diskProject(fixtures, name, { name });
const run = async (check: Check, name: string): Promise<FindingInput[]> => check.run(project(name));
const summary = (findings: FindingInput[]) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.key}`);

describe('structure/package-json-metadata', () => {
  it('stays quiet on a complete package.json', async () => {
    expect(await run(packageJsonMetadata, 'complete-ts')).toEqual([]);
  });

  it('reports each missing or empty field at the object that should hold it', async () => {
    expect(summary(await run(packageJsonMetadata, 'bare-ts'))).toEqual([
      'bare-ts/package.json:2:3 description',
      'bare-ts/package.json:2:3 license',
      'bare-ts/package.json:2:3 repository',
      'bare-ts/package.json:2:3 files',
      'bare-ts/package.json:2:3 types',
    ]);
  });

  it('has nothing to say about a project without package.json', async () => {
    expect(await run(packageJsonMetadata, 'bare-py')).toEqual([]);
  });
});

describe('structure/pyproject-metadata', () => {
  it('stays quiet on complete metadata, including fields declared dynamic', async () => {
    expect(await run(pyprojectMetadata, 'complete-py')).toEqual([]);
    expect(await run(pyprojectMetadata, 'dynamic-py')).toEqual([]);
  });

  it('reports missing fields at the [project] header and a missing [build-system]', async () => {
    expect(summary(await run(pyprojectMetadata, 'bare-py'))).toEqual([
      'bare-py/pyproject.toml:1:1 build-system',
      'bare-py/pyproject.toml:4:1 description',
      'bare-py/pyproject.toml:4:1 readme',
      'bare-py/pyproject.toml:4:1 requires-python',
      'bare-py/pyproject.toml:4:1 license',
      'bare-py/pyproject.toml:4:1 authors',
      'bare-py/pyproject.toml:4:1 urls',
    ]);
  });

  it('reports a pyproject.toml without [project] once', async () => {
    expect(summary(await run(pyprojectMetadata, 'no-project-py'))).toEqual([
      'no-project-py/pyproject.toml:1:1 build-system',
      'no-project-py/pyproject.toml:1:1 project',
    ]);
  });
});
