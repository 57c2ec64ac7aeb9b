import { addProjectConfiguration, logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { tempWorkspace } from '@shipshape/core/testing';
import { publishedPhasePackages } from '../../plan/phase-generators';
import { phaseGenerator } from './phase';

const phasePackage = (name: string, order: number) => ({
  [`node_modules/@shipshape/${name}/package.json`]: JSON.stringify({
    name: `@shipshape/${name}`,
    shipshape: { phase: 1, phaseGenerator: 'phase', order },
  }),
  [`node_modules/@shipshape/${name}/generators.json`]: JSON.stringify({ generators: { phase: { factory: './phase#phaseGenerator' } } }),
  [`node_modules/@shipshape/${name}/phase.js`]: `exports.phaseGenerator = (tree, { project }) => {
    const log = tree.read('log.txt', 'utf-8') ?? '';
    tree.write('log.txt', log + '${name}:' + project + '\\n');
    return () => { globalThis.__callbacks = (globalThis.__callbacks ?? []).concat('${name}:' + project); };
  };\n`,
});

describe('phase generator', () => {
  const ws = tempWorkspace({ 'package.json': '{"name":"ws"}', ...phasePackage('structure', 10), ...phasePackage('deps', 20) });
  afterAll(() => ws.remove());

  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    Object.defineProperty(tree, 'root', { value: ws.root });
    for (const name of ['money', 'invoices', 'site']) addProjectConfiguration(tree, name, { root: `libs/${name}` });
    tree.write('shipshape-plan.json', JSON.stringify({ version: 1, start: '2026-12-07', projects: ['money', 'invoices'], weeks: [] }));
    (globalThis as { __callbacks?: string[] }).__callbacks = [];
  });

  it('runs the installed phase packages in their order for every enrolled project, then their tasks', async () => {
    const callback = await phaseGenerator(tree, { phase: 1, skipFormat: true });
    expect(tree.read('log.txt', 'utf-8')).toBe('structure:money\nstructure:invoices\ndeps:money\ndeps:invoices\n');
    await callback();
    expect((globalThis as { __callbacks?: string[] }).__callbacks).toEqual([
      'structure:money',
      'structure:invoices',
      'deps:money',
      'deps:invoices',
    ]);
  });

  it('narrows to --projects, which must be enrolled', async () => {
    await phaseGenerator(tree, { phase: 1, projects: 'invoices', skipFormat: true });
    expect(tree.read('log.txt', 'utf-8')).toBe('structure:invoices\ndeps:invoices\n');
    await expect(phaseGenerator(tree, { phase: 1, projects: 'site', skipFormat: true })).rejects.toThrow(
      'site is not enrolled in the plan (enrolled: money, invoices)',
    );
  });

  it('takes the short name of an enrolled scoped project, and the list Nx gives', async () => {
    addProjectConfiguration(tree, '@ws/ledger', { root: 'libs/ledger' });
    tree.write('shipshape-plan.json', JSON.stringify({ version: 1, start: '2026-12-07', projects: ['money', '@ws/ledger'], weeks: [] }));
    await phaseGenerator(tree, { phase: 1, projects: ['ledger', 'money'], skipFormat: true });
    expect(tree.read('log.txt', 'utf-8')).toBe('structure:@ws/ledger\nstructure:money\ndeps:@ws/ledger\ndeps:money\n');
    await expect(phaseGenerator(tree, { phase: 1, projects: 'ledgr', skipFormat: true })).rejects.toThrow(
      '--projects names "ledgr", which is not a project of this workspace',
    );
  });

  it('says which published package to add when a phase has none installed', async () => {
    const bare = tempWorkspace({ 'package.json': '{"name":"ws"}' });
    try {
      Object.defineProperty(tree, 'root', { value: bare.root });
      await expect(phaseGenerator(tree, { phase: 1, skipFormat: true })).rejects.toThrow(
        'no installed package runs phase 1; install nx add @shipshape/structure and nx add @shipshape/deps',
      );
      expect(tree.exists('log.txt')).toBe(false);
    } finally {
      bare.remove();
    }
  });

  it('says that a phase whose packages are not published yet has nothing to apply, and never to nx add them', async () => {
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    try {
      const before = tree.listChanges().map((change) => change.path);
      const callback = await phaseGenerator(tree, { phase: 3, skipFormat: true });
      await callback();
      expect(tree.listChanges().map((change) => change.path)).toEqual(before);
      expect(tree.exists('log.txt')).toBe(false);
      await phaseGenerator(tree, { phase: 4, skipFormat: true });
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        'Phase 3 (Testing & quality): @shipshape/quality is not published yet, so there is nothing to apply to its 8 plan items; the status shows them as "no check yet".',
        'Phase 4 (Distribution & extensibility): @shipshape/release and @shipshape/plugins are not published yet, so there is nothing to apply to its 7 plan items; the status shows them as "no check yet".',
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('counts as published exactly the phase packages the pipeline depends on', () => {
    expect(publishedPhasePackages().sort()).toEqual(['@shipshape/api', '@shipshape/deps', '@shipshape/structure']);
  });

  it('names the nx add command when a published phase package is not installed', async () => {
    await expect(phaseGenerator(tree, { phase: 2, skipFormat: true })).rejects.toThrow(
      'no installed package runs phase 2; install nx add @shipshape/api',
    );
  });

  it('needs a plan', async () => {
    tree.delete('shipshape-plan.json');
    await expect(phaseGenerator(tree, { phase: 1 })).rejects.toThrow(
      'shipshape-plan.json: there is no plan yet; write one with: nx g @shipshape/pipeline:plan',
    );
  });
});
