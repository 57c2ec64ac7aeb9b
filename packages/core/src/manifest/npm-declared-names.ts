/** The dependency sections of a package.json, in the order npm reads them. */
export const NPM_DEPENDENCY_SECTIONS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;

/** Every name any dependency section of a package.json lists. */
export function npmDeclaredNames(manifest: Record<string, unknown> | undefined): string[] {
  if (!manifest) return [];
  return NPM_DEPENDENCY_SECTIONS.flatMap((section) => {
    const entries = manifest[section];
    return typeof entries === 'object' && entries !== null && !Array.isArray(entries) ? Object.keys(entries) : [];
  });
}
