import { posix } from 'node:path';
import { decodeSource, defineFixGenerator, errorMessage, ShipshapeError, type FixResult, type ShipshapeProject } from '@shipshape/core';
import { API_OPTIONS } from '../../options';
import { newArchitecturePage, updateDiagrams } from '../../docs-structure/architecture';
import { DIAGRAMS, diagramTexts, markedDiagrams, type DiagramName } from '../../docs-structure/diagrams';
import { appendToNav } from '../../docs-structure/nav-edit';
import { docsRelative, docsSite } from '../../docs-structure/site';
import type { DiagramsGeneratorSchema } from './schema';

/** A page's text without its byte-order mark, and the mark to put back (decodeSource drops it). */
function readPage(project: ShipshapeProject, file: string): { text?: string; error?: string; bom: string } {
  const bytes = project.workspace.source.readBytes(file);
  const decoded = decodeSource(bytes);
  const bom = bytes && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  return { ...decoded, bom };
}

/** The page the diagrams go to when no page has their markers yet. */
export const ARCHITECTURE_PAGE = 'explanation/architecture.md';

async function writeDiagrams(project: ShipshapeProject): Promise<FixResult> {
  const site = project.get(docsSite);
  const { source } = project.workspace;
  const texts = await diagramTexts(project);
  const changes: Array<{ path: string; content: string }> = [];
  const done: string[] = [];
  const left: string[] = [];
  const placed = new Set<DiagramName>();
  // a page that is not UTF-8 is never rewritten (the docs toolchain's check names it)
  const marked = site.pages.flatMap((file) => {
    const { text, bom } = readPage(project, file);
    if (!text?.includes('shipshape:diagram')) return [];
    const names = markedDiagrams(text)
      .map((b) => b.name)
      .filter((n): n is DiagramName => (DIAGRAMS as readonly string[]).includes(n));
    names.forEach((n) => placed.add(n));
    return names.length > 0 ? [{ file, text, bom }] : [];
  });
  const page = posix.join(site.docsDir, ARCHITECTURE_PAGE);
  const missing = DIAGRAMS.filter((name) => !placed.has(name));
  for (const { file, text, bom } of marked) {
    const updated = updateDiagrams(text, texts, file === page ? missing : []);
    if (updated !== text) {
      changes.push({ path: file, content: bom + updated });
      done.push(`${file}: updated the diagrams between the shipshape:diagram markers`);
    }
  }
  if (missing.length > 0 && !marked.some((m) => m.file === page)) {
    const decoded = source.isFile(page) ? readPage(project, page) : undefined;
    if (decoded?.error !== undefined) throw new ShipshapeError(`${decoded.error}: the diagrams were not written`, page);
    const existing = decoded?.text;
    if (existing !== undefined) {
      changes.push({ path: page, content: decoded!.bom + updateDiagrams(existing, texts, missing) });
      done.push(`${page}: added the ${missing.join(' and ')} diagram${missing.length > 1 ? 's' : ''} at the end`);
    } else {
      changes.push({ path: page, content: newArchitecturePage(texts) });
      done.push(`${page}: created with the project and module graphs`);
      if (site.config && site.nav && !site.nav.some((entry) => entry.path === docsRelative(site, page))) {
        try {
          const text = source.read(site.config) ?? '';
          const edited = appendToNav(text, site.config, [{ Architecture: ARCHITECTURE_PAGE }]);
          if (edited !== text) {
            changes.push({ path: site.config, content: edited });
            done.push(`${site.config}: added ${ARCHITECTURE_PAGE} to the nav`);
          }
        } catch (error) {
          left.push(`${site.config}: the nav could not be edited (${errorMessage(error)}); add ${ARCHITECTURE_PAGE} to it by hand`);
        }
      }
    }
  }
  if (changes.length === 0) done.push(`the diagrams of ${project.name} are up to date`);
  return { changes, done, left };
}

/**
 * `nx g @shipshape/api:diagrams --project=x`: draws the project graph (the project, what it depends on, what depends
 * on it) and the module import graph (TS relative imports, Python imports within the package) as Mermaid, between
 * `<!-- shipshape:diagram … -->` markers: rewritten where they are, else added to docs/explanation/architecture.md
 * (created if absent). Everything outside the markers stays byte for byte.
 */
export const diagramsGenerator = defineFixGenerator<DiagramsGeneratorSchema>({
  name: '@shipshape/api:diagrams',
  sections: [API_OPTIONS],
  fix: ({ project }) => writeDiagrams(project),
});

export default diagramsGenerator;
