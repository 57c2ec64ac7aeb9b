import { posix } from 'node:path';
import { docsRelative, type DocsSite } from './site';

export { includedPages } from './site';

/** Whether a page is a readme MkDocs leaves out because an index.md is beside it. */
export function shadowedReadme(site: DocsSite, file: string): boolean {
  return /^readme\.md$/i.test(posix.basename(file)) && site.pages.includes(posix.join(posix.dirname(file), 'index.md'));
}

/** The docs-relative paths of the nav. */
export function navPaths(site: DocsSite): Set<string> {
  return new Set((site.nav ?? []).map((entry) => entry.path));
}

export { docsRelative };
