import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostedRepository, readGitFacts, repositoryPages } from './git';
import { detectLicense } from './license-file';
import { allowsMinor, parseSpecifier } from './python-versions';
import { firstParagraph, readmeLead } from './readme';
import { checkSpdxExpression } from './spdx';

describe('hostedRepository', () => {
  it.each([
    ['git@github.com:acme/billing.git', 'https://github.com/acme/billing'],
    ['ssh://git@gitlab.example.com:2222/group/sub/repo.git', 'https://gitlab.example.com/group/sub/repo'],
    ['https://ci-bot:s3cr3t@github.com/acme/billing.git', 'https://github.com/acme/billing'],
    ['git+https://github.com/acme/billing', 'https://github.com/acme/billing'],
  ])('reads %s as %s, dropping credentials', (remote, web) => {
    expect(hostedRepository(remote)?.web).toBe(web);
    expect(hostedRepository(remote)?.git).toBe(`git+${web}.git`);
  });

  it('refuses what is not a repository address', () => {
    expect(hostedRepository('/srv/git/billing')).toBeUndefined();
    expect(hostedRepository('file:///srv/git/billing.git')).toBeUndefined();
  });

  it('links a package folder and the issues on GitHub and GitLab, only the repository elsewhere', () => {
    expect(repositoryPages(hostedRepository('git@gitlab.com:acme/billing.git')!, 'libs/money', 'main')).toEqual({
      homepage: 'https://gitlab.com/acme/billing/-/tree/main/libs/money#readme',
      issues: 'https://gitlab.com/acme/billing/-/issues',
    });
    expect(repositoryPages(hostedRepository('https://git.acme.test/billing.git')!, 'libs/money', 'main')).toEqual({
      homepage: 'https://git.acme.test/billing',
    });
  });
});

describe('readGitFacts', () => {
  it('reads the origin remote of a real repository, and nothing outside one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-git-'));
    try {
      expect(readGitFacts(dir).remoteUrl).toBeUndefined();
      execFileSync('git', ['init', '-q'], { cwd: dir });
      execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/billing.git'], { cwd: dir });
      expect(readGitFacts(dir).remoteUrl).toBe('git@github.com:acme/billing.git');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('firstParagraph', () => {
  it('skips headings, badges, HTML and code, and flattens Markdown', () => {
    const readme =
      '---\ntitle: x\n---\n# Money\n\n<p align="center"><img src="logo.png"></p>\n\n[![CI](https://ci/badge.svg)](https://ci)\n\n```ts\nadd(a, b)\n```\n\nExact **money** arithmetic, see [the docs](https://docs).\nNo floats.\n\nMore.\n';
    expect(firstParagraph(readme)).toBe('Exact money arithmetic, see the docs. No floats.');
    expect(firstParagraph('# Title only\n')).toBeUndefined();
  });

  it.each([
    [
      '@nx/js:library',
      '# my-lib\n\nThis library was generated with [Nx](https://nx.dev).\n\n## Building\n\nRun `nx build my-lib` to build the library.\n',
    ],
    [
      'create-nx-workspace',
      '# Org\n\n<a alt="Nx logo" href="https://nx.dev"><img src="logo.png"></a>\n\n✨ Your new, shiny [Nx workspace](https://nx.dev) is ready ✨.\n',
    ],
    ['Angular CLI', '# Ui\n\nThis library was generated with [Angular CLI](https://github.com/angular/angular-cli) version 17.0.0.\n'],
    ['Create React App', '# App\n\nThis project was bootstrapped with [Create React App](https://github.com/facebook/create-react-app).\n'],
    ['TSDX', '# x\n\nCongrats! You just saved yourself hours of work by bootstrapping this project with TSDX.\n'],
    ['a TODO', '# x\n\nTODO: describe the library.\n'],
  ])("never takes a scaffold's sentence for a description (%s)", (_, readme) => {
    const lead = readmeLead(readme);
    expect(lead.paragraph).toBeUndefined();
    expect(lead.boilerplate).toMatch(/generated|shiny|bootstrapp|TODO/);
  });

  it('looks for the lead only before the first section: a Building or License section is not a description', () => {
    expect(readmeLead('# my-lib\n\n## Building\n\nRun `nx build my-lib` to build the library.\n')).toEqual({});
    expect(
      readmeLead(
        '# x\n\n[![PyPI](https://img.shields.io/pypi/v/x.svg)](https://pypi.org/project/x)\n\n-----\n\n## License\n\n`x` is distributed under the terms of the [MIT](https://spdx.org/licenses/MIT.html) license.\n',
      ),
    ).toEqual({});
    expect(readmeLead('Ledger\n======\n\nInstall\n-------\n\npip install ledger and you are done.\n')).toEqual({});
    expect(readmeLead('\uFEFF# Ledger\r\n\r\n## Overview\r\n\r\nDouble-entry bookkeeping\r\nfor Acme.\r\n')).toEqual({
      paragraph: 'Double-entry bookkeeping for Acme.',
    });
  });
});

describe('detectLicense', () => {
  it('names licenses whose text tells their SPDX id, and no other', () => {
    expect(
      detectLicense(
        'Permission is hereby granted, free of charge, to any person ...\n\nThe above copyright notice and this permission notice shall be included in all copies',
      ),
    ).toBe('MIT');
    expect(detectLicense('Redistribution and use in source and binary forms, with or without modification, are permitted')).toBe(
      'BSD-2-Clause',
    );
    expect(detectLicense('Redistribution and use in source and binary forms ... Neither the name of the copyright holder')).toBe(
      'BSD-3-Clause',
    );
    expect(detectLicense('GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007')).toBeUndefined();
  });
});

describe('checkSpdxExpression', () => {
  it('parses compound expressions and flags deprecated ids', () => {
    expect(checkSpdxExpression('(MIT OR Apache-2.0) AND BSD-3-Clause')).toEqual({
      valid: true,
      licenses: ['MIT', 'Apache-2.0', 'BSD-3-Clause'],
      deprecated: [],
    });
    expect(checkSpdxExpression('GPL-3.0')).toMatchObject({ valid: true, deprecated: ['GPL-3.0'] });
    expect(checkSpdxExpression('MIT License')).toMatchObject({ valid: false });
    expect(checkSpdxExpression('apache-2.0')).toMatchObject({ valid: false, suggestion: 'Apache-2.0' });
  });
});

describe('python version specifiers', () => {
  // Each specifier with the minor versions it allows (+) and excludes (-).
  it.each([
    ['>=3.9', '-3.8 +3.9 +3.13'],
    ['>=3.8.1,<3.11', '+3.8 +3.10 -3.11'],
    ['~=3.10', '-3.9 +3.10 +3.12 -4.0'],
    ['==3.11.*', '-3.10 +3.11 -3.12'],
    ['>=3.8, !=3.9.*', '+3.8 -3.9 +3.10'],
  ])('%s allows %s', (spec, cases) => {
    const allows = parseSpecifier(spec)!;
    for (const [sign, major, minor] of cases.split(' ').map((c) => [c[0], ...c.slice(1).split('.').map(Number)] as const))
      expect([major, minor, allowsMinor(allows, major, minor)]).toEqual([major, minor, sign === '+']);
  });

  it('rejects what is not PEP 440', () => {
    expect(parseSpecifier('3.9+')).toBeUndefined();
    expect(parseSpecifier('>=3.*')).toBeUndefined();
  });
});
