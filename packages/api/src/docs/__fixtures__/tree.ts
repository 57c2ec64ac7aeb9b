// A TS and a Python library on an in-memory Nx Tree, for the docs area's specs.
import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';

export const TS_ROOT = 'libs/shapes';
export const PY_ROOT = 'libs/geometry';

export const TS_FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: '@acme/shapes',
      version: '1.0.0',
      type: 'module',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './units': { types: './dist/units.d.ts', default: './dist/units.js' },
        './package.json': './package.json',
      },
    },
    null,
    2,
  ),
  'tsconfig.json': JSON.stringify(
    // skipLibCheck as most libraries have it: the API report's tsc (the conformance phase) checks the sources, not TypeScript's lib files
    {
      compilerOptions: { rootDir: 'src', outDir: 'dist', declaration: true, strict: true, module: 'nodenext', skipLibCheck: true },
      include: ['src'],
    },
    null,
    2,
  ),
  'src/index.ts': "export { area, type Shape } from './shape.js';\nexport * from './square.js';\n",
  'src/shape.ts':
    '/** A closed figure. */\nexport interface Shape {\n  /** How many sides it has. */\n  sides: number;\n  name: string;\n}\n\n/** The area of a shape, in square units. */\nexport function area(shape: Shape): number {\n  return shape.sides;\n}\n',
  'src/square.ts': "import type { Shape } from './shape.js';\n\nexport const square: Shape = { sides: 4, name: 'square' };\n",
  'src/units.ts': '/** Metres. */\nexport const METRE = 1;\n',
};

export const PY_FILES: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "geometry"\nversion = "0.1.0"\n',
  'src/geometry/__init__.py': '"""Geometry."""\nfrom .circle import Circle\n\n__all__ = ["Circle"]\n',
  'src/geometry/circle.py':
    '"""Circles."""\n\n\nclass Circle:\n    """A circle."""\n\n    def area(self) -> float:\n        return 3.14\n\n    def _cache(self):\n        pass\n\n\ndef unit() -> Circle:\n    """The unit circle."""\n    return Circle()\n',
  'src/geometry/_internal.py': 'def helper():\n    pass\n',
  'src/geometry/tests/test_circle.py': 'def test_area():\n    pass\n',
};

export function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'shapes', { root: TS_ROOT, projectType: 'library' });
  addProjectConfiguration(tree, 'geometry', { root: PY_ROOT, projectType: 'library' });
  for (const [file, content] of Object.entries(TS_FILES)) tree.write(`${TS_ROOT}/${file}`, content);
  for (const [file, content] of Object.entries(PY_FILES)) tree.write(`${PY_ROOT}/${file}`, content);
  return tree;
}

