import { join } from 'node:path';
import type { FindingInput, WorkspaceGraph } from '@shipshape/core';
import { diskProject } from '@shipshape/core/testing';
import deepImport from './deep-import';
import entryPoint from './entry-point';
import exportsMap from './exports-map';
import wildcardPathAlias from './wildcard-path-alias';

const workspaceRoot = join(__dirname, '__fixtures__/boundaries-ws');
const graph: WorkspaceGraph = {
  projects: [
    { name: 'core', root: 'libs/core', tags: [] },
    { name: 'ui', root: 'libs/ui', tags: [] },
    { name: 'acme-ledger', root: 'libs/ledger', tags: [] },
    { name: 'acme-reports', root: 'libs/reports', tags: [] },
  ],
  // Nx's edges: its TypeScript analysis sees ui -> core; it has no Python analysis.
  dependencies: { ui: ['core'], core: [], 'acme-ledger': [], 'acme-reports': [] },
};
const project = (name: string, withGraph = true) =>
  diskProject(workspaceRoot, graph.projects.find((p) => p.name === name)!.root, { name, graph: withGraph ? graph : undefined });
const summary = (findings: FindingInput[]) => findings.map((f) => `${f.file}:${f.line} ${f.key}`);

describe('structure/deep-import', () => {
  it('reports imports past the exports map, by package name or path alias, and accepts exposed subpaths', async () => {
    const findings = await deepImport.run(project('ui'));
    expect(summary(findings)).toEqual([
      'libs/ui/src/index.ts:3 ts:@acme/core/internal/secret',
      'libs/ui/src/index.ts:4 ts:@acme/core/src/internal/secret',
    ]);
    expect(findings[0].message).toContain(
      '(through the tsconfig path alias "@acme/core/*"), past its exports map: import from "@acme/core"',
    );
  });

  it('reports private modules, private names and names outside __all__ of another Python project', async () => {
    const findings = await deepImport.run(project('acme-reports'));
    expect(summary(findings)).toEqual([
      'libs/reports/src/reports/__init__.py:3 py:ledger._engine',
      'libs/reports/src/reports/__init__.py:4 py:ledger.journal:_cache',
      'libs/reports/src/reports/__init__.py:4 py:ledger.journal:rebuild_index',
    ]);
    expect(findings[2].message).toBe(
      "imports rebuild_index from ledger.journal (acme-ledger), whose __all__ does not list it: it is not part of that module's public API",
    );
  });

  it('has nothing to compare with outside Nx (no project graph)', async () => {
    expect(await deepImport.run(project('ui', false))).toEqual([]);
    expect(await deepImport.run(project('acme-reports', false))).toEqual([]);
  });
});

describe('structure/exports-map', () => {
  it('asks for an exports map when internals exist or other projects import files directly', async () => {
    expect(await exportsMap.run(project('core'))).toEqual([]); // it has one
    expect(await exportsMap.run(project('ui'))).toEqual([]); // nothing internal, nobody imports it
  });
});

describe('structure/wildcard-path-alias', () => {
  it('reports an alias that exposes every file of the project', async () => {
    expect(summary(await wildcardPathAlias.run(project('core')))).toEqual(['tsconfig.base.json:6 alias:@acme/core/*']);
    expect(await wildcardPathAlias.run(project('ui'))).toEqual([]);
  });
});

describe('structure/entry-point', () => {
  it('reports a path alias into the project that points at a missing file', async () => {
    expect(summary(await entryPoint.run(project('core')))).toEqual(['tsconfig.base.json:8 alias:@acme/legacy']);
  });

  it('reports exports entries that neither exist nor have a source, and not those built from a source', async () => {
    const sloppy = diskProject(join(__dirname, '__fixtures__'), 'sloppy-ts', { name: 's' });
    const findings = await entryPoint.run(sloppy);
    expect(summary(findings)).toEqual(['sloppy-ts/package.json:13 missing:exports../pdf']);
    expect(findings[0].message).toBe(
      'package.json "exports" > "./pdf" points at ./lib/render/pdf.js, which does not exist, and the package has no build (no build script, no build tool config) that would write it',
    );
  });
});
