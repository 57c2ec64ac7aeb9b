import { join } from 'node:path';
import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { addFixture, expectIdempotent, generatorLogs, pythonImport, typeCheck, withFilesOnDisk } from '../../__fixtures__/tree';
import { moduleExports } from '@shipshape/core';
import { treeProject } from '@shipshape/core/testing';
import { exportsProgram } from '../../typescript/module-exports';
import { barrelsGenerator } from './barrels';

const TS_ROOT = 'libs/catalog';
const PY_ROOT = 'libs/catalog-py';

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'catalog', { root: TS_ROOT, sourceRoot: `${TS_ROOT}/src`, projectType: 'library' });
  addFixture(tree, join(__dirname, '__fixtures__/catalog-ts'), TS_ROOT);
  addFixture(tree, join(__dirname, '__fixtures__/catalog-py'), PY_ROOT);
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8')!;

describe('barrels generator, TypeScript', () => {
  const { warnings } = generatorLogs();

  it('writes every export * of the entry barrel as the names each module really exports, keeping comments', async () => {
    const tree = workspace();
    await barrelsGenerator(tree, { project: 'catalog', skipFormat: true });
    expect(read(tree, `${TS_ROOT}/src/index.ts`)).toBe(`/**
 * The public API of the catalog.
 */
export { createProduct, formatSku, Product } from './products';
export type { Sku } from './products';
// Prices and the rules behind them.
export { applyDiscount, DiscountKind, priceOf } from './pricing';
export type { Discount, PriceRule } from './pricing';
export * as units from './units';
export { VERSION } from './version';
export type { Currency, ProductInput } from './types';
export {} from './register';
export { normalizeSku } from './normalize-a';
export { normalizeName } from './normalize-b';
// Both normalizers export \`normalize\`: say which one the catalog means.
export { normalize } from './normalize-a';
`);
  });

  it('keeps the public API (names and type-only-ness) and compiles, with isolatedModules and verbatimModuleSyntax', async () => {
    const tree = workspace();
    const api = () => {
      const program = treeProject(tree, 'catalog').get(exportsProgram);
      return moduleExports(program, program.getSourceFileOrThrow(`/${TS_ROOT}/src/index.ts`));
    };
    const before = api();
    expect(withFilesOnDisk(tree, TS_ROOT, typeCheck)).toBe('');
    await barrelsGenerator(tree, { project: 'catalog', folders: 'src/render', skipFormat: true });
    expect(withFilesOnDisk(tree, TS_ROOT, typeCheck)).toBe('');
    expect(api()).toEqual(before);
    expect(before.length).toBe(16);
  });

  it('writes a barrel for a folder it is asked for, internals and tests left out', async () => {
    const tree = workspace();
    tree.write(`${TS_ROOT}/src/render/html.spec.ts`, "import { renderHtml } from './html';\nvoid renderHtml;\n");
    await barrelsGenerator(tree, { project: 'catalog', folders: 'src/render/', skipFormat: true });
    expect(read(tree, `${TS_ROOT}/src/render/index.ts`)).toBe(
      "export { renderHtml } from './html';\nexport type { HtmlOptions } from './html';\nexport { renderText } from './text';\n",
    );
  });

  it('changes nothing the second time', async () => {
    const tree = workspace();
    await barrelsGenerator(tree, { project: 'catalog', folders: 'src/render', skipFormat: true });
    const once = [
      read(tree, `${TS_ROOT}/src/index.ts`),
      read(tree, `${TS_ROOT}/src/render/index.ts`),
      read(tree, `${TS_ROOT}/src/pricing/index.ts`),
    ];
    const changes = tree.listChanges().length;
    await barrelsGenerator(tree, { project: 'catalog', folders: 'src/render', skipFormat: true });
    expect([
      read(tree, `${TS_ROOT}/src/index.ts`),
      read(tree, `${TS_ROOT}/src/render/index.ts`),
      read(tree, `${TS_ROOT}/src/pricing/index.ts`),
    ]).toEqual(once);
    expect(tree.listChanges().length).toBe(changes);
  });

  it('lists neither of two names that come from two export * (TypeScript exports neither), and says so', async () => {
    const tree = workspace();
    tree.write(`${TS_ROOT}/src/index.ts`, "export * from './normalize-a';\nexport * from './normalize-b';\n");
    await barrelsGenerator(tree, { project: 'catalog', skipFormat: true });
    expect(read(tree, `${TS_ROOT}/src/index.ts`)).toBe(
      "export { normalizeSku } from './normalize-a';\nexport { normalizeName } from './normalize-b';\n",
    );
    expect(warnings.join('\n')).toContain('"normalize" comes from more than one "export *"');
  });

  it('uses .js specifiers in a new barrel when the project writes its imports that way', async () => {
    const tree = workspace();
    tree.write(
      `${TS_ROOT}/src/render/text.ts`,
      "import type { Product } from '../products.js';\n\nexport const renderText = (product: Product): string => product.toString();\n",
    );
    tree.write(
      `${TS_ROOT}/src/render/html.ts`,
      "import type { Product } from '../products.js';\n\nexport const renderHtml = (product: Product): string => product.name;\n",
    );
    await barrelsGenerator(tree, { project: 'catalog', folders: 'src/render', skipFormat: true });
    expect(read(tree, `${TS_ROOT}/src/render/index.ts`)).toContain("from './html.js';");
  });

  it('rejects a folder that is not in the project', async () => {
    await expect(barrelsGenerator(workspace(), { project: 'catalog', folders: 'src/nope' })).rejects.toThrow(
      '--folders names "src/nope", which is not a folder of project "catalog" (libs/catalog)',
    );
  });
});

