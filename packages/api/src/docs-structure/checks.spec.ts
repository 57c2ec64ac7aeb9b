import { diskProject, tempWorkspace } from '@shipshape/core/testing';
import type { Check, FindingInput, ShipshapeProject } from '@shipshape/core';
import { API_OPTIONS } from '../options';
import { PLANTED, QUIET } from './__fixtures__/sites';
import brokenAnchors from './checks/broken-anchors';
import brokenLinks from './checks/broken-links';
import diataxisKinds from './checks/diataxis-kinds';
import notInNav from './checks/not-in-nav';
import stubPages from './checks/stub-pages';
import { checks } from './checks';

async function run(check: Check, project: ShipshapeProject): Promise<FindingInput[]> {
  return check.run(project);
}

const brief = (findings: FindingInput[]) => findings.map((f) => `${f.file}:${f.line ?? 0} ${f.severity ?? ''}${f.key}`);

describe('docs structure checks', () => {
  const ws = tempWorkspace({ ...PLANTED, ...QUIET });
  afterAll(() => ws.remove());
  const project = (root: string) => diskProject(ws.root, root, { sections: [API_OPTIONS] });

  it('are listed for src/checks.ts', () => {
    expect(checks.map((c) => c.id)).toEqual([
      'docs/diataxis-kinds',
      'docs/stub-pages',
      'docs/broken-links',
      'docs/broken-anchors',
      'docs/not-in-nav',
      'docs/stale-diagram',
    ]);
  });

  it('finds links to files that are not in the docs folder (pages, images, the nav), and nothing else', async () => {
    const found = await run(brokenLinks, project('libs/geometry'));
    expect(brief(found)).toEqual([
      'libs/geometry/docs/index.md:3 link:advanced/missing.md',
      'libs/geometry/docs/index.md:5 link:../CHANGELOG.md',
      'libs/geometry/docs/index.md:5 link:../README.md',
      'libs/geometry/docs/index.md:7 link:img/missing.png',
      'libs/geometry/mkdocs.yml:21 link:old.md',
    ]);
    expect(found[1].message).toMatch(/libs\/geometry\/CHANGELOG\.md, which does not exist/);
    expect(found[2].message).toMatch(/outside the docs folder libs\/geometry\/docs: MkDocs does not publish it/);
    expect(found[0]).toMatchObject({ column: 117 });
  });

  it('finds anchors no heading has, in admonitions too, and not the ones that exist', async () => {
    const found = await run(brokenAnchors, project('libs/geometry'));
    expect(brief(found)).toEqual([
      'libs/geometry/docs/index.md:10 anchor:tutorials/getting-started.md#instalation',
      'libs/geometry/docs/index.md:14 anchor:#nowhere',
    ]);
    expect(found[0].message).toContain('no heading or id "instalation"');
  });

  it('finds empty and placeholder pages, not mkdocstrings pages or snippets', async () => {
    const found = await run(stubPages, project('libs/geometry'));
    expect(brief(found)).toEqual(['libs/geometry/docs/empty.md:0 stub', 'libs/geometry/docs/faq.md:1 stub']);
    expect(found[1].message).toBe('faq.md is a stub: its text is only "TODO"');
  });

  it('finds pages missing from an explicit nav, not the ones not_in_nav lists or partials', async () => {
    const found = await run(notInNav, project('libs/geometry'));
    expect(brief(found)).toEqual(['libs/geometry/docs/empty.md:0 nav', 'libs/geometry/docs/orphan.md:0 nav']);
  });

  it('finds the Diátaxis kinds the docs lack, taking an api page for reference', async () => {
    const found = await run(diataxisKinds, project('libs/geometry'));
    expect(brief(found)).toEqual(['libs/geometry/mkdocs.yml:0 kind:how-to', 'libs/geometry/mkdocs.yml:0 kind:explanation']);
  });

  it('stay quiet on docs that are whole, on generated sites and on projects with no docs', async () => {
    for (const root of ['libs/shapes', 'libs/generated', 'libs/bare'])
      for (const check of checks.filter((c) => root !== 'libs/generated' || c !== diataxisKinds))
        expect({ root, check: check.id, found: brief(await run(check, project(root))) }).toEqual({ root, check: check.id, found: [] });
  });

  it('takes a site whose pages a plugin writes as having its reference', async () => {
    expect(brief(await run(diataxisKinds, project('libs/generated')))).not.toContain('libs/generated/mkdocs.yml:0 kind:reference');
  });

  it('reports a missing index page, as a warning on a site', async () => {
    const ws2 = tempWorkspace({
      'lib/pyproject.toml': '[project]\nname = "x"\n',
      'lib/mkdocs.yml': 'site_name: x\n',
      'lib/docs/guide.md': '# Guide\n\nText.\n',
    });
    try {
      const found = await run(diataxisKinds, diskProject(ws2.root, 'lib'));
      expect(found[0]).toMatchObject({ key: 'index', severity: 'warning', file: 'lib/mkdocs.yml' });
    } finally {
      ws2.remove();
    }
  });

  it('names the file of a malformed mkdocs.yml or a page that is not UTF-8', async () => {
    ws.write({ 'libs/broken/pyproject.toml': '[project]\nname = "b"\n', 'libs/broken/mkdocs.yml': 'nav: [a.md\n' });
    await expect(async () => run(brokenLinks, project('libs/broken'))).rejects.toThrow(/libs\/broken\/mkdocs\.yml: invalid YAML at line 2/);
    ws.write({
      'libs/latin/pyproject.toml': '[project]\nname = "l"\n',
      'libs/latin/docs/index.md': Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]),
    });
    expect(await run(brokenLinks, project('libs/latin'))).toEqual([]);
  });
});
