import { posix } from 'node:path';
import { projectFiles } from '../../facts/project/files';
import { readTsconfig } from '../../facts/project/tsconfig';
import type { ShipshapeProject } from '../../facts/shipshape-project';
import { packageScripts } from '../package-scripts/scripts';
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

/** The one folder a tsconfig's `include` patterns are all in (`["src"]`, `["src/**\/*.ts"]`): what tsc takes as rootDir. */
function includedFolder(include: string[] | undefined): string | undefined {
  const folders = new Set(
    (include ?? []).map((pattern) => pattern.replace(/\/?\*.*$/, '')).map((p) => (/\.[cm]?[jt]sx?$/.test(p) ? posix.dirname(p) : p)),
  );
  return folders.size === 1 ? [...folders][0] : undefined;
}

/** `tsc src/a.ts --outDir dist` in a package.json script: dist mirrors the folder of the files it names. */
function scriptOutputs(project: ShipshapeProject): OutputReference[] {
  return project.get(packageScripts).flatMap((script) =>
    script.command.split(/&&|\|\||;/).flatMap((segment) => {
      const words = segment.trim().split(/\s+/);
      const start = words.indexOf('tsc');
      if (start < 0) return [];
      const args = words.slice(start + 1);
      const option = (name: string) => {
        const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
        return i < 0 ? undefined : args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
      };
      const dir = option('--outDir') ?? option('--declarationDir');
      if (!dir) return [];
      const files = args.filter((a, i) => /\.[cm]?tsx?$/.test(a) && !args[i - 1]?.startsWith('-'));
      const from = option('--rootDir') ?? (files.length > 0 ? posix.dirname(files[0]) : undefined);
      return [
        {
          file: script.file,
          line: script.line,
          column: script.column,
          dir: project.file(dir),
          ...(from ? { from: project.file(from) } : {}),
        },
      ];
    }),
  );
}

export default defineTool({
  name: 'typescript',
  ecosystem: 'npm',
  enablers: ['typescript'],
  binaries: ['tsc', 'tsserver'],
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
      if (role === 'runtime') {
        const from = typeof options.rootDir === 'string' ? options.rootDir : includedFolder(config.include);
        for (const dir of [options.outDir, options.declarationDir])
          if (typeof dir === 'string') outputs.push({ ...at, dir, ...(from ? { from } : {}) });
      }
    }
    outputs.push(...scriptOutputs(project));
    // TypeScript sources are compiled (or type-checked) by typescript, whatever runs it and with or without a tsconfig of their own.
    const source = project
      .get(projectFiles)
      .find((f) => /\.[cm]?tsx?$/.test(f.file) && !/\.d\.[cm]?ts$/.test(f.file) && !f.file.includes('/node_modules/'));
    if (source) packages.push({ ...packageRef('typescript', wholeFile(source.file), 'TypeScript sources'), typeOnly: true });
    return { packages, outputs };
  },
});
