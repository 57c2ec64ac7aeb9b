// This area's part of the package's conformance fixture (src/conformance.spec.ts): the libraries of its specs
// (tree.ts), bare, with docs that have a gap, and documented as the docs generator sets them up.
import { newMkdocsConfig, newTypedocConfig } from '../config';
import { PY_FILES, TS_FILES } from './tree';

/** PY_FILES with its package (src/geometry) under another name, so that each project of the workspace has its own. */
function pythonLibrary(name: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(PY_FILES).map(([path, content]) => [
      path.replace(/^src\/geometry\//, `src/${name}/`),
      path === 'pyproject.toml' ? content.replace('name = "geometry"', `name = "${name.replace(/_/g, '-')}"`) : content,
    ]),
  );
}

/** The TS library with a typedoc.json naming an entry point that is not there, and two public symbols without a doc comment. */
const shapes: Record<string, string> = {
  ...TS_FILES,
  'package.json': TS_FILES['package.json'].replace('"@acme/shapes"', '"@acme/docs-shapes"'),
  'typedoc.json': newTypedocConfig({ entryPoints: ['src/index.ts', 'src/units.ts', 'src/gone.ts'] }),
};

/** The Python library with its mkdocs site (Material + mkdocstrings) and no API page yet. */
const site: Record<string, string> = {
  ...pythonLibrary('docs_site'),
  'mkdocs.yml': newMkdocsConfig({ siteName: 'docs-site', python: true, paths: ['src'] }),
  'docs/index.md': '# Geometry\n',
};

/** The Python library documented: every public symbol with a docstring, its floor recorded, its API page written. */
const documented: Record<string, string> = {
  ...pythonLibrary('docs_documented'),
  'src/docs_documented/__init__.py': '"""Geometry."""\nfrom .circle import Circle, unit\n\n__all__ = ["Circle", "unit"]\n',
  'src/docs_documented/circle.py':
    '"""Circles."""\n\n\nclass Circle:\n    """A circle."""\n\n    def area(self) -> float:\n        """The area of the circle."""\n        return 3.14\n\n    def _cache(self):\n        pass\n\n\ndef unit() -> Circle:\n    """The unit circle."""\n    return Circle()\n',
  'mkdocs.yml': newMkdocsConfig({ siteName: 'docs-documented', python: true, paths: ['src'] }),
  'docs/index.md': '# Geometry\n',
  'docs/api.md': '# API\n\n::: docs_documented\n',
  'api/floors.json': '{ "docs/documented": 100 }\n',
};

const SHAPES = 'libs/docs-shapes';
const BARE = 'libs/docs-bare';
const SITE = 'libs/docs-site';
const DOCUMENTED = 'libs/docs-documented';

export const conformanceFixtures = {
  projects: { [SHAPES]: shapes, [BARE]: pythonLibrary('docs_bare'), [SITE]: site, [DOCUMENTED]: documented },
  checkFixtures: {
    'docs/docs-setup': { finds: BARE, quiet: DOCUMENTED },
    'docs/docs-config': { finds: SHAPES, quiet: DOCUMENTED },
    'docs/undocumented': { finds: SHAPES, quiet: DOCUMENTED },
    'docs/api-pages': { finds: SITE, quiet: DOCUMENTED },
  },
  generatorRuns: {
    docs: [
      { project: 'docs-shapes', skipInstall: true },
      { project: 'docs-bare', skipInstall: true },
    ],
  },
};
