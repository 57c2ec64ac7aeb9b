import { execFileSync } from 'node:child_process';
import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import fc from 'fast-check';
import { metadataGenerator } from './metadata';
import { generatorLogs, expectIdempotent } from '../../__fixtures__/tree';

jest.mock('../../metadata/git', () => ({
  ...jest.requireActual('../../metadata/git'),
  readGitFacts: () => ({ remoteUrl: 'git@github.com:acme/billing.git', userName: 'Ada Lovelace', userEmail: 'ada@acme.test' }),
}));

const MIT =
  'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software, to deal in the Software without restriction.\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n';

const INVOICES_PACKAGE = `{
  "name": "@acme/invoices",
  "version": "0.2.1",
  "main": "dist/index.js",
  "dependencies": {
    "@acme/money": "^0.4.0"
  }
}
`;

const LEDGER_PYPROJECT = `# Ledger: the double-entry bookkeeping side of the Acme billing toolkit.

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "acme-ledger"
version = "0.3.0"
# TODO: add the rest of the metadata before the first public release
dependencies = [
    "requests>=2.28",  # for the exchange-rate fetcher
]
classifiers = ["Programming Language :: Python :: 3.10", "Programming Language :: Python :: 3.11"]

[tool.hatch.build.targets.wheel]
packages = ["ledger"]
`;

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write(
    'package.json',
    JSON.stringify(
      { name: '@acme/source', private: true, license: 'MIT', author: 'Acme Billing <oss@acme.test>', engines: { node: '>=20.19' } },
      null,
      2,
    ),
  );
  tree.write('nx.json', JSON.stringify({ defaultBase: 'trunk' }));
  addProjectConfiguration(tree, 'invoices', { root: 'libs/invoices', sourceRoot: 'libs/invoices/src', projectType: 'library' });
  tree.write('libs/invoices/package.json', INVOICES_PACKAGE);
  tree.write(
    'libs/invoices/README.md',
    '# @acme/invoices\n\n[![npm](https://img.shields.io/npm/v/@acme/invoices)](https://npm.im/@acme/invoices)\n\nInvoice model, **EU VAT** rules and [totals](./docs/totals.md).\nRenders HTML and PDF.\n\n## Install\n',
  );
  tree.write('libs/invoices/src/index.ts', "export { total } from './total';\nexport type { Invoice } from './model';\n");
  tree.write(
    'libs/invoices/src/total.ts',
    "import type { Invoice } from './model';\nexport const total = (i: Invoice): number => i.lines.length;\n",
  );
  tree.write('libs/invoices/src/model.ts', 'export interface Invoice { lines: string[] }\n');
  tree.write('libs/ledger-py/pyproject.toml', LEDGER_PYPROJECT);
  tree.write('libs/ledger-py/LICENSE', MIT);
  tree.write('libs/ledger-py/README.md', 'Double-entry bookkeeping for Acme billing.\n');
  return tree;
}

const json = (tree: Tree, path: string) => JSON.parse(tree.read(path, 'utf-8')!);

