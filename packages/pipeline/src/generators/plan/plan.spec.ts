import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { PLAN_ITEMS } from '@shipshape/core';
import { planGenerator } from './plan';

describe('plan generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    addProjectConfiguration(tree, 'money', { root: 'libs/money', tags: ['scope:billing'] });
    addProjectConfiguration(tree, 'invoices', { root: 'libs/invoices', tags: ['scope:billing'] });
    addProjectConfiguration(tree, 'site', { root: 'apps/site', tags: ['scope:web'] });
    tree.write('libs/ledger/pyproject.toml', '[project]\nname = "acme-ledger"\n');
  });
  const plan = () => JSON.parse(tree.read('shipshape-plan.json', 'utf-8') ?? 'null');

  it('writes the start, the enrolled projects and the ten weeks with their phase and items', async () => {
    await planGenerator(tree, { start: '2026-12-07', projects: 'money,acme-ledger' });
    const written = plan();
    expect(written).toMatchObject({ version: 1, start: '2026-12-07', projects: ['money', 'acme-ledger'] });
    expect(written.weeks.map((w: { week: number; phase: number }) => [w.week, w.phase])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 3],
      [6, 3],
      [7, 4],
      [8, 4],
      [9, 5],
      [10, 5],
    ]);
    const planned = new Set(written.weeks.flatMap((w: { items: string[] }) => w.items));
    expect([...planned].sort()).toEqual(PLAN_ITEMS.map((i) => i.id).sort());
    expect(written.weeks[0].items).toContain('structure/package-metadata');
    expect(written.weeks[9].items).toContain('launch/announcement');
  });

  it('enrolls by tag', async () => {
    await planGenerator(tree, { start: '2026-12-07', tags: 'scope:billing' });
    expect(plan().projects.sort()).toEqual(['invoices', 'money']);
  });

  it("updates on a second run: new start, projects added once, the user's own keys and layout kept", async () => {
    await planGenerator(tree, { start: '2026-12-07', projects: 'money' });
    tree.write('shipshape-plan.json', (tree.read('shipshape-plan.json', 'utf-8') ?? '').replace('{\n', '{\n  "owner": "team-billing",\n'));
    await planGenerator(tree, { start: '2026-12-14', projects: 'money,invoices' });
    expect(plan()).toMatchObject({ owner: 'team-billing', start: '2026-12-14', projects: ['money', 'invoices'] });
    const text = tree.read('shipshape-plan.json', 'utf-8');
    await planGenerator(tree, { start: '2026-12-14', projects: 'invoices' });
    expect(tree.read('shipshape-plan.json', 'utf-8')).toBe(text);
  });

  it('refuses a project that does not exist, naming it and the known ones, and writes nothing', async () => {
    await expect(planGenerator(tree, { start: '2026-12-07', projects: 'money,monye' })).rejects.toThrow(
      '--projects names "monye", which is not a project of this workspace; known projects: acme-ledger, invoices, money, site',
    );
    expect(tree.exists('shipshape-plan.json')).toBe(false);
  });

  it('takes the short name a user types for a scoped project, as nx run does, and writes the real name', async () => {
    addProjectConfiguration(tree, '@ws/my-lib', { root: 'packages/my-lib' });
    await planGenerator(tree, { start: '2026-12-07', projects: 'my-lib,money' });
    expect(plan().projects).toEqual(['@ws/my-lib', 'money']);
  });

  it('lists the real names of an ambiguous short name, and writes nothing', async () => {
    addProjectConfiguration(tree, '@ws/util', { root: 'packages/util' });
    addProjectConfiguration(tree, '@tools/util', { root: 'tools/util-lib' });
    await expect(planGenerator(tree, { start: '2026-12-07', projects: 'util' })).rejects.toThrow(
      '"util" could be any of @tools/util, @ws/util: name one of them with --projects',
    );
    expect(tree.exists('shipshape-plan.json')).toBe(false);
    await planGenerator(tree, { start: '2026-12-07', projects: '@tools/util' });
    expect(plan().projects).toEqual(['@tools/util']);
  });

  it('says every name it cannot enroll at once', async () => {
    addProjectConfiguration(tree, '@ws/util', { root: 'packages/util' });
    addProjectConfiguration(tree, '@tools/util', { root: 'tools/util-lib' });
    await expect(planGenerator(tree, { start: '2026-12-07', projects: 'util,monye,money' })).rejects.toThrow(
      /^"util" could be any of @tools\/util, @ws\/util: name one of them with --projects; --projects names "monye", which is not a project of this workspace/,
    );
  });

  it("takes the list Nx gives from Nx Console's multi-select or from --projects=a,b", async () => {
    await planGenerator(tree, { start: '2026-12-07', projects: ['money', 'invoices,acme-ledger'], tags: ['scope:web'] });
    expect(plan().projects).toEqual(['money', 'invoices', 'acme-ledger', 'site']);
  });

  it('refuses a start that is not a date', async () => {
    await expect(planGenerator(tree, { start: '2026-02-30', projects: 'money' })).rejects.toThrow('--start "2026-02-30" is not a date');
    await expect(planGenerator(tree, { start: 'monday', projects: 'money' })).rejects.toThrow('--start "monday" is not a date');
  });

  it('names the plan file when the existing plan is corrupt, and leaves it as it was', async () => {
    tree.write('shipshape-plan.json', '{"version": 1, "start": "soon"');
    await expect(planGenerator(tree, { start: '2026-12-07', projects: 'money' })).rejects.toThrow(/^shipshape-plan\.json: invalid JSON/);
    expect(tree.read('shipshape-plan.json', 'utf-8')).toBe('{"version": 1, "start": "soon"');
  });

  it('asks for projects or tags', async () => {
    await expect(planGenerator(tree, { start: '2026-12-07' })).rejects.toThrow('say which projects to enroll');
  });
});
