import { join } from 'node:path';
import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { addFixture, generatorLogs, pythonImport, withFilesOnDisk } from '../../__fixtures__/tree';
import { pythonSrcLayoutGenerator } from './python-src-layout';

const ROOT = 'libs/ledger-py';
const examples = join(__dirname, '../../../../../examples/libs/ledger-py');

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addFixture(tree, examples, ROOT);
  tree.delete(`${ROOT}/project.json`);
  addProjectConfiguration(tree, 'ledger-py', { root: ROOT, sourceRoot: `${ROOT}/ledger`, projectType: 'library', tags: ['lang:python'] });
  return tree;
}

describe('python-src-layout generator', () => {
  const { info, warnings } = generatorLogs();

  it('moves the flat package into src/, lists every move, and updates the build config and sourceRoot', async () => {
    const tree = workspace();
    const before = tree.read(`${ROOT}/pyproject.toml`, 'utf-8')!;
    await pythonSrcLayoutGenerator(tree, { project: 'ledger-py', skipFormat: true });
    const moved = [
      '__init__.py',
      'accounts.py',
      'amounts.py',
      'balancing.py',
      'csv_import.py',
      'journal.py',
      'reports/export.py',
      'reports/trial_balance.py',
    ];
    expect(info).toEqual(moved.map((f) => `@shipshape/structure:python-src-layout: move ${ROOT}/ledger/${f} -> ${ROOT}/src/ledger/${f}`));
    for (const f of moved) {
      expect(tree.exists(`${ROOT}/ledger/${f}`)).toBe(false);
      expect(tree.exists(`${ROOT}/src/ledger/${f}`)).toBe(true);
    }
    expect(tree.read(`${ROOT}/pyproject.toml`, 'utf-8')).toBe(before.replace('packages = ["ledger"]', 'packages = ["src/ledger"]'));
    expect(JSON.parse(tree.read(`${ROOT}/project.json`, 'utf-8')!).sourceRoot).toBe(`${ROOT}/src/ledger`);
    expect(warnings.join('\n')).toContain(`need the package installed (pip install -e ${ROOT}): ${ROOT}/scratch.py`);
  });

  it('lists the config lines that still name the moved folder by its old path (a typing marker a wheel must ship)', async () => {
    const tree = workspace();
    tree.write(`${ROOT}/pyproject.toml`, `${tree.read(`${ROOT}/pyproject.toml`, 'utf-8')!}\n[tool.mypy]\nfiles = ["ledger"]\n`);
    tree.write(`${ROOT}/MANIFEST.in`, 'include ledger/py.typed\n');
    await pythonSrcLayoutGenerator(tree, { project: 'ledger-py', skipFormat: true });
    const lines = tree.read(`${ROOT}/pyproject.toml`, 'utf-8')!.split('\n');
    const mypyFiles = lines.indexOf('files = ["ledger"]') + 1;
    expect(warnings.join('\n')).toContain(
      `name a moved folder by its old path and may need src/ in front (not edited): ${ROOT}/pyproject.toml:${mypyFiles}, ${ROOT}/MANIFEST.in:1`,
    );
  });

  it('leaves a package that imports for real from src/', async () => {
    const tree = workspace();
    await pythonSrcLayoutGenerator(tree, { project: 'ledger-py', skipFormat: true });
    expect(
      withFilesOnDisk(tree, ROOT, (dir) =>
        pythonImport(
          dir,
          'src',
          'import ledger, ledger.journal',
          '[ledger.__file__.endswith("src/ledger/__init__.py"), ledger.Journal.__name__]',
        ),
      ),
    ).toEqual([true, 'Journal']);
  });

  it('changes nothing the second time', async () => {
    const tree = workspace();
    await pythonSrcLayoutGenerator(tree, { project: 'ledger-py', skipFormat: true });
    const changes = tree.listChanges().map((c) => [c.path, c.type]);
    await pythonSrcLayoutGenerator(tree, { project: 'ledger-py', skipFormat: true });
    expect(tree.listChanges().map((c) => [c.path, c.type])).toEqual(changes);
    expect(info[info.length - 1]).toBe(
      '@shipshape/structure:python-src-layout: ledger-py already has its packages under src/: nothing to move',
    );
  });

  it('refuses to move onto an existing folder, and writes nothing', async () => {
    const tree = workspace();
    tree.write(`${ROOT}/src/ledger/old.py`, '');
    const before = tree.listChanges().length;
    await expect(pythonSrcLayoutGenerator(tree, { project: 'ledger-py' })).rejects.toThrow(
      `cannot move ${ROOT}/ledger to ${ROOT}/src/ledger: ${ROOT}/src/ledger already exists`,
    );
    expect(tree.listChanges().length).toBe(before);
  });
});
