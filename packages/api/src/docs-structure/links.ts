import { posix } from 'node:path';
import { defineFact } from '@shipshape/core';
import { looseAnchor, type ParsedPage } from './markdown';
import { API_PAGES, docsRelative, docsSite, matchesAny, type DocsSite } from './site';

/** A link of the docs that leads nowhere: to a file that is not there, or to an anchor its page does not have. */
export interface LinkProblem {
  kind: 'file' | 'anchor';
  /** Workspace-relative file the link is written in (a page, or mkdocs.yml for the nav). */
  file: string;
  line: number;
  column: number;
  href: string;
  message: string;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:|^\/\/|^[/\\]/i;

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Whether the anchor is one the page has (loosely when toc's slugify is replaced). */
function hasAnchor(site: DocsSite, page: ParsedPage, anchor: string): boolean {
  const wanted = safeDecode(anchor);
  if (page.anchors.has(wanted)) return true;
  if (!site.customSlugify) return false;
  const loose = looseAnchor(wanted);
  return [...page.anchors].some((a) => looseAnchor(a) === loose);
}

/**
 * Where a docs-relative target is: a page or file of the docs folder, an old path the redirects plugin maps, or
 * (with the generated API pages not built yet) the API pages' folder, whose files the docs build writes.
 */
function targetState(site: DocsSite, exists: (path: string) => boolean, target: string): 'found' | 'missing' | 'outside' | 'unknown' {
  if (target.startsWith('../') || target === '..') return 'outside';
  const file = posix.join(site.docsDir, target);
  if (exists(file) || site.redirects.has(target)) return 'found';
  if (target === API_PAGES || target.startsWith(`${API_PAGES}/`))
    return exists(posix.join(site.docsDir, API_PAGES)) ? 'missing' : 'unknown';
  return site.generatedPages ? 'unknown' : 'missing';
}

/** The links of every page and of mkdocs.yml's nav that lead nowhere, as MkDocs resolves them. */
export const linkProblems = defineFact({
  id: 'docs-structure/link-problems',
  inputs: [docsSite],
  compute: (project, site): LinkProblem[] => {
    const { source } = project.workspace;
    const exists = (path: string) => source.isFile(path);
    const problems: LinkProblem[] = [];
    const withSite = site.config !== undefined;
    for (const [file, page] of site.parsed) {
      // a snippet's links are resolved where it is included; an excluded page is not built
      if ('error' in page || site.included.has(file) || matchesAny(docsRelative(site, file), site.excluded)) continue;
      const from = docsRelative(site, file);
      for (const link of page.links) {
        const href = link.href.trim();
        if (!href || EXTERNAL.test(href) || /\{\{|\{%|\$\{/.test(href)) continue;
        const hash = href.indexOf('#');
        const path = (hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, '');
        const anchor = hash >= 0 ? href.slice(hash + 1) : '';
        const at = { file, line: link.line, column: link.column, href };
        if (path === '') {
          if (anchor && !page.openAnchors && !hasAnchor(site, page, anchor))
            problems.push({
              kind: 'anchor',
              ...at,
              message: `the link "${href}" points at an anchor this page does not have: no heading or id "${safeDecode(anchor)}"`,
            });
          continue;
        }
        const decoded = safeDecode(path);
        // MkDocs checks only links whose last segment names a file (`x.md`, `img/a.png`); `../guide/` is a URL to it.
        if (!posix.basename(decoded).includes('.')) continue;
        const target = posix.normalize(posix.join(posix.dirname(from), decoded));
        const state = targetState(site, exists, target);
        if (state === 'unknown') continue;
        if (state === 'outside') {
          const repoPath = posix.normalize(posix.join(posix.dirname(file), decoded));
          if (withSite && !repoPath.startsWith('../'))
            problems.push({
              kind: 'file',
              ...at,
              message: exists(repoPath)
                ? `the link "${href}" points at ${repoPath}, which is outside the docs folder ${site.docsDir}: MkDocs does not publish it, so the built site's link is broken (mkdocs build --strict fails)`
                : `the link "${href}" points at ${repoPath}, which does not exist`,
            });
          else if (!withSite && !repoPath.startsWith('../') && !exists(repoPath))
            problems.push({ kind: 'file', ...at, message: `the link "${href}" points at ${repoPath}, which does not exist` });
          continue;
        }
        if (state === 'missing') {
          problems.push({
            kind: 'file',
            ...at,
            message: `the link "${href}" points at ${posix.join(site.docsDir, target)}, which does not exist${withSite ? ' (mkdocs build --strict fails on it)' : ''}`,
          });
          continue;
        }
        if (!anchor || !/\.(md|markdown)$/i.test(target)) continue;
        const targetPage = site.parsed.get(posix.join(site.docsDir, target));
        if (!targetPage || 'error' in targetPage || targetPage.openAnchors || hasAnchor(site, targetPage, anchor)) continue;
        problems.push({
          kind: 'anchor',
          ...at,
          message: `the link "${href}" points at an anchor ${target} does not have: no heading or id "${safeDecode(anchor)}"`,
        });
      }
    }
    if (site.config && site.nav) {
      const text = source.read(site.config) ?? '';
      for (const entry of site.nav) {
        if (!/\.(md|markdown)$/i.test(entry.path)) continue;
        if (targetState(site, exists, entry.path) !== 'missing') continue;
        const index = text.indexOf(entry.path);
        const line = index >= 0 ? text.slice(0, index).split('\n').length : 0;
        const column = index >= 0 ? index - text.lastIndexOf('\n', index - 1) : 0;
        problems.push({
          kind: 'file',
          file: site.config,
          line,
          column,
          href: entry.path,
          message: `the nav lists ${entry.path}, which is not in the docs folder ${site.docsDir} (mkdocs build --strict fails on it)`,
        });
      }
    }
    return problems;
  },
});
