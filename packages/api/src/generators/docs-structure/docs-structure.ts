import { posix } from 'node:path';
import { defineFixGenerator, errorMessage, type FixResult, type ShipshapeProject } from '@shipshape/core';
import { API_OPTIONS } from '../../options';
import { newArchitecturePage } from '../../docs-structure/architecture';
import { diagramTexts } from '../../docs-structure/diagrams';
import { indexPage, KIND_TITLES, KINDS, kindsPresent, type DocsKind } from '../../docs-structure/kinds';
import { appendToNav } from '../../docs-structure/nav-edit';
import { installation, manifestDescription, publicApi, readmeParagraph } from '../../docs-structure/project-facts';
import { docsSite } from '../../docs-structure/site';
import type { DocsStructureGeneratorSchema } from './schema';

/** At most this many public names are listed on the reference page (the API pages list them all). */
const LISTED = 60;

interface Facts {
  title: string;
  summary?: string;
  install?: ReturnType<typeof installation>;
  api?: Awaited<ReturnType<typeof publicApi>>;
}

const fence = (language: string, code: string) => ['```' + language, code, '```'].join('\n');

function usage(facts: Facts): string | undefined {
  const api = facts.api;
  if (!api) return undefined;
  const first = api.names.slice(0, 3);
  if (api.language === 'python')
    return fence('python', first.length > 0 ? `from ${api.module} import ${first.join(', ')}` : `import ${api.module}`);
  return first.length > 0 ? fence('ts', `import { ${first.join(', ')} } from '${api.module}';`) : undefined;
}

function installBlock(facts: Facts): string[] {
  return facts.install ? [fence('sh', facts.install.command), ''] : [];
}

/** The page of each kind, with what the project says of itself. */
function kindPage(kind: DocsKind, facts: Facts, architecture: boolean): string {
  const name = facts.title;
  switch (kind) {
    case 'tutorials':
      return [
        '# Tutorials',
        '',
        `Lessons that take you through ${name} step by step, from installing it to a first working result.`,
        '',
        '## Getting started',
        '',
        ...(facts.install ? ['Install the package:', '', ...installBlock(facts)] : []),
        ...(usage(facts) ? ['Then import it in your code:', '', usage(facts)!, ''] : []),
      ].join('\n');
    case 'how-to':
      return [
        '# How-to guides',
        '',
        `Recipes for the tasks you do with ${name}: each guide starts from a goal and lists the steps to reach it.`,
        '',
        ...(facts.install
          ? [`## How to install ${facts.install.name}`, '', ...installBlock(facts)]
          : ['## How to add a guide', '', 'Write one page per task in this folder, titled with the task ("How to …").', '']),
      ].join('\n');
    case 'reference': {
      const api = facts.api;
      const names = api?.names ?? [];
      const listed = names.slice(0, LISTED).map((n) => `- \`${n}\``);
      return [
        '# Reference',
        '',
        `The technical description of ${name}'s public API.`,
        '',
        ...(api
          ? [
              `## Public API of \`${api.module}\``,
              '',
              ...(names.length > 0
                ? [
                    `\`${api.module}\` exports ${names.length === 1 ? 'one name' : `${names.length} names`}:`,
                    '',
                    ...listed,
                    ...(names.length > LISTED ? [`- … and ${names.length - LISTED} more`] : []),
                    '',
                  ]
                : [`\`${api.module}\` lists no public names yet.`, '']),
            ]
          : []),
        'Each public symbol has its page in the API reference generated from the code.',
        '',
      ].join('\n');
    }
    case 'explanation':
      return [
        '# Explanation',
        '',
        `Background and design of ${name}: why it works the way it does.`,
        '',
        ...(facts.summary ? ['## What it is', '', facts.summary, ''] : []),
        ...(architecture
          ? ['## Architecture', '', 'See [Architecture](architecture.md) for the diagrams of its projects and modules.', '']
          : []),
      ].join('\n');
  }
}

