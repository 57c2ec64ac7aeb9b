import { join } from 'node:path';
import type { Check, FindingInput } from '@shipshape/core';
import { projectAt } from '../__fixtures__/checks';
import packageJsonMetadata from './package-json-metadata';
import pyprojectMetadata from './pyproject-metadata';

const fixtures = join(__dirname, '__fixtures__');
/** Findings as `file:line:column key`: where a missing field is reported matters here. */
const placed = async (check: Check, name: string) =>
  (await check.run(projectAt(fixtures, name))).map((f: FindingInput) => `${f.file}:${f.line}:${f.column} ${f.key}`);

const bare = (file: string, at: string, keys: string[]) => keys.map((key) => `${file}:${at} ${key}`);

describe('required metadata fields', () => {
  it.each<[string, Check, string, string[]]>([
    ['a complete package.json', packageJsonMetadata, 'complete-ts', []],
    [
      'each missing or empty field, at the object that should hold it',
      packageJsonMetadata,
      'bare-ts',
      bare('bare-ts/package.json', '2:3', ['description', 'license', 'repository', 'files', 'types']),
    ],
    ['a project without package.json', packageJsonMetadata, 'bare-py', []],
    ['complete pyproject.toml metadata', pyprojectMetadata, 'complete-py', []],
    ['fields declared dynamic', pyprojectMetadata, 'dynamic-py', []],
    [
      'missing fields at the [project] header and a missing [build-system]',
      pyprojectMetadata,
      'bare-py',
      [
        'bare-py/pyproject.toml:1:1 build-system',
        ...bare('bare-py/pyproject.toml', '4:1', ['description', 'readme', 'requires-python', 'license', 'authors', 'urls']),
      ],
    ],
    [
      'a pyproject.toml without [project], once',
      pyprojectMetadata,
      'no-project-py',
      bare('no-project-py/pyproject.toml', '1:1', ['build-system', 'project']),
    ],
  ])('%s', async (_title, check, fixture, expected) => {
    expect(await placed(check, fixture)).toEqual(expected);
  });
});
