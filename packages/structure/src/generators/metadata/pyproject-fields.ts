import type { TomlEdit } from '@shipshape/core';
import { repositoryPages } from '../../metadata/git';
import { classifierVersion, lowestMinor, parseSpecifier } from '../../metadata/python-versions';
import { PYTHON_URL_ROLES, normalizeUrlLabel } from '../../metadata/urls';
import type { FieldPlan } from './package-json-fields';
import { descriptionLeft, type MetadataSources } from './sources';

type Table = Record<string, unknown>;

/** The [project] fields that are missing (and not dynamic) and that the workspace can tell. */
export function planPyproject(table: Table, root: string, sources: MetadataSources): FieldPlan<TomlEdit> {
  const edits: TomlEdit[] = [];
  const left: string[] = [];
  const dynamic = Array.isArray(table.dynamic) ? table.dynamic : [];
  const fill = (field: string, value: unknown, why: string) => {
    if (table[field] !== undefined || dynamic.includes(field)) return;
    if (value === undefined) left.push(`"${field}": ${why}`);
    else edits.push({ path: ['project', field], value });
  };
  fill('description', sources.readme?.paragraph, descriptionLeft(sources.readme));
  fill('readme', readmeFile(sources), readmeLeft(sources));
  fill(
    'requires-python',
    requiresPythonFromClassifiers(table),
    'no "Programming Language :: Python :: 3.x" classifiers to take the lowest version from',
  );
  const addsLicense = table.license === undefined && !dynamic.includes('license') && sources.license !== undefined;
  fill('license', sources.license?.id, 'no LICENSE file whose license is recognisable, and no license in the root package.json');
  if ((addsLicense || typeof table.license === 'string') && sources.license?.projectFile)
    fill('license-files', [sources.license.projectFile], '');
  const author =
    sources.author &&
    Object.fromEntries(Object.entries({ name: sources.author.name, email: sources.author.email }).filter(([, v]) => v !== undefined));
  fill('authors', author && [author], 'no author in the root package.json and no git user.name');
  fillUrls(table, root, sources, dynamic, edits, left);
  return { edits, left };
}

/** The README to name in "readme", unless build backends could not read it (they read it as UTF-8). */
const readmeFile = (sources: MetadataSources) => (sources.readme?.unreadable ? undefined : sources.readme?.file);
const readmeLeft = (sources: MetadataSources) =>
  sources.readme?.unreadable
    ? `${sources.readme.file} ${sources.readme.unreadable}, and build backends read the README as UTF-8: convert it, then name it`
    : 'the project has no README';

function requiresPythonFromClassifiers(table: Table): string | undefined {
  const minors = (Array.isArray(table.classifiers) ? table.classifiers : [])
    .map((c) => (typeof c === 'string' ? classifierVersion(c) : undefined))
    .filter((v): v is [number, number] => v !== undefined && v[0] === 3)
    .map(([, minor]) => minor);
  if (minors.length === 0) return undefined;
  const spec = `>=3.${Math.min(...minors)}`;
  return lowestMinor(parseSpecifier(spec)!) === Math.min(...minors) ? spec : undefined;
}

function fillUrls(table: Table, root: string, sources: MetadataSources, dynamic: unknown[], edits: TomlEdit[], left: string[]) {
  if (dynamic.includes('urls')) return;
  const urls = (typeof table.urls === 'object' && table.urls !== null ? table.urls : {}) as Table;
  const repo = sources.repository;
  if (!repo) {
    if (Object.keys(urls).length === 0) left.push('"urls": no git remote "origin" and no repository in the root package.json');
    return;
  }
  const pages = repositoryPages(repo, root, sources.branch);
  const values: Record<keyof typeof PYTHON_URL_ROLES, string | undefined> = {
    homepage: pages.homepage,
    source: repo.web,
    issues: pages.issues,
  };
  const labels = Object.keys(urls).map(normalizeUrlLabel);
  const missing: Table = {};
  for (const [role, { label, aliases }] of Object.entries(PYTHON_URL_ROLES) as Array<
    [keyof typeof PYTHON_URL_ROLES, { label: string; aliases: string[] }]
  >) {
    if (!labels.some((l) => aliases.includes(l)) && values[role]) missing[label] = values[role];
  }
  if (Object.keys(missing).length === 0) return;
  if (table.urls === undefined) edits.push({ path: ['project', 'urls'], value: missing });
  else for (const [label, url] of Object.entries(missing)) edits.push({ path: ['project', 'urls', label], value: url });
}

/**
 * The [tool.poetry] fields that are missing and that the workspace can tell, with Poetry's names and shapes
 * (authors as "Name <email>", homepage and repository as plain fields): Poetry before 2.0 reads no [project].
 */
export function planPoetry(table: Table, root: string, sources: MetadataSources): FieldPlan<TomlEdit> {
  const edits: TomlEdit[] = [];
  const left: string[] = [];
  const fill = (field: string, value: unknown, why: string) => {
    if (table[field] !== undefined) return;
    if (value === undefined) left.push(`"${field}": ${why}`);
    else edits.push({ path: ['tool', 'poetry', field], value });
  };
  fill('description', sources.readme?.paragraph, descriptionLeft(sources.readme));
  fill('readme', readmeFile(sources), readmeLeft(sources));
  fill('license', sources.license?.id, 'no LICENSE file whose license is recognisable, and no license in the root package.json');
  const author = sources.author && [sources.author.name, sources.author.email && `<${sources.author.email}>`].filter(Boolean).join(' ');
  fill('authors', author && [author], 'no author in the root package.json and no git user.name');
  const repo = sources.repository;
  const pages = repo && repositoryPages(repo, root, sources.branch);
  fill('homepage', pages?.homepage, 'no git remote "origin" and no repository in the root package.json');
  fill('repository', repo?.web, 'no git remote "origin" and no repository in the root package.json');
  return { edits, left };
}