describe('metadata generator', () => {
  const { warnings } = generatorLogs();

  it('fills the missing package.json fields from the workspace, keeping what was there byte for byte', async () => {
    const tree = workspace();
    await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
    const text = tree.read('libs/invoices/package.json', 'utf-8')!;
    expect(text.startsWith(INVOICES_PACKAGE.slice(0, INVOICES_PACKAGE.lastIndexOf('\n  }') + 4))).toBe(true);
    expect(json(tree, 'libs/invoices/package.json')).toEqual({
      name: '@acme/invoices',
      version: '0.2.1',
      main: 'dist/index.js',
      dependencies: { '@acme/money': '^0.4.0' },
      description: 'Invoice model, EU VAT rules and totals. Renders HTML and PDF.',
      license: 'MIT',
      repository: { type: 'git', url: 'git+https://github.com/acme/billing.git', directory: 'libs/invoices' },
      homepage: 'https://github.com/acme/billing/tree/trunk/libs/invoices#readme',
      bugs: { url: 'https://github.com/acme/billing/issues' },
      author: 'Acme Billing <oss@acme.test>',
      sideEffects: false,
      files: ['dist'],
    });
    expect(warnings.join('\n')).toContain(
      'libs/invoices/package.json "types": "main" is not a build output of a tsconfig that emits declarations',
    );
  });

  it('never overwrites a value the user wrote, even one the workspace would tell differently', async () => {
    const tree = workspace();
    tree.write('libs/invoices/src/total.ts', "import { readFileSync } from 'node:fs';\nexport const total = readFileSync;\n");
    tree.write(
      'libs/invoices/package.json',
      '{\n\t"name": "@acme/invoices",\n\t"description": "Mine.",\n\t"license": "Apache-2.0",\n\t"engines": {"npm": ">=10"}\n}\n',
    );
    await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
    const data = json(tree, 'libs/invoices/package.json');
    expect(data).toMatchObject({ description: 'Mine.', license: 'Apache-2.0', engines: { npm: '>=10', node: '>=20.19' } });
    expect(tree.read('libs/invoices/package.json', 'utf-8')).toContain('\n\t"description": "Mine.",\n');
  });

  it('adds "files" next to an exports map into dist/, which npm would otherwise leave out with the gitignored build output', async () => {
    const tree = workspace();
    tree.write(
      'libs/invoices/package.json',
      JSON.stringify(
        { name: '@acme/invoices', type: 'module', exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } },
        null,
        2,
      ),
    );
    await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
    expect(json(tree, 'libs/invoices/package.json').files).toEqual(['dist']);
  });

  it('writes engines.node only for a package that runs on Node.js, and no publishing metadata for a private one', async () => {
    const tree = workspace();
    await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
    expect(json(tree, 'libs/invoices/package.json').engines).toBeUndefined();
    tree.write('libs/invoices/package.json', INVOICES_PACKAGE.replace('"version": "0.2.1",', '"version": "0.2.1",\n  "private": true,'));
    await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
    expect(tree.read('libs/invoices/package.json', 'utf-8')).toBe(
      INVOICES_PACKAGE.replace('"version": "0.2.1",', '"version": "0.2.1",\n  "private": true,'),
    );
    expect(warnings.join('\n')).toContain('libs/invoices/package.json is private: publishing metadata');
  });

  it('leaves "files" to the user when the package has other folders it may read at run time', async () => {
    const tree = workspace();
    tree.write('libs/invoices/templates/invoice.html', '<html></html>\n');
    await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
    expect(json(tree, 'libs/invoices/package.json').files).toBeUndefined();
    expect(warnings.join('\n')).toContain('"files": ["dist"] would leave out templates');
  });

  it('does not claim sideEffects: false when a module runs code at load time', async () => {
    const tree = workspace();
    tree.write('libs/invoices/src/index.ts', "import './register';\nexport { total } from './total';\n");
    tree.write('libs/invoices/src/register.ts', 'globalThis.invoices = true;\n');
    await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
    expect(json(tree, 'libs/invoices/package.json').sideEffects).toBeUndefined();
  });

  it('fills [project] of a pyproject.toml, keeping comments, with PEP 639 license and well-known URLs', async () => {
    const tree = workspace();
    await metadataGenerator(tree, { project: 'acme-ledger', skipFormat: true });
    const text = tree.read('libs/ledger-py/pyproject.toml', 'utf-8')!;
    for (const line of LEDGER_PYPROJECT.split('\n')) expect(text).toContain(line);
    const parsed = JSON.parse(
      execFileSync('python3', ['-c', 'import json, sys, tomllib; print(json.dumps(tomllib.loads(sys.stdin.read())))'], {
        input: text,
        encoding: 'utf8',
      }),
    );
    expect(parsed.project).toMatchObject({
      description: 'Double-entry bookkeeping for Acme billing.',
      readme: 'README.md',
      'requires-python': '>=3.10',
      license: 'MIT',
      'license-files': ['LICENSE'],
      authors: [{ name: 'Acme Billing', email: 'oss@acme.test' }],
      urls: {
        Homepage: 'https://github.com/acme/billing/tree/trunk/libs/ledger-py#readme',
        Source: 'https://github.com/acme/billing',
        Issues: 'https://github.com/acme/billing/issues',
      },
    });
  });

  it('leaves fields declared dynamic to the build backend, and adds only the missing well-known URLs', async () => {
    const tree = workspace();
    tree.write(
      'libs/ledger-py/pyproject.toml',
      '[project]\nname = "acme-ledger"\ndynamic = ["version", "description", "license"]\n\n[project.urls]\n"Bug Tracker" = "https://tracker.acme.test"\n',
    );
    await metadataGenerator(tree, { project: 'acme-ledger', skipFormat: true });
    const text = tree.read('libs/ledger-py/pyproject.toml', 'utf-8')!;
    expect(text).not.toMatch(/^description/m);
    expect(text).not.toMatch(/^license =/m);
    expect(text).toContain('"Bug Tracker" = "https://tracker.acme.test"\nHomepage = ');
    expect(text).not.toContain('Issues =');
  });

  it('changes nothing the second time', async () => {
    const tree = workspace();
    await expectIdempotent(tree, async () => {
      await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
      await metadataGenerator(tree, { project: 'acme-ledger', skipFormat: true });
    });
  });

  it('keeps every value the user wrote and every line outside the additions (property)', async () => {
    const fields = ['description', 'license', 'homepage', 'author', 'sideEffects', 'files', 'keywords'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...fields]),
        fc.constantFrom('  ', '    ', '\t'),
        fc.string({ minLength: 1, maxLength: 20 }),
        async (present, indent, value) => {
          const tree = workspace();
          const manifest: Record<string, unknown> = { name: '@acme/invoices', version: '1.0.0' };
          for (const field of present)
            manifest[field] = field === 'files' || field === 'keywords' ? [value] : field === 'sideEffects' ? true : value;
          const original = `${JSON.stringify(manifest, null, indent)}\n`;
          tree.write('libs/invoices/package.json', original);
          await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
          const once = tree.read('libs/invoices/package.json', 'utf-8')!;
          expect(JSON.parse(once)).toMatchObject(manifest);
          expect(once.startsWith(original.slice(0, original.lastIndexOf('\n}')))).toBe(true);
          await metadataGenerator(tree, { project: 'invoices', skipFormat: true });
          expect(tree.read('libs/invoices/package.json', 'utf-8')).toBe(once);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('names the file and the problem on malformed input, and writes nothing', async () => {
    const tree = workspace();
    tree.write('libs/invoices/package.json', '{ "name": "@acme/invoices", }');
    const before = tree.listChanges().length;
    await expect(metadataGenerator(tree, { project: 'invoices', skipFormat: true })).rejects.toThrow(
      /^libs\/invoices\/package.json: invalid JSON at line 1, column 29/,
    );
    expect(tree.listChanges().length).toBe(before);
  });

  describe('a field of the wrong kind is refused, naming it, and nothing is written', () => {
    const refused = async (tree: Tree, project: string, file: string) => {
      const before = tree.read(file)!;
      const error = await metadataGenerator(tree, { project, skipFormat: true }).then(
        () => 'no error',
        (e: Error) => e.message,
      );
      expect(tree.read(file)!.equals(before)).toBe(true);
      return error;
    };

    it('package.json "description": 42', async () => {
      const tree = workspace();
      tree.write(
        'libs/invoices/package.json',
        INVOICES_PACKAGE.replace('"version": "0.2.1",', '"version": "0.2.1",\n  "description": 42,'),
      );
      expect(await refused(tree, 'invoices', 'libs/invoices/package.json')).toBe(
        'libs/invoices/package.json: "description" is a number (42), not a string: fix it by hand, nothing was written',
      );
    });

    it('a [project] that is a string', async () => {
      const tree = workspace();
      tree.write('libs/ledger-py/pyproject.toml', 'project = "acme-ledger"\n');
      expect(await refused(tree, 'ledger-py', 'libs/ledger-py/pyproject.toml')).toMatch(
        /^libs\/ledger-py\/pyproject\.toml: "project" is a string \("acme-ledger"\), not a table/,
      );
    });

    it('a package.json that is not UTF-8', async () => {
      const tree = workspace();
      tree.write('libs/invoices/package.json', Buffer.from('{\n  "name": "@acme/invoices",\n  "author": "Jos\xe9"\n}\n', 'latin1'));
      expect(await refused(tree, 'invoices', 'libs/invoices/package.json')).toMatch(
        /^libs\/invoices\/package\.json: .*Shipshape edits only UTF-8 text and would lose the bytes it cannot read; nothing was written$/,
      );
    });
  });

  it('rejects an unknown project with the list of projects', async () => {
    await expect(metadataGenerator(workspace(), { project: 'nope' })).rejects.toThrow(
      'there is no project "nope" in this workspace; projects: acme-ledger, invoices',
    );
  });
});
