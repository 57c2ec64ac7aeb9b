import { addProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { treeProject } from '../../testing/projects';
import { importedModuleFile } from './python-modules';

function project() {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'ledger', { root: 'libs/ledger' });
  tree.write('libs/ledger/pyproject.toml', '[project]\nname = "acme-ledger"\n');
  for (const file of ['__init__.py', 'core.py', 'books/__init__.py', 'books/entries.py'])
    tree.write(`libs/ledger/src/acme_ledger/${file}`, '');
  return treeProject(tree, 'ledger');
}

describe('importedModuleFile', () => {
  const pkg = 'libs/ledger/src/acme_ledger';

  it('finds the module or package a relative import names, one folder up a level', () => {
    const ledger = project();
    expect(importedModuleFile(ledger, `${pkg}/__init__.py`, 'core', 1)).toBe(`${pkg}/core.py`);
    expect(importedModuleFile(ledger, `${pkg}/__init__.py`, 'books', 1)).toBe(`${pkg}/books/__init__.py`);
    expect(importedModuleFile(ledger, `${pkg}/books/entries.py`, 'core', 2)).toBe(`${pkg}/core.py`);
    expect(importedModuleFile(ledger, `${pkg}/books/entries.py`, '', 1)).toBe(`${pkg}/books/__init__.py`);
  });

  it("finds an absolute import of the project's own package, and nothing for another distribution or a missing module", () => {
    const ledger = project();
    expect(importedModuleFile(ledger, `${pkg}/core.py`, 'acme_ledger.books.entries', 0)).toBe(`${pkg}/books/entries.py`);
    expect(importedModuleFile(ledger, `${pkg}/core.py`, 'acme_ledger', 0)).toBe(`${pkg}/__init__.py`);
    expect(importedModuleFile(ledger, `${pkg}/core.py`, 'requests', 0)).toBeUndefined();
    expect(importedModuleFile(ledger, `${pkg}/core.py`, 'missing', 1)).toBeUndefined();
  });
});
