import { Node } from 'ts-morph';
import { defineCheck, projectLanguages, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { pythonCallables, typescriptCallables } from './callables';
import { publicPythonApi } from './public-python';
import { publicTypescriptApi } from './public-typescript';

/** How a sync/async pair tells its two halves apart. */
type Style = 'Async suffix' | 'Sync suffix' | 'a prefix' | '_async suffix' | 'async_ prefix' | '_sync suffix';

interface Pair {
  style: Style;
  /** The marked half (`readFileAsync`, `afetch`). */
  marked: string;
  /** The other half (`readFile`, `fetch`). */
  plain: string;
  file: string;
  line: number;
  column: number;
}

/** Pairs of names one of which is the other with a marker: the marker is the library's style for variants. */
function pairsOf(
  names: ReadonlyMap<string, { file: string; line: number; column: number; async: boolean }>,
  markers: ReadonlyArray<{ style: Style; plain: (name: string) => string | undefined; markedIsAsync: boolean }>,
): Pair[] {
  const pairs: Pair[] = [];
  for (const [name, at] of names)
    for (const marker of markers) {
      const plain = marker.plain(name);
      const other = plain !== undefined ? names.get(plain) : undefined;
      // the two halves must really differ in the way the marker says
      if (!other || at.async !== marker.markedIsAsync || other.async === marker.markedIsAsync) continue;
      pairs.push({ style: marker.style, marked: name, plain: plain!, file: at.file, line: at.line, column: at.column });
    }
  return pairs;
}

/** Reports the pairs of every style but the most used one (ties: the first in the source order of the styles). */
function inconsistencies(pairs: readonly Pair[], language: string): FindingInput[] {
  const styles = new Map<Style, Pair[]>();
  for (const p of pairs) styles.set(p.style, [...(styles.get(p.style) ?? []), p]);
  if (styles.size < 2) return [];
  const [main, ...others] = [...styles].sort((a, b) => b[1].length - a[1].length);
  const example = main[1][0];
  return others.flatMap(([style, list]) =>
    list.map((p) => ({
      message: `${p.marked} / ${p.plain} name their sync and async variants with the ${style}, but the library's other pairs use the ${main[0]} (${example.marked} / ${example.plain}, ${main[1].length} pair${main[1].length === 1 ? '' : 's'}): one convention for the whole API`,
      file: p.file,
      line: p.line,
      column: p.column,
      key: `${language}:${p.marked}`,
    })),
  );
}

const suffix = (s: string) => (name: string) => (name.endsWith(s) && name.length > s.length ? name.slice(0, -s.length) : undefined);

function typescriptFindings(project: ShipshapeProject): FindingInput[] {
  const names = new Map<string, { file: string; line: number; column: number; async: boolean }>();
  for (const callable of typescriptCallables(project.get(publicTypescriptApi).declarations)) {
    const node = callable.node;
    const returns = (node as Node & { getReturnTypeNode?: () => Node | undefined }).getReturnTypeNode?.()?.getText() ?? '';
    const isAsync =
      ((Node.isFunctionDeclaration(node) ||
        Node.isArrowFunction(node) ||
        Node.isFunctionExpression(node) ||
        Node.isMethodDeclaration(node)) &&
        node.isAsync()) ||
      /^Promise</.test(returns);
    if (!names.has(callable.label))
      names.set(callable.label, { file: callable.file, line: callable.line, column: callable.column, async: isAsync });
  }
  const pairs = pairsOf(names, [
    { style: 'Async suffix', plain: suffix('Async'), markedIsAsync: true },
    { style: 'Sync suffix', plain: suffix('Sync'), markedIsAsync: false },
  ]);
  return inconsistencies(pairs, 'ts');
}

async function pythonFindings(project: ShipshapeProject): Promise<FindingInput[]> {
  const names = new Map<string, { file: string; line: number; column: number; async: boolean }>();
  for (const callable of pythonCallables(await project.get(publicPythonApi)))
    if (!names.has(callable.label))
      names.set(callable.label, { file: callable.file, line: callable.fn.line, column: callable.fn.column, async: callable.fn.async });
  const prefix = (p: string) => (label: string) => {
    const dot = label.lastIndexOf('.');
    const [owner, name] = [label.slice(0, dot + 1), label.slice(dot + 1)];
    return name.startsWith(p) && name.length > p.length ? owner + name.slice(p.length) : undefined;
  };
  const pairs = pairsOf(names, [
    { style: 'a prefix', plain: prefix('a'), markedIsAsync: true },
    { style: 'async_ prefix', plain: prefix('async_'), markedIsAsync: true },
    { style: '_async suffix', plain: suffix('_async'), markedIsAsync: true },
    { style: '_sync suffix', plain: suffix('_sync'), markedIsAsync: false },
  ]);
  return inconsistencies(pairs, 'py');
}

export default defineCheck({
  id: 'api/async-naming',
  title: 'Sync and async variants are named one way',
  planItem: 'api/facades',
  languages: ['typescript', 'python'],
  severity: 'info',
  description:
    'Where the public API offers a function both ways, the pairs follow one convention: TypeScript `readFile` / `readFileAsync` or `readFileSync` / `readFile`; Python `fetch` / `afetch`, `fetch_async`, `async_fetch` or `fetch_sync`. Only a library that uses two conventions at once is reported (the pairs of the less used one); a pair counts only when one half is async and the other is not.',
  run: async (project) => {
    const languages = project.get(projectLanguages);
    return [
      ...(languages.includes('typescript') ? typescriptFindings(project) : []),
      ...(languages.includes('python') ? await pythonFindings(project) : []),
    ];
  },
});
