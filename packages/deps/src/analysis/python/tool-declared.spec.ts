import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { treeProject } from '@shipshape/core/testing';
import { pruneGenerator } from '../../generators/prune/prune';
import { DEPS_OPTIONS } from '../../options';
import { completeAnalysis } from '../dependency-analysis';

const PYPROJECT = `[tool.poetry]
name = "poetry-lib"
version = "1.0.0"

[tool.poetry.dependencies]
python = "^3.9"
requests = "^2.31"
six = "^1.16"

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"

[build-system]
requires = ["poetry-core"]
build-backend = "poetry.core.masonry.api"
`;

describe('dependencies declared in a Python tool table (Poetry)', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('libs/poetry-lib/pyproject.toml', PYPROJECT);
    tree.write('libs/poetry-lib/poetry_lib/__init__.py', 'import requests\n');
    tree.write('libs/poetry-lib/tests/test_lib.py', 'import pytest\n');
  });

  const problems = async () =>
    (await completeAnalysis(treeProject(tree, 'poetry-lib', [DEPS_OPTIONS]))).flatMap((a) =>
      a.problems.map((p) => `${p.kind} ${p.name}: ${p.message}`),
    );

  it('count as declarations: what they declare is not missing, and what nothing uses is unused', async () => {
    expect(await problems()).toEqual([
      'unused six: "six" is declared in [tool.poetry.dependencies] but no code, script or configuration of poetry-lib uses it: unless something needs it without importing it (a dependency\'s optional feature, an entry point), remove it',
    ]);
  });

  it('are left to the user by the generators, which never edit a tool table', async () => {
    await pruneGenerator(tree, { project: 'poetry-lib', skipFormat: true });
    expect(tree.read('libs/poetry-lib/pyproject.toml', 'utf-8')).toBe(PYPROJECT);
  });
});
