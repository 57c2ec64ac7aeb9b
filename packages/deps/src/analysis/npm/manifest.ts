import { NPM_DEPENDENCY_SECTIONS, type PackageJson } from '@shipshape/core';
import type { DeclaredDependency, DeclaredGroup } from '../model';

type NpmSection = (typeof NPM_DEPENDENCY_SECTIONS)[number];

/** Every entry of the four dependency sections; an optional peer (peerDependenciesMeta) is in group `optional`. */
export function npmDeclared(manifest: PackageJson, file: string): DeclaredDependency[] {
  const meta = (manifest.peerDependenciesMeta ?? {}) as Record<string, { optional?: unknown } | undefined>;
  const declared: DeclaredDependency[] = [];
  for (const section of NPM_DEPENDENCY_SECTIONS) {
    const entries = manifest[section];
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) continue;
    for (const [name, spec] of Object.entries(entries as Record<string, unknown>)) {
      declared.push({
        name,
        group: groupOf(section, meta[name]?.optional === true),
        section,
        spec: typeof spec === 'string' ? spec : String(spec),
        path: [section, name],
        file,
      });
    }
  }
  return declared;
}

function groupOf(section: NpmSection, optionalPeer: boolean): DeclaredGroup {
  if (section === 'devDependencies') return 'dev';
  if (section === 'optionalDependencies') return 'optional';
  if (section === 'peerDependencies') return optionalPeer ? 'optional' : 'peer';
  return 'runtime';
}
