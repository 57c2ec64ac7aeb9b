import { CLOSE_MARKER, DIAGRAMS, diagramBlock, markedDiagrams, openMarker, type DiagramName } from './diagrams';

const TITLES: Record<DiagramName, { title: string; intro: string }> = {
  'project-graph': {
    title: 'Project graph',
    intro: 'The workspace projects this project depends on, and those that depend on it (from the Nx project graph).',
  },
  'module-graph': {
    title: 'Module graph',
    intro: "How the project's modules import each other.",
  },
};

/** The architecture page as the diagrams generator creates it. */
export function newArchitecturePage(texts: Record<DiagramName, string>): string {
  const sections = DIAGRAMS.flatMap((name) => [
    `## ${TITLES[name].title}`,
    '',
    TITLES[name].intro,
    '',
    diagramBlock(name, texts[name]),
    '',
  ]);
  return [
    '# Architecture',
    '',
    'The diagrams below are drawn from the code by `nx g @shipshape/api:diagrams`, which rewrites what is between the `shipshape:diagram` markers and nothing else: write your own text around them.',
    '',
    ...sections,
  ].join('\n');
}

/**
 * A page with each marked diagram rewritten from `texts` (every byte outside the markers kept), and the diagrams in
 * `append` that no page has yet added at its end, in the page's line endings.
 */
export function updateDiagrams(text: string, texts: Record<DiagramName, string>, append: readonly DiagramName[] = []): string {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  let out = '';
  let last = 0;
  for (const block of markedDiagrams(text)) {
    if (!(DIAGRAMS as readonly string[]).includes(block.name)) continue;
    out += text.slice(last, block.start) + diagramBlock(block.name as DiagramName, texts[block.name as DiagramName], eol);
    last = block.end;
  }
  out += text.slice(last);
  if (append.length === 0) return out;
  const tail = append
    .flatMap((name) => [`## ${TITLES[name].title}`, '', TITLES[name].intro, '', diagramBlock(name, texts[name]), ''])
    .join('\n');
  const separator = out === '' ? '' : /(\r?\n){2}$/.test(out) ? '' : /\r?\n$/.test(out) ? eol : eol + eol;
  return out + separator + tail.replace(/\n/g, eol);
}

export { CLOSE_MARKER, openMarker };
