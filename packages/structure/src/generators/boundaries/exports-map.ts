import { mainSourceEntry } from '../../typescript/entry-points';
import { type FileView, projectRelative } from '@shipshape/core';

const relative = (path: string) => (path.startsWith('./') || path.startsWith('../') ? path : `./${path}`);

/**
 * The exports map that exposes what package.json already declares as the package's entry, and nothing else:
 * "." from types / module / main (types first, as TypeScript needs), and ./package.json, which tools read.
 * Undefined when the package declares no entry and has no src/index.ts either.
 */
export function exportsMapFor(view: FileView, manifest: Record<string, unknown>): Record<string, unknown> | undefined {
  const str = (field: string) => (typeof manifest[field] === 'string' ? relative(manifest[field] as string) : undefined);
  const types = str('types') ?? str('typings');
  const module = str('module');
  const main = str('main');
  let root: unknown;
  if (module && main && module !== main) root = { ...(types ? { types } : {}), import: module, require: main };
  else if (types && (main ?? module)) root = { types, default: main ?? module };
  else if (main ?? module) root = main ?? module;
  else {
    const source = mainSourceEntry(view, manifest);
    if (!source) return undefined;
    root = relative(projectRelative(view.root, source));
  }
  return { '.': root, './package.json': './package.json' };
}
