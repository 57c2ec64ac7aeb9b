import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { typescriptSources } from '@shipshape/core';
import { treeProject } from '@shipshape/core/testing';
import { changedSince, npmWorkspaceTree, treeSnapshot } from '../../testing/fixture-workspace';
import { featureDetectionGenerator } from './feature-detection';

const PLOT = `"""Plots, for users with the plot extra."""
import json
import matplotlib.pyplot as plt  # the optional one
import numpy


def draw() -> object:
    return plt.figure()
`;

function pythonLibrary(tree: Tree) {
  tree.write(
    'libs/charts/pyproject.toml',
    '[project]\nname = "acme-charts"\nversion = "1.0.0"\ndependencies = ["numpy>=1.26"]\n\n[project.optional-dependencies]\nplot = ["matplotlib>=3.7"]\n',
  );
  // the package imports plot.py when it loads: every user of the package loads the optional import
  tree.write('libs/charts/src/charts/__init__.py', '"""Charts."""\nfrom .plot import draw\n');
  tree.write('libs/charts/src/charts/plot.py', PLOT);
}

/** Runs Python on the package as the Tree has it, written to a temporary folder (numpy and matplotlib are not installed). */
function runPython(tree: Tree, code: string): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-feature-'));
  try {
    for (const file of ['__init__.py', 'plot.py', '_optional.py']) {
      const path = join(dir, 'charts', file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, tree.read(`libs/charts/src/charts/${file}`, 'utf-8') ?? '');
    }
    writeFileSync(join(dir, 'numpy.py'), '"""Stands in for numpy, a required dependency."""\n');
    return spawnSync('python3', ['-I', '-c', `import sys; sys.path.insert(0, ${JSON.stringify(dir)})\n${code}`], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('feature-detection generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = npmWorkspaceTree();
  });

  it('Python: wraps the module-level import of an optional dependency, and the package still imports without it', async () => {
    pythonLibrary(tree);
    await featureDetectionGenerator(tree, { project: 'acme-charts' });
    expect(tree.read('libs/charts/src/charts/plot.py', 'utf-8')).toBe(`"""Plots, for users with the plot extra."""
import json
try:
    import matplotlib.pyplot as plt
except ImportError:  # optional: installed with the "plot" extra
    from charts._optional import lazy

    plt = lazy("matplotlib.pyplot", distribution="matplotlib", extra="plot")
import numpy


def draw() -> object:
    return plt.figure()
`);
    const result = runPython(
      tree,
      'import charts.plot\ntry:\n    charts.plot.draw()\nexcept ImportError as error:\n    print(type(error).__name__, error)\n',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(
      "MissingOptionalDependency matplotlib.pyplot is part of the optional dependency matplotlib, which is not installed: pip install 'acme-charts[plot]'",
    );
  });

  it('Python: a second run changes nothing', async () => {
    pythonLibrary(tree);
    await featureDetectionGenerator(tree, { project: 'acme-charts' });
    const once = treeSnapshot(tree);
    await featureDetectionGenerator(tree, { project: 'acme-charts' });
    expect(changedSince(tree, once)).toEqual([]);
  });

  it('TS: scaffolds a loader whose import() is guarded, and the shared error class; the static import is left to the user', async () => {
    tree.write(
      'libs/pdf/package.json',
      JSON.stringify(
        {
          name: '@acme/pdf',
          version: '1.0.0',
          exports: { '.': './src/index.ts' },
          peerDependencies: { pdfkit: '^0.15.0' },
          peerDependenciesMeta: { pdfkit: { optional: true } },
        },
        null,
        2,
      ),
    );
    tree.write('libs/pdf/src/index.ts', "import PDFDocument from 'pdfkit';\n\nexport const make = () => new PDFDocument();\n");
    await featureDetectionGenerator(tree, { project: '@acme/pdf' });
    const loader = tree.read('libs/pdf/src/optional/pdfkit.ts', 'utf-8') ?? '';
    expect(loader).toContain('export function loadPdfkit(): Promise<PdfkitModule>');
    expect(loader).toContain("new MissingOptionalDependencyError('pdfkit', 'npm install pdfkit', reason)");
    const loaderImports =
      treeProject(tree, '@acme/pdf').get(typescriptSources).module('libs/pdf/src/optional/pdfkit.ts').info?.imports ?? [];
    expect(loaderImports.filter((i) => !i.typeOnly && i.specifier === 'pdfkit')).toEqual([
      expect.objectContaining({ kind: 'dynamic', guarded: true }),
    ]);
    expect(tree.read('libs/pdf/src/optional/missing-optional-dependency-error.ts', 'utf-8')).toContain(
      'export class MissingOptionalDependencyError extends Error',
    );
    expect(tree.read('libs/pdf/src/index.ts', 'utf-8')).toBe(
      "import PDFDocument from 'pdfkit';\n\nexport const make = () => new PDFDocument();\n",
    );
  });

  it('keeps a loader the user edited', async () => {
    tree.write(
      'libs/pdf/package.json',
      JSON.stringify({ name: '@acme/pdf', version: '1.0.0', optionalDependencies: { '@acme/fonts': '^1.0.0' } }),
    );
    tree.write('libs/pdf/src/optional/acme-fonts.ts', '// mine\n');
    await featureDetectionGenerator(tree, { project: '@acme/pdf', dependency: '@acme/fonts' });
    expect(tree.read('libs/pdf/src/optional/acme-fonts.ts', 'utf-8')).toBe('// mine\n');
    expect(tree.exists('libs/pdf/src/optional/missing-optional-dependency-error.ts')).toBe(true);
  });

  it('refuses a dependency that is not optional, naming the generator that makes it so', async () => {
    pythonLibrary(tree);
    await expect(featureDetectionGenerator(tree, { project: 'acme-charts', dependency: 'numpy' })).rejects.toThrow(
      '"numpy" is not an optional dependency of acme-charts; make it one first: nx g @shipshape/deps:optional-groups --project=acme-charts',
    );
  });
});
