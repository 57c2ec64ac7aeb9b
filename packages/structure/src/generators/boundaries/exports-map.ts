import { projectRelative, type PackageJson, type ShipshapeProject } from '@shipshape/core';
import { mainEntry } from '../../typescript/entry-points';

const relative = (path: string) => (path.startsWith('./') || path.startsWith('../') ? path : `./${path}`);

/**
 * The exports map that exposes what package.json already declares as the package's entry, and nothing else:
 * "." from types / module / main (types first, as TypeScript needs), and ./package.json, which tools read.
 * Undefined when the package declares no entry and has no src/index.ts either.
 */
export function exportsMapFor(project: ShipshapeProject, manifest: PackageJson): Record<string, unknown> | undefined {
  const str = (field: string) => (typeof manifest[field] === 'string' ? relative(manifest[field]) : undefined);
  const types = str('types') ?? str('typings');
  const module = str('module');
  const main = str('main');
  let root: unknown;
  if (module && main && module !== main) root = { ...(types ? { types } : {}), import: module, require: main };
  else if (types && (main ?? module)) root = { types, default: main ?? module };
  else if (main ?? module) root = main ?? module;
  else {
    const source = project.get(mainEntry);
    if (!source) return undefined;
    root = relative(projectRelative(project.root, source));
  }
  return { '.': root, './package.json': './package.json' };
}
