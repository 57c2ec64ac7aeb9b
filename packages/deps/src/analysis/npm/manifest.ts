import { ShipshapeError, parseJson } from '@shipshape/core';
import type { DeclaredDependency, DeclaredGroup } from '../model';

export const NPM_SECTIONS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;
export type NpmSection = (typeof NPM_SECTIONS)[number];

export interface NpmManifest {
  name?: string;
  version?: string;
  private?: boolean;
  scripts?: Record<string, unknown>;
  bin?: string | Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/** package.json, parsed; a malformed file or a non-object throws a ShipshapeError naming it. */
export function parseNpmManifest(text: string, file: string): NpmManifest {
  const data = parseJson<unknown>(text, file);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ShipshapeError('package.json must hold a JSON object', file);
  return data as NpmManifest;
}

/** Every entry of the four dependency sections; an optional peer (peerDependenciesMeta) is in group `optional`. */
export function npmDeclared(manifest: NpmManifest, file: string): DeclaredDependency[] {
  const declared: DeclaredDependency[] = [];
  for (const section of NPM_SECTIONS) {
    const entries = manifest[section];
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) continue;
    for (const [name, spec] of Object.entries(entries as Record<string, unknown>)) {
      declared.push({ name, group: groupOf(section, manifest.peerDependenciesMeta?.[name]?.optional === true), section, spec: typeof spec === 'string' ? spec : String(spec), path: [section, name], file });
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

/** Every name any dependency section of a manifest lists. */
export function declaredNames(manifest: NpmManifest | undefined): string[] {
  if (!manifest) return [];
  return NPM_SECTIONS.flatMap((section) => Object.keys((manifest[section] as Record<string, unknown> | undefined) ?? {}));
}
