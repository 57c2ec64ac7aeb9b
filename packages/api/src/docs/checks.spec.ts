import type { Tree } from '@nx/devkit';
import type { Check, FindingInput } from '@shipshape/core';
import { treeProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import apiPages from './checks/api-pages';
import docsConfig from './checks/docs-config';
import docsSetup from './checks/docs-setup';
import undocumented from './checks/undocumented';
import { newMkdocsConfig, newTypedocConfig } from './config';
import { PY_ROOT, TS_ROOT, workspace } from './__fixtures__/tree';

const run = async (check: Check, tree: Tree, project: string): Promise<FindingInput[]> =>
  check.run(treeProject(tree, project, [API_OPTIONS]));
const brief = (findings: FindingInput[]) => findings.map((f) => `${f.file}:${f.line ?? 0} ${f.severity ?? '-'} ${f.key}`);

describe('docs/docs-setup', () => {
  it('reports a library without docs (info severity: a convention)', async () => {
    const tree = workspace();
    expect(brief(await run(docsSetup, tree, 'shapes'))).toEqual([`${TS_ROOT}/package.json:1 - no-docs-setup`]);
    expect(brief(await run(docsSetup, tree, 'geometry'))).toEqual([`${PY_ROOT}/pyproject.toml:1 - no-docs-setup`]);
    expect(docsSetup.severity).toBe('info');
  });

  it('says nothing once docs exist: the layout, Sphinx, or a workspace-wide site', async () => {
    const tree = workspace();
    tree.write(`${TS_ROOT}/typedoc.json`, newTypedocConfig({ entryPoints: ['src/index.ts'] }));
    tree.write(`${PY_ROOT}/docs/conf.py`, 'project = "geometry"\n');
    expect(await run(docsSetup, tree, 'shapes')).toEqual([]);
    expect(await run(docsSetup, tree, 'geometry')).toEqual([]);
    const other = workspace();
    other.write('mkdocs.yml', 'site_name: all\n');
    expect(await run(docsSetup, other, 'shapes')).toEqual([]);
  });
});

describe('docs/docs-config', () => {
  jest.setTimeout(60_000);

  it('passes a config the generator writes (the real Python is asked what it has installed)', async () => {
    const tree = workspace();
    tree.write(`${PY_ROOT}/mkdocs.yml`, newMkdocsConfig({ siteName: 'geometry', python: true, paths: ['src'] }));
    tree.write(`${PY_ROOT}/docs/index.md`, '# Geometry\n');
    tree.write(`${TS_ROOT}/typedoc.json`, newTypedocConfig({ entryPoints: ['src/index.ts', 'src/units.ts'] }));
    expect(await run(docsConfig, tree, 'geometry')).toEqual([]);
    expect(await run(docsConfig, tree, 'shapes')).toEqual([]);
  });

  it('reports a YAML error at its line, an entry point that does not exist, and pages that are not UTF-8', async () => {
    const tree = workspace();
    tree.write(`${PY_ROOT}/mkdocs.yml`, 'site_name: geometry\nnav:\n  - Home: index.md\n theme: material\n');
    const [yamlError] = await run(docsConfig, tree, 'geometry');
    expect(yamlError).toMatchObject({ file: `${PY_ROOT}/mkdocs.yml`, line: 4, key: 'mkdocs-unreadable' });
    expect(yamlError.message).toMatch(/^invalid YAML at line 4, column \d+: .*mkdocs cannot read it$/);
    tree.write(`${TS_ROOT}/typedoc.json`, '{\n  "entryPoints": [\n    "./src/index.ts",\n    "./src/gone.ts"\n  ]\n}\n');
    expect(brief(await run(docsConfig, tree, 'shapes'))).toEqual([`${TS_ROOT}/typedoc.json:4 - typedoc-entry:./src/gone.ts`]);
    tree.write(`${PY_ROOT}/mkdocs.yml`, 'site_name: geometry\n');
    tree.write(`${PY_ROOT}/docs/index.md`, Buffer.from('# Caf\xe9\n', 'latin1'));
    expect(brief(await run(docsConfig, tree, 'geometry'))).toEqual([`${PY_ROOT}/docs/index.md:1 - encoding:${PY_ROOT}/docs/index.md`]);
  });

  it('warns of a theme, plugin or Markdown extension the Python that builds the docs lacks, with the install command', async () => {
    const tree = workspace();
    tree.write(`${PY_ROOT}/docs/index.md`, '# Geometry\n');
    tree.write(
      `${PY_ROOT}/mkdocs.yml`,
      'site_name: geometry\ntheme:\n  name: nosuchtheme\nplugins:\n  - search\n  - nosuchplugin\nmarkdown_extensions:\n  - toc\n  - pymdownx.nosuchextension\n',
    );
    const findings = await run(docsConfig, tree, 'geometry');
    expect(brief(findings)).toEqual([
      `${PY_ROOT}/mkdocs.yml:2 warning theme:nosuchtheme`,
      `${PY_ROOT}/mkdocs.yml:6 warning plugin:nosuchplugin`,
      `${PY_ROOT}/mkdocs.yml:9 warning extension:pymdownx.nosuchextension`,
    ]);
    expect(findings[1].message).toMatch(/install the distribution that provides it$/);
    expect(findings[2].message).toMatch(/install it with: pip install pymdown-extensions$/);
  });
});

describe('docs/undocumented', () => {
  it('reports the public symbols without a doc comment, one finding per file at the first, and the floor', async () => {
    const tree = workspace();
    const findings = await run(undocumented, tree, 'shapes');
    expect(brief(findings)).toEqual([
      `${TS_ROOT}/src/shape.ts:5 - undocumented`,
      `${TS_ROOT}/src/square.ts:3 - undocumented`,
      `${TS_ROOT}:1 info floor:docs/documented`,
    ]);
    expect(findings[0].message).toMatch(
      /^public property Shape\.name \(line 5\) has no doc comment: its API page shows only its signature\. A person who knows what it is for must write it/,
    );
    const python = await run(undocumented, tree, 'geometry');
    expect(brief(python)).toEqual([`${PY_ROOT}/src/geometry/circle.py:7 - undocumented`, `${PY_ROOT}:1 info floor:docs/documented`]);
  });

  it('names the first eight undocumented symbols of a file and counts the rest', async () => {
    const tree = workspace();
    tree.write(`${TS_ROOT}/src/square.ts`, Array.from({ length: 10 }, (_, i) => `export const s${i} = ${i};`).join('\n') + '\n');
    const [finding] = (await run(undocumented, tree, 'shapes')).filter((f) => f.file === `${TS_ROOT}/src/square.ts`);
    expect(finding.line).toBe(1);
    expect(finding.message).toMatch(
      /^10 public symbols have no doc comment: variable s0 \(line 1\), .*variable s7 \(line 8\), and 2 more;/,
    );
  });

  it('is an error when the documented share falls below its floor', async () => {
    const tree = workspace();
    tree.write(`${TS_ROOT}/api/floors.json`, '{ "docs/documented": 80 }\n');
    const floor = (await run(undocumented, tree, 'shapes')).find((f) => f.key === 'floor:docs/documented');
    expect(floor).toMatchObject({ severity: 'error', file: `${TS_ROOT}/api/floors.json` });
    expect(floor?.message).toMatch(/\(4 of 6\) fell to 66\.6 %, below its floor of 80 %/);
  });

  it('leaves out what the docs do not show: @internal, private members, members a base type declares, overloads', async () => {
    const tree = workspace();
    tree.write(
      `${TS_ROOT}/src/index.ts`,
      [
        '/** @internal */',
        'export function hidden(): void {}',
        '/** Base. */',
        'export interface Base {',
        '  /** Documented here. */',
        '  id: string;',
        '}',
        '/** A thing. */',
        'export class Thing implements Base {',
        '  id = "x";',
        '  private secret = 1;',
        '  /** Runs. */',
        '  run(a: string): void;',
        '  run(a: number): void;',
        '  run(a: unknown): void {}',
        '}',
        '',
      ].join('\n'),
    );
    tree.write(`${TS_ROOT}/src/units.ts`, '/** Metres. */\nexport const METRE = 1;\n');
    expect(brief(await run(undocumented, tree, 'shapes'))).toEqual([`${TS_ROOT}:1 info floor:docs/documented`]);
  });
});

describe('docs/undocumented, Python', () => {
  it('follows __all__ into private modules, and leaves out __main__ demos and ImportError stand-ins', async () => {
    const tree = workspace();
    tree.write(
      `${PY_ROOT}/src/geometry/__init__.py`,
      'from ._shapes import Square\ntry:\n    from ._cli import main\nexcept ImportError:\n    def main():\n        pass\n\n__all__ = ["Square", "main"]\n',
    );
    tree.write(
      `${PY_ROOT}/src/geometry/_shapes.py`,
      'class Base:\n    def area(self):\n        """The area."""\n\n\nclass Square(Base):\n    def area(self):\n        return 1\n\n    def corners(self):\n        return 4\n',
    );
    tree.write(
      `${PY_ROOT}/src/geometry/circle.py`,
      '"""Circles."""\n\n\ndef unit():\n    """Unit."""\n\n\nif __name__ == "__main__":\n    def demo():\n        pass\n',
    );
    const findings = await run(undocumented, tree, 'geometry');
    expect(brief(findings)).toEqual([`${PY_ROOT}/src/geometry/_shapes.py:6 - undocumented`, `${PY_ROOT}:1 info floor:docs/documented`]);
    expect(findings[0].message).toMatch(
      /^2 public symbols have no docstring: class geometry\.Square \(line 6\), method geometry\.Square\.corners \(line 10\);/,
    );
  });
});

describe('docs/api-pages', () => {
  it('reports the public modules without a ::: page, once mkdocs.yml uses mkdocstrings', async () => {
    const tree = workspace();
    expect(await run(apiPages, tree, 'geometry')).toEqual([]);
    tree.write(`${PY_ROOT}/mkdocs.yml`, newMkdocsConfig({ siteName: 'geometry', python: true, paths: ['src'] }));
    expect(brief(await run(apiPages, tree, 'geometry'))).toEqual([
      `${PY_ROOT}/src/geometry/__init__.py:1 - api-page:geometry`,
      `${PY_ROOT}/src/geometry/circle.py:1 - api-page:geometry.circle`,
    ]);
    tree.write(`${PY_ROOT}/docs/api.md`, '# API\n\n::: geometry.circle.Circle\n');
    expect(brief(await run(apiPages, tree, 'geometry'))).toEqual([`${PY_ROOT}/src/geometry/__init__.py:1 - api-page:geometry`]);
  });

  it('a module whose names its documented parent re-exports is on the parent page', async () => {
    const tree = workspace();
    tree.write(`${PY_ROOT}/mkdocs.yml`, newMkdocsConfig({ siteName: 'geometry', python: true, paths: ['src'] }));
    tree.write(`${PY_ROOT}/src/geometry/__init__.py`, 'from .circle import Circle, unit\n\n__all__ = ["Circle", "unit"]\n');
    tree.write(`${PY_ROOT}/docs/api.md`, '::: geometry\n');
    expect(await run(apiPages, tree, 'geometry')).toEqual([]);
  });

  it('reports an exports entry that typedoc.json leaves out', async () => {
    const tree = workspace();
    tree.write(`${TS_ROOT}/typedoc.json`, newTypedocConfig({ entryPoints: ['src/index.ts'] }));
    expect(brief(await run(apiPages, tree, 'shapes'))).toEqual([`${TS_ROOT}/typedoc.json:1 - typedoc-entry:src/units.ts`]);
  });
});
