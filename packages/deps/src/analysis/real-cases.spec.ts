import type { Tree } from '@nx/devkit';
import { treeProject } from '@shipshape/core/testing';
import { categorizeGenerator } from '../generators/categorize/categorize';
import { pruneGenerator } from '../generators/prune/prune';
import { DEPS_OPTIONS } from '../options';
import { npmWorkspaceTree } from '../testing/fixture-workspace';
import { completeAnalysis } from './dependency-analysis';

/** The problems of a project on the Tree, as `kind name severity`. */
async function problems(tree: Tree, project: string): Promise<string[]> {
  return (await completeAnalysis(treeProject(tree, project, [DEPS_OPTIONS]))).flatMap((a) =>
    a.problems.map((p) => `${p.kind} ${p.name} ${p.severity ?? '-'}`),
  );
}

/**
 * The shapes of real repositories that the rules used to get wrong (issue 10): each project is written the way
 * the library named in its test writes it, reduced to what the rule needs.
 */
describe('dependency rules on the shapes of real code', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = npmWorkspaceTree();
  });

  it('requests: fallbacks for Python 2, feature-tested imports, typeshed names and its own test package are no dependencies', async () => {
    tree.write(
      'libs/req/pyproject.toml',
      '[project]\nname = "req"\nversion = "1.0.0"\nrequires-python = ">=3.9"\ndependencies = ["urllib3>=1.26"]\n\n[project.optional-dependencies]\nsocks = ["PySocks>=1.5.6"]\n',
    );
    tree.write(
      'libs/req/src/req/__init__.py',
      [
        'import urllib3',
        'from typing import TYPE_CHECKING',
        'try:',
        '    import simplejson as json',
        '    has_simplejson = True',
        'except ImportError:',
        '    import json',
        'if has_simplejson:',
        '    from simplejson import JSONDecodeError',
        'try:',
        '    from urllib3.contrib import pyopenssl',
        'except ImportError:',
        '    pyopenssl = None',
        'else:',
        '    import OpenSSL',
        'try:',
        '    from urllib3.contrib.socks import SOCKSProxyManager',
        'except ImportError:',
        '    SOCKSProxyManager = None',
        'if TYPE_CHECKING:',
        '    from _typeshed import SupportsRead',
        '    from typing_extensions import Self',
        '',
      ].join('\n'),
    );
    tree.write('libs/req/tests/__init__.py', '');
    tree.write('libs/req/tests/compat.py', 'try:\n    import StringIO\nexcept ImportError:\n    import io as StringIO\n');
    tree.write('libs/req/tests/test_lowlevel.py', 'from tests.compat import StringIO\nimport conftest\n');
    expect(await problems(tree, 'req')).toEqual([]);
  });

  it('httpx: a module that only a guarded import reaches is guarded, and a loop it detects at run time is no dependency', async () => {
    tree.write(
      'libs/hx/pyproject.toml',
      '[project]\nname = "hx"\nversion = "1.0.0"\ndependencies = []\n\n[project.optional-dependencies]\ncli = ["click>=8"]\n',
    );
    tree.write(
      'libs/hx/hx/__init__.py',
      'try:\n    from ._main import main\nexcept ImportError:\n    def main():\n        raise SystemExit("pip install hx[cli]")\n',
    );
    tree.write('libs/hx/hx/_main.py', 'import click\n');
    tree.write('libs/hx/hx/_transports.py', 'def event():\n    if is_running_trio():\n        import trio\n        return trio.Event()\n');
    expect(await problems(tree, 'hx')).toEqual([]);
  });

  it('rich: categorize never adds a [project] or [dependency-groups] table to a Poetry pyproject, and says where to declare', async () => {
    const pyproject = '[tool.poetry]\nname = "rch"\nversion = "1.0.0"\n\n[tool.poetry.dependencies]\npython = "^3.8"\n';
    tree.write('libs/rch/pyproject.toml', pyproject);
    tree.write('libs/rch/project.json', JSON.stringify({ name: 'rch', root: 'libs/rch' }));
    tree.write('libs/rch/rch/__init__.py', '');
    tree.write('libs/rch/tools/make_width_tables.py', 'import wcwidth\n');
    const analysis = await completeAnalysis(treeProject(tree, 'rch', [DEPS_OPTIONS]));
    expect(analysis[0].problems.map((p) => p.message)).toEqual([
      expect.stringContaining('declare it in a Poetry group, e.g. [tool.poetry.group.dev.dependencies]'),
    ]);
    await categorizeGenerator(tree, { project: 'rch', skipFormat: true });
    expect(tree.read('libs/rch/pyproject.toml', 'utf-8')).toBe(pyproject);
  });

  it('npm: a type-only import served by @types, a bundled devDependency, peers of declared tools and binaries named after packages', async () => {
    tree.write(
      'libs/srv/package.json',
      JSON.stringify({
        name: '@acme/srv',
        version: '1.0.0',
        main: './dist/index.js',
        scripts: { build: 'tsup', typecheck: 'flow check', release: 'release publish' },
        dependencies: {},
        devDependencies: {
          tsup: '8.0.0',
          '@types/aws-lambda': '8.0.0',
          next: '15.0.0',
          'react-dom': '19.0.0',
          '@rollup/plugin-typescript': '11.0.0',
          tslib: '2.0.0',
          'flow-bin': '0.200.0',
          '@ossjs/release': '0.8.0',
          unused: '1.0.0',
        },
      }),
    );
    tree.write('libs/srv/tsup.config.ts', "export default { entry: ['src/index.ts'] };\n");
    tree.write(
      'libs/srv/src/index.ts',
      "import type { Handler } from 'aws-lambda';\nimport { notFound } from 'next/navigation';\nexport const h: Handler | undefined = undefined;\nexport { notFound };\n",
    );
    // nothing is installed: binaries and peers are what the names and the table of well-known tools say
    expect(await problems(tree, '@acme/srv')).toEqual(['unused @rollup/plugin-typescript info', 'unused unused info']);
    await pruneGenerator(tree, { project: '@acme/srv', skipFormat: true });
    expect(JSON.parse(tree.read('libs/srv/package.json', 'utf-8') ?? '{}').devDependencies.unused).toBe('1.0.0');
  });

  it('npm: a workspace import is not reported missing when declaring it would close a cycle, through others too', async () => {
    const manifest = (name: string, dependencies: Record<string, string> = {}) =>
      JSON.stringify({ name, version: '1.0.0', main: './src/index.ts', dependencies });
    tree.write('libs/core/package.json', manifest('@acme/core'));
    tree.write('libs/core/src/index.ts', "import { ui } from '@acme/ui';\nimport { io } from '@acme/io';\nexport const all = [ui, io];\n");
    tree.write('libs/ui/package.json', manifest('@acme/ui', { '@acme/mid': '1.0.0' }));
    tree.write('libs/ui/src/index.ts', 'export const ui = 1;\n');
    tree.write('libs/mid/package.json', manifest('@acme/mid', { '@acme/core': '1.0.0' }));
    tree.write('libs/mid/src/index.ts', 'export const mid = 1;\n');
    tree.write('libs/io/package.json', manifest('@acme/io'));
    tree.write('libs/io/src/index.ts', 'export const io = 1;\n');
    // ui declares mid, which declares core: declaring ui in core closes a cycle; io does not
    expect(await problems(tree, '@acme/core')).toEqual(['missing @acme/io error']);
  });

  it('npm: a private package has no placement to get wrong', async () => {
    tree.write('libs/tests/package.json', JSON.stringify({ name: '@acme/tests', private: true, dependencies: { vitest: '3.0.0' } }));
    tree.write('libs/tests/server/a.test.ts', "import { it } from 'vitest';\nit('works', () => undefined);\n");
    expect(await problems(tree, '@acme/tests')).toEqual([]);
  });
});