describe('barrels generator, Python', () => {
  const { warnings } = generatorLogs();

  it('makes a star import explicit, adds __all__, and keeps the side-effect import, comments and code', async () => {
    const tree = workspace();
    await barrelsGenerator(tree, { project: 'acme-catalog', skipFormat: true });
    expect(read(tree, `${PY_ROOT}/src/acme_catalog/__init__.py`)).toBe(`"""Catalog: products and prices."""
# Registers the built-in units (a side effect: keep it first).
from . import _units  # noqa: F401
from .products import DEFAULT_UNIT, Product, make_product  # noqa: F403
from .pricing import PriceRule as Rule, price_of
import logging

log = logging.getLogger(__name__)
__version__ = "1.0.0"


def describe() -> str:
    """One line about the catalog."""
    return f"acme-catalog {__version__}"

__all__ = [
    "DEFAULT_UNIT",
    "Product",
    "make_product",
    "Rule",
    "price_of",
    "log",
    "describe",
]
`);
  });

  it('writes a missing __init__.py from the public names the modules define, not those they import', async () => {
    const tree = workspace();
    await barrelsGenerator(tree, { project: 'acme-catalog', skipFormat: true });
    expect(read(tree, `${PY_ROOT}/src/acme_catalog/reports/__init__.py`))
      .toBe(`"""The reports package: its public names, imported from its modules."""

from .csv_export import to_csv
from .summary import Summary, summarize

__all__ = [
    "to_csv",
    "Summary",
    "summarize",
]
`);
  });

  it('leaves a star import of a module that re-exports names from the package alone, and says why', async () => {
    const tree = workspace();
    tree.write(`${PY_ROOT}/src/acme_catalog/products.py`, 'from .pricing import price_of\n\nDEFAULT_UNIT = "g"\n');
    await barrelsGenerator(tree, { project: 'acme-catalog', skipFormat: true });
    expect(read(tree, `${PY_ROOT}/src/acme_catalog/__init__.py`)).toContain('from .products import *  # noqa: F403');
    expect(warnings.join('\n')).toContain('has no __all__ and imports price_of from the package: the star import re-exports those too');
  });

  it('leaves configured namespace packages without __init__.py', async () => {
    const tree = workspace();
    await barrelsGenerator(tree, { project: 'acme-catalog', skipFormat: true });
    expect(tree.exists(`${PY_ROOT}/src/acme_ext/__init__.py`)).toBe(false);
    expect(read(tree, `${PY_ROOT}/src/acme_ext/hooks/__init__.py`)).toContain('__all__ = [\n    "HOOKS",\n]\n');
  });

  it('produces packages that import for real, with the __all__ they declare', async () => {
    const tree = workspace();
    await barrelsGenerator(tree, { project: 'acme-catalog', skipFormat: true });
    const imported = withFilesOnDisk(tree, PY_ROOT, (dir) =>
      pythonImport(
        dir,
        'src',
        'import acme_catalog, acme_catalog.reports as reports, acme_ext.hooks as hooks\nmissing = [n for m in (acme_catalog, reports, hooks) for n in m.__all__ if not hasattr(m, n)]',
        '[acme_catalog.__all__, reports.__all__, missing, sorted(n for n in dir(acme_catalog) if not n.startswith("_")) == sorted(["DEFAULT_UNIT", "Product", "make_product", "Rule", "price_of", "log", "logging", "describe", "pricing", "products", "reports"])]',
      ),
    );
    expect(imported).toEqual([
      ['DEFAULT_UNIT', 'Product', 'make_product', 'Rule', 'price_of', 'log', 'describe'],
      ['to_csv', 'Summary', 'summarize'],
      [],
      true,
    ]);
  });

  it('changes nothing the second time', async () => {
    const tree = workspace();
    await expectIdempotent(tree, () => barrelsGenerator(tree, { project: 'acme-catalog', skipFormat: true }));
  });

  it('names the file and line of an __init__.py with a syntax error, and writes nothing', async () => {
    const tree = workspace();
    tree.write(`${PY_ROOT}/src/acme_ext/hooks/__init__.py`, 'HOOKS = [\n');
    const before = tree.listChanges().map((c) => c.path);
    await expect(barrelsGenerator(tree, { project: 'acme-catalog', skipFormat: true })).rejects.toThrow(
      /^libs\/catalog-py\/src\/acme_ext\/hooks\/__init__.py: cannot be read as Python \(line 1\): /,
    );
    expect(tree.listChanges().map((c) => c.path)).toEqual(before);
  });
});
