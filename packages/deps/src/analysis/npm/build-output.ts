import { packageJson, projectFiles, projectRelative, type ShipshapeProject } from '@shipshape/core';

/**
 * Files a build writes, which are never sources: the folders package.json points its entries at (`dist/`,
 * `build/`), when the project's sources are elsewhere (a src/ folder).
 */
export function buildOutputFiles(project: ShipshapeProject): (file: string) => boolean {
  const data = project.get(packageJson)?.data;
  const hasSrc = project.get(projectFiles).some((f) => projectRelative(project.root, f.file).startsWith('src/'));
  if (!data || !hasSrc) return () => false;
  const targets: string[] = [];
  const collect = (node: unknown) => {
    if (typeof node === 'string') targets.push(node);
    else if (node && typeof node === 'object') Object.values(node).forEach(collect);
  };
  collect([data.main, data.module, data.types, data.typings, data.exports, data.bin]);
  const folders = new Set(
    targets
      .map((t) => t.replace(/^\.\//, '').split('/'))
      .filter((parts) => parts.length > 1 && parts[0] !== 'src' && parts[0] !== '..')
      .map((parts) => project.file(parts[0])),
  );
  return (file) => [...folders].some((folder) => file.startsWith(`${folder}/`));
}
