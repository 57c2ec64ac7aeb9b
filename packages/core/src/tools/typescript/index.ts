import { posix } from 'node:path';
import { readTsconfig } from '../../facts/project/tsconfig';
import { wholeFile } from '../places';
import { packageRef } from '../references';
import { defineTool, type OutputReference, type PackageReference } from '../tool';

const TEST_CONFIG = /tsconfig\.(spec|test|e2e|storybook|cy|cypress)\b/;

/** `"node"` in `types` is `@types/node`; `"vitest/globals"` is the vitest package. */
function typesEntryPackage(entry: string): string {
  if (entry.includes('/') && !entry.startsWith('@types/'))
    return entry.startsWith('@') ? entry.split('/').slice(0, 2).join('/') : entry.split('/')[0];
  return entry.startsWith('@') ? entry : `@types/${entry}`;
}

export default defineTool({
  name: 'typescript',
  ecosystem: 'npm',
  enablers: ['typescript'],
  configFiles: ['tsconfig.json', 'tsconfig.*.json'],
  references({ project, configs }) {
    const packages: PackageReference[] = [];
    const outputs: OutputReference[] = [];
    for (const { file } of configs) {
      const config = readTsconfig(project.workspace.source, file);
      if (!config) continue;
      const at = wholeFile(file);
      const role = TEST_CONFIG.test(posix.basename(file)) ? 'dev' : 'runtime';
      const options = config.compilerOptions;
      const types = Array.isArray(options.types) ? options.types.filter((t): t is string => typeof t === 'string') : [];
      for (const entry of types)
        packages.push({ ...packageRef(typesEntryPackage(entry), at, `compilerOptions.types "${entry}"`, role), typeOnly: true });
      for (const name of config.extendsPackages) packages.push({ ...packageRef(name, at, `extends "${name}"`), typeOnly: true });
      const plugins = Array.isArray(options.plugins)
        ? options.plugins.map((p) => (p as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string')
        : [];
      for (const name of plugins) packages.push({ ...packageRef(name, at, `compilerOptions.plugins "${name}"`), typeOnly: true });
      if (typeof options.jsxImportSource === 'string')
        packages.push(packageRef(options.jsxImportSource, at, `compilerOptions.jsxImportSource`, role));
      if (options.importHelpers === true) packages.push(packageRef('tslib', at, 'compilerOptions.importHelpers', role));
      packages.push({ ...packageRef('typescript', at, 'tsconfig'), typeOnly: true });
      if (typeof options.outDir === 'string' && role === 'runtime') {
        const from = typeof options.rootDir === 'string' ? options.rootDir : undefined;
        outputs.push({ ...at, dir: options.outDir, from });
        if (typeof options.declarationDir === 'string') outputs.push({ ...at, dir: options.declarationDir, from });
      }
    }
    return { packages, outputs };
  },
});
