import { NPM_DEPENDENCY_SECTIONS, kindOf, locateJson, shownValue, timesWritten, type PackageJson } from '@shipshape/core';
import type { DeclaredDependency, DeclaredGroup } from '../model';
import { wrongShape } from '../manifest-shape';

type NpmSection = (typeof NPM_DEPENDENCY_SECTIONS)[number];

/**
 * Every entry of the four dependency sections; an optional peer (peerDependenciesMeta) is in group `optional`.
 * A section written twice, a section that is not an object of names to ranges, or a range that is not a string
 * is one error naming the file and the field: what npm reads from it is not what the user sees, and an edit
 * would overwrite it.
 */
export function npmDeclared(manifest: PackageJson, file: string, text: string): DeclaredDependency[] {
  const meta = (manifest.peerDependenciesMeta ?? {}) as Record<string, { optional?: unknown } | undefined>;
  const declared: DeclaredDependency[] = [];
  for (const section of NPM_DEPENDENCY_SECTIONS) {
    const count = timesWritten(text, [section]);
    if (count > 1) throw wrongShape(file, `"${section}"`, undefined, `is written ${count} times (npm reads the last one): keep one`);
    const entries = manifest[section];
    if (entries === undefined) continue;
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries))
      throw wrongShape(
        file,
        `"${section}"`,
        locateJson(text, [section]),
        `is ${kindOf(entries, 'json')} (${shownValue(entries)}), not an object of package names to version ranges ({ "name": "^1.0.0" })`,
      );
    for (const [name, spec] of Object.entries(entries as Record<string, unknown>)) {
      if (typeof spec !== 'string')
        throw wrongShape(
          file,
          `"${section}"."${name}"`,
          locateJson(text, [section, name]),
          `is ${kindOf(spec, 'json')} (${shownValue(spec)}), not a version range string`,
        );
      declared.push({ name, group: groupOf(section, meta[name]?.optional === true), section, spec, path: [section, name], file });
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
