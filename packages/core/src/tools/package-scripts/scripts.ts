import { locateJson } from '../../manifest';
import { defineFact } from '../../facts/fact';
import { packageJson } from '../../facts/project/manifests';

/** One script of package.json, with where it is written. */
export interface PackageScript {
  name: string;
  command: string;
  file: string;
  line: number;
  column: number;
}

/** The project's package.json scripts. */
export const packageScripts = defineFact({
  id: 'npm/scripts',
  inputs: [packageJson],
  compute: (_project, manifest): PackageScript[] => {
    const scripts = manifest?.data.scripts;
    if (!manifest || typeof scripts !== 'object' || scripts === null) return [];
    return Object.entries(scripts as Record<string, unknown>).flatMap(([name, command]) => {
      if (typeof command !== 'string') return [];
      const at = locateJson(manifest.text, ['scripts', name]) ?? { line: 0, column: 0 };
      return [{ name, command, file: manifest.path, ...at }];
    });
  },
});