function indexContent(facts: Facts, kinds: ReadonlyArray<{ kind: DocsKind; path: string }>): string {
  return [
    `# ${facts.title}`,
    '',
    ...(facts.summary ? [facts.summary, ''] : []),
    ...(facts.install ? ['## Installation', '', ...installBlock(facts)] : []),
    ...(kinds.length > 0 ? ['## Documentation', '', ...kinds.map(({ kind, path }) => `- [${KIND_TITLES[kind]}](${path})`), ''] : []),
  ].join('\n');
}

async function scaffold(project: ShipshapeProject): Promise<FixResult> {
  const site = project.get(docsSite);
  const { source } = project.workspace;
  const install = installation(project);
  const facts: Facts = {
    title: install?.name ?? project.name,
    summary: readmeParagraph(project) ?? manifestDescription(project),
    install,
    api: await publicApi(project),
  };
  const changes: Array<{ path: string; content: string }> = [];
  const done: string[] = [];
  const left: string[] = [];
  const create = (relative: string, content: string) => {
    const path = posix.join(site.docsDir, relative);
    if (source.exists(path)) return false; // a page that exists is the user's
    changes.push({ path, content: content.replace(/\n*$/, '\n') });
    done.push(`${path}: created`);
    return true;
  };
  const present = kindsPresent(site);
  const navEntries: Array<Record<string, unknown>> = [];
  const created: Array<{ kind: DocsKind; path: string }> = [];
  const architecture = 'explanation/architecture.md';
  for (const kind of KINDS) {
    if (present.has(kind)) continue;
    const path = `${kind}/index.md`;
    let section: unknown = path;
    if (kind === 'explanation') {
      const madeArchitecture = create(architecture, newArchitecturePage(await diagramTexts(project)));
      const withArchitecture = madeArchitecture || source.isFile(posix.join(site.docsDir, architecture));
      if (create(path, kindPage(kind, facts, withArchitecture))) {
        created.push({ kind, path });
        section = madeArchitecture ? [path, { Architecture: architecture }] : path;
        navEntries.push({ [KIND_TITLES[kind]]: section });
      }
      continue;
    }
    if (create(path, kindPage(kind, facts, false))) {
      created.push({ kind, path });
      navEntries.push({ [KIND_TITLES[kind]]: section });
    }
  }
  if (!indexPage(site)) {
    const linked = [
      ...created,
      ...KINDS.filter((k) => present.has(k) && source.isFile(posix.join(site.docsDir, `${k}/index.md`))).map((kind) => ({
        kind,
        path: `${kind}/index.md`,
      })),
    ];
    linked.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
    if (create('index.md', indexContent(facts, linked))) navEntries.unshift({ Home: 'index.md' });
  }
  if (!install) left.push(`${project.root}: no package name in package.json or pyproject.toml, so the pages have no install command`);
  if (site.config && site.nav && navEntries.length > 0) {
    try {
      const text = source.read(site.config) ?? '';
      const edited = appendToNav(text, site.config, navEntries);
      if (edited !== text) {
        changes.push({ path: site.config, content: edited });
        done.push(`${site.config}: added ${navEntries.length === 1 ? 'one section' : `${navEntries.length} sections`} to the nav`);
      }
    } catch (error) {
      left.push(`${site.config}: the nav could not be edited (${errorMessage(error)}); add the new pages to it by hand`);
    }
  }
  if (changes.length === 0) done.push(`the docs of ${project.name} have an index and the four kinds: nothing to scaffold`);
  if (!site.config) left.push(`${project.root}: no mkdocs.yml yet: run nx g @shipshape/api:docs to build these pages into a site`);
  return { changes, done, left };
}

/**
 * `nx g @shipshape/api:docs-structure --project=x`: scaffolds the Diátaxis structure (index, tutorials, how-to guides,
 * reference, explanation with its architecture page) with what the project says of itself: the README's first
 * paragraph, the real install command, its public API. A kind the docs already have under another name is not
 * scaffolded, and a page that exists is never touched; new pages join an explicit nav.
 */
export const docsStructureGenerator = defineFixGenerator<DocsStructureGeneratorSchema>({
  name: '@shipshape/api:docs-structure',
  sections: [API_OPTIONS],
  fix: ({ project }) => scaffold(project),
});

export default docsStructureGenerator;
