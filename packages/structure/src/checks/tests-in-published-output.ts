import { dirname, join } from 'node:path';
import {
  defineCheck,
  libraryTsconfig,
  locateJson,
  packageJson,
  projectRelative,
  projectTools,
  TEST_FILE,
  toPosixRelative,
  type FindingInput,
  type ShipshapeProject,
} from '@shipshape/core';
import { ts } from 'ts-morph';

/** The files a tsconfig compiles, as the compiler expands its include, exclude and files. */
function compiledFiles(configPath: string): { files: string[]; outDir?: string } | undefined {
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  return parsed && !parsed.options.noEmit ? { files: parsed.fileNames, outDir: parsed.options.outDir } : undefined;
}

/** Bundlers emit what their entries reach, whatever a tsconfig includes (tsdown and tsup read it for declarations only). */
const BUNDLERS = new Set(['tsdown', 'tsup', 'vite', 'rollup', 'esbuild', 'unbuild', 'ng-packagr']);

/** Does tsc itself emit with this tsconfig: a script runs `tsc -p`/`tsc -b` on it, or no bundler builds the project? */
function emittedByTsc(project: ShipshapeProject, tsconfig: string): boolean {
  const name = projectRelative(project.root, tsconfig);
  const scripts = project.get(packageJson)?.data.scripts;
  const commands = Object.values(typeof scripts === 'object' && scripts !== null ? scripts : {}).filter(
    (c): c is string => typeof c === 'string',
  );
  if (commands.some((c) => /\btsc\b/.test(c) && c.includes(name) && !/--noEmit\b/.test(c))) return true;
  return !project.get(projectTools).some((tool) => BUNDLERS.has(tool.adapter.name) && tool.references.outputs.length > 0);
}

function run(project: ShipshapeProject): FindingInput[] {
  const tsconfig = project.get(libraryTsconfig);
  // tsconfig.json is the editor's view of every file, tests included: only a dedicated build config publishes.
  if (!tsconfig || tsconfig.path === project.file('tsconfig.json') || !emittedByTsc(project, tsconfig.path)) return [];
  const absolute = join(project.workspaceRoot, tsconfig.path);
  const compiled = compiledFiles(absolute);
  if (!compiled) return [];
  const tests = compiled.files
    .map((f) => toPosixRelative(project.workspaceRoot, f))
    .filter((f) => TEST_FILE.test(projectRelative(project.root, f)));
  if (tests.length === 0) return [];
  const text = project.workspace.source.read(tsconfig.path) ?? '';
  const at = locateJson(text, ['exclude']) ?? locateJson(text, ['include']) ?? { line: 1, column: 1 };
  return [
    {
      message: `${tsconfig.path} compiles ${tests.length} test file${tests.length > 1 ? 's' : ''} (${tests.slice(0, 3).join(', ')}${tests.length > 3 ? ', ...' : ''}) into the build output in ${toPosixRelative(project.workspaceRoot, compiled.outDir ?? dirname(absolute))}: exclude them ("src/**/*.spec.ts", "src/**/*.test.ts")`,
      file: tsconfig.path,
      ...at,
      key: 'tests-compiled',
    },
  ];
}

export default defineCheck({
  id: 'structure/tests-in-published-output',
  title: 'Tests are not compiled into the published output',
  planItem: 'structure/directory-layout',
  languages: ['typescript'],
  severity: 'warning',
  requires: [libraryTsconfig],
  description:
    'The library build tsconfig (tsconfig.lib.json or tsconfig.build.json) must exclude test files, or tsc emits them next to the library code and the package publishes them. A bundler (tsdown, tsup, vite, rollup...) emits only what its entries reach, so a tsconfig it reads is not asked, unless a script runs tsc on it.',
  run,
});
