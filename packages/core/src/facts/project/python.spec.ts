import { diskProject, tempWorkspace } from '../../testing';
import { pythonPackages } from './python';

/** PyYAML's layout: setuptools takes the packages from lib/ (package-dir), so lib/ is no package of its own; and a flat one. */
const LAYOUTS = {
  'libs/yaml/pyproject.toml': '[project]\nname = "PyYAML"\n[tool.setuptools]\npackage-dir = { "" = "lib" }\n',
  'libs/yaml/lib/yaml/__init__.py': 'from .error import *\n',
  'libs/yaml/lib/yaml/error.py': '__all__ = ["YAMLError"]\n',
  'libs/yaml/lib/_yaml/__init__.py': 'from yaml._yaml import *\n',
  'libs/yaml/tests/test_yaml.py': 'import yaml\n',
  'libs/flat/pyproject.toml': '[project]\nname = "flat"\n',
  'libs/flat/flat/__init__.py': '',
};

describe('pythonPackages', () => {
  let ws: ReturnType<typeof tempWorkspace>;
  beforeAll(() => (ws = tempWorkspace(LAYOUTS)));
  afterAll(() => ws.remove());

  it("reads setuptools' package-dir as the folder the packages live in", () => {
    const found = diskProject(ws.root, 'libs/yaml').get(pythonPackages);
    expect(found).toMatchObject({ layout: 'src', sourceDir: 'lib', folders: ['libs/yaml/lib/_yaml', 'libs/yaml/lib/yaml'] });
    expect([...found.importNames].sort()).toEqual(['_yaml', 'yaml']);
  });

  it('keeps the flat layout and src/ as the default folder', () => {
    expect(diskProject(ws.root, 'libs/flat').get(pythonPackages)).toMatchObject({
      layout: 'flat',
      sourceDir: 'src',
      folders: ['libs/flat/flat'],
    });
  });
});
