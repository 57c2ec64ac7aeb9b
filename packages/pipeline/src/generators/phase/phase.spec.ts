import { addProjectConfiguration, logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { tempWorkspace } from '@shipshape/core/testing';
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

  it('says which package to add when a phase has none installed', async () => {
    await expect(phaseGenerator(tree, { phase: 2, skipFormat: true })).rejects.toThrow(
      'no installed package runs phase 2; install nx add @shipshape/api',
    );
    expect(tree.exists('log.txt')).toBe(false);
  });

  it('warns about a missing package of a phase and runs the installed ones', async () => {
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    await phaseGenerator(tree, { phase: 4, skipFormat: true }).catch(() => undefined);
    expect(warn).toHaveBeenCalledWith('Phase 4 also needs @shipshape/release, which is not installed: nx add @shipshape/release');
    warn.mockRestore();
  });

  it('needs a plan', async () => {
    tree.delete('shipshape-plan.json');
    await expect(phaseGenerator(tree, { phase: 1 })).rejects.toThrow(
      'shipshape-plan.json: there is no plan yet; write one with: nx g @shipshape/pipeline:plan',
    );
  });
});
