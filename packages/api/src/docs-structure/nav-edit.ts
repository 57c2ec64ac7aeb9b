import { editYaml, parseYaml } from '@shipshape/core';

/**
 * mkdocs.yml with `entries` appended to its explicit nav (edited in place: comments and layout kept); the text as it
 * was when the nav is absent (MkDocs then lists every page) or is not a list.
 */
export function appendToNav(text: string, file: string, entries: ReadonlyArray<Record<string, unknown>>): string {
  if (entries.length === 0) return text;
  const nav: unknown = parseYaml(text, file).get('nav');
  const length = nav && typeof nav === 'object' && 'items' in nav ? (nav as { items: unknown[] }).items.length : undefined;
  if (length === undefined) return text;
  return editYaml(
    text,
    entries.map((value, i) => ({ path: ['nav', length + i], value })),
    file,
  );
}
