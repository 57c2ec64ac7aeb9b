import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { projectLanguages } from '@shipshape/core';
import { diskProject } from '@shipshape/core/testing';
import { EXAMPLES_GRAPH, EXAMPLES_ROOT } from '../../__fixtures__/examples';
import { addFixture, expectIdempotent, generatorLogs, pythonImport, typeCheck, withFilesOnDisk } from '../../__fixtures__/tree';
import { checks } from '../../checks';
import { phaseGenerator } from './phase';

jest.mock('../../metadata/git', () => ({
  ...jest.requireActual('../../metadata/git'),
  readGitFacts: () => ({ remoteUrl: 'https://github.com/acme/billing.git', userName: 'Ada Lovelace', userEmail: 'ada@acme.test' }),
}));

/**
 * What the phase fixes; the rest (keywords, tests, layout moves, deep imports in code) is for people. The exports
 * map of money is not written: invoices imports money's internals, which the map would break.
 */
const FIXED_BY_THE_PHASE = [
  'structure/star-export-barrel',
  'structure/init-py-exports',
  'structure/missing-init-py',
  'structure/side-effects',
  'structure/package-urls',
];

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addFixture(tree, EXAMPLES_ROOT, '.');
  tree.write(
    'LICENSE',
    'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy.\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n',
  );
  tree.write(
    'shipshape-plan.json',
    JSON.stringify({ version: 1, start: '2025-01-06', projects: ['money', 'invoices', 'ledger-py'], weeks: [] }),
  );
  return tree;
}

async function audit(dir: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const { name, root } of EXAMPLES_GRAPH.projects) {
    const project = diskProject(dir, root, { name, graph: EXAMPLES_GRAPH });
    const languages = project.get(projectLanguages);
    for (const check of checks.filter((c) => c.id !== 'structure/publint' && c.languages.some((l) => languages.includes(l)))) {
      for (const finding of await check.run(project)) (found[check.id] ??= []).push(`${finding.file} ${finding.key}`);
    }
  }
  return found;
}

/** tsc's errors, without the lines that say where (they move when barrels are rewritten). */
const tscErrors = (dir: string, project: string) =>
  [...new Set(typeCheck(join(dir, project, 'tsconfig.lib.json')).match(/error TS\d+: .*/g) ?? [])].sort();

describe('phase generator', () => {
  generatorLogs();

  it('runs metadata, barrels and boundaries on every enrolled project: what they fix is gone, and nothing breaks', async () => {
    const tree = workspace();
    const before = await withFilesOnDisk(tree, '.', async (dir) => ({
      findings: await audit(dir),
      money: tscErrors(dir, 'libs/money'),
      invoices: tscErrors(dir, 'libs/invoices'),
    }));
    for (const id of FIXED_BY_THE_PHASE) expect(before.findings[id]?.length).toBeGreaterThan(0);

    await phaseGenerator(tree, { skipFormat: true });

    await withFilesOnDisk(tree, '.', async (dir) => {
      const after = await audit(dir);
      for (const id of FIXED_BY_THE_PHASE) expect([id, after[id] ?? []]).toEqual([id, []]);
      expect(after['structure/exports-map']).toEqual(['libs/money/package.json exports']);
      // What the workspace cannot tell: money has no README to describe it; nothing builds declarations; money's
      // entry point is a source, so there is no build folder to list in "files" (and no exports map, see above).
      expect(after['structure/package-json-metadata']).toEqual([
        'libs/money/package.json description',
        'libs/money/package.json files',
        'libs/money/package.json types',
        'libs/invoices/package.json types',
      ]);
      // The same compiler errors as before (the packages that were never installed), no new one.
      expect(tscErrors(dir, 'libs/money')).toEqual(before.money);
      expect(tscErrors(dir, 'libs/invoices')).toEqual(before.invoices);
      const imported = pythonImport(
        dir,
        'libs/ledger-py',
        'import ledger, ledger.reports\nmissing = [n for m in (ledger, ledger.reports) for n in m.__all__ if not hasattr(m, n)]',
        '[missing, "re" in ledger.__all__, "Account" in ledger.__all__, ledger.reports.__all__]',
      );
      expect(imported).toEqual([
        [],
        false,
        true,
        [
          'COLUMNS',
          'to_records',
          'to_csv',
          'has_pandas',
          'to_dataframe',
          'TrialBalanceRow',
          'TrialBalance',
          'trial_balance',
          'render_text',
        ],
      ]);
    });
  }, 120_000);

  it('changes nothing the second time', async () => {
    const tree = workspace();
    await expectIdempotent(tree, () => phaseGenerator(tree, { project: 'money', skipFormat: true }));
  });

  it('asks for a project or a plan', async () => {
    const tree = workspace();
    tree.delete('shipshape-plan.json');
    await expect(phaseGenerator(tree, {})).rejects.toThrow(
      'shipshape-plan.json: name a project with --project, or enroll projects in the plan first (nx g @shipshape/pipeline:plan)',
    );
  });
});
