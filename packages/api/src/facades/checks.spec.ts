import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Check, FindingInput } from '@shipshape/core';
import { treeProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import { CLEAN, GEOMETRY, SHAPES } from './__fixtures__/libraries';
import asyncNaming from './async-naming';
import { checks } from './checks';
import errorHierarchy from './errors';
import naming from './naming';
import { booleanParameter, longParameterList } from './parameters';

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  for (const [name, root] of [
    ['shapes', 'libs/shapes'],
    ['geometry', 'libs/geometry'],
    ['clean-ts', 'libs/clean-ts'],
    ['clean-py', 'libs/clean-py'],
  ])
    addProjectConfiguration(tree, name, { root, projectType: 'library' });
  for (const [path, content] of Object.entries({ ...SHAPES, ...GEOMETRY, ...CLEAN })) tree.write(path, content);
  return tree;
}

let tree: Tree;
beforeAll(() => {
  tree = workspace();
});

const run = async (check: Check, name: string): Promise<FindingInput[]> => check.run(treeProject(tree, name, [API_OPTIONS]));
const summary = (findings: FindingInput[]) => findings.map((f) => `${f.file}:${f.line} ${f.key}`).sort();

describe('api/naming', () => {
  it('reports snake_case values and lower-case types of the public API, and leaves the real-code exceptions alone', async () => {
    expect(summary(await run(naming, 'shapes'))).toEqual([
      'libs/shapes/src/lib/draw.ts:2 ts:interface:shapeOptions',
      'libs/shapes/src/lib/draw.ts:9 ts:function:draw_shape',
    ]);
  });

  it('reports camelCase Python functions but not a camelCase alias of a snake_case one, nor what the facade does not export', async () => {
    expect(summary(await run(naming, 'geometry'))).toEqual(['libs/geometry/geometry/_shapes.py:26 py:function:drawShape']);
  });

  it('stays quiet on clean libraries', async () => {
    expect(await run(naming, 'clean-ts')).toEqual([]);
    expect(await run(naming, 'clean-py')).toEqual([]);
  });
});

describe('api/long-parameter-list and api/boolean-parameter', () => {
  it('reports long lists and boolean flags of public functions and methods (TypeScript)', async () => {
    expect(summary(await run(longParameterList, 'shapes'))).toEqual(['libs/shapes/src/lib/draw.ts:12 ts:makeBox']);
    expect(summary(await run(booleanParameter, 'shapes'))).toEqual([
      'libs/shapes/src/lib/draw.ts:15 ts:resize:keepRatio',
      'libs/shapes/src/lib/draw.ts:37 ts:Canvas.paint:fill',
    ]);
  });

  it('reports them in Python before a bare *, leaving protocol methods, private ones and conditional stand-ins alone', async () => {
    expect(summary(await run(longParameterList, 'geometry'))).toEqual(['libs/geometry/geometry/_shapes.py:18 py:area']);
    expect(summary(await run(booleanParameter, 'geometry'))).toEqual(['libs/geometry/geometry/_shapes.py:8 py:Box.resize:keep_ratio']);
  });

  it('reads the limit from the options', async () => {
    const project = treeProject(tree, 'shapes', [API_OPTIONS]);
    project.options.sections.api = { facades: { maxPositionalParameters: 5 } };
    expect(await longParameterList.run(project)).toEqual([]);
  });

  it('stays quiet on clean libraries', async () => {
    for (const name of ['clean-ts', 'clean-py']) {
      expect(await run(longParameterList, name)).toEqual([]);
      expect(await run(booleanParameter, name)).toEqual([]);
    }
  });
});

describe('api/error-hierarchy', () => {
  it('reports thrown strings and an error outside the hierarchy (TypeScript)', async () => {
    expect(summary(await run(errorHierarchy, 'shapes'))).toEqual([
      "libs/shapes/src/lib/draw.ts:19 ts:string:libs/shapes/src/lib/draw.ts:'assertion failed: ' + message",
      'libs/shapes/src/lib/draw.ts:38 ts:string:libs/shapes/src/lib/draw.ts:`cannot paint ${box.width}`',
      'libs/shapes/src/lib/errors.ts:4 root:OtherError',
    ]);
  });

  it('reports a raised string as an error, a plain Exception and an error outside the hierarchy (Python)', async () => {
    const findings = await run(errorHierarchy, 'geometry');
    expect(summary(findings)).toEqual([
      'libs/geometry/geometry/_errors.py:13 root:OtherError',
      'libs/geometry/geometry/_shapes.py:20 py:generic:area:Exception',
      'libs/geometry/geometry/_shapes.py:22 py:string:.area',
    ]);
    expect(findings.find((f) => f.key === 'py:string:.area')?.severity).toBe('error');
  });

  it('stays quiet on clean libraries', async () => {
    expect(await run(errorHierarchy, 'clean-ts')).toEqual([]);
    expect(await run(errorHierarchy, 'clean-py')).toEqual([]);
  });
});

describe('api/async-naming', () => {
  it('reports the pairs of the less used convention', async () => {
    expect(summary(await run(asyncNaming, 'shapes'))).toEqual(['libs/shapes/src/lib/io.ts:2 ts:readFileAsync']);
    expect(summary(await run(asyncNaming, 'geometry'))).toEqual(['libs/geometry/geometry/_io.py:21 py:store_async']);
  });

  it('stays quiet where the library uses one convention', async () => {
    expect(await run(asyncNaming, 'clean-ts')).toEqual([]);
    expect(await run(asyncNaming, 'clean-py')).toEqual([]);
  });
});

it('lists every check of the area once, each with the facades plan item', () => {
  expect(checks.map((c) => c.id)).toEqual([
    'api/naming',
    'api/long-parameter-list',
    'api/boolean-parameter',
    'api/error-hierarchy',
    'api/async-naming',
  ]);
  expect(new Set(checks.map((c) => c.planItem))).toEqual(new Set(['api/facades']));
});
