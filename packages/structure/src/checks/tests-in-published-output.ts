import { dirname, join } from 'node:path';
import {
  defineCheck,
  libraryTsconfig,
  locateJson,
  projectRelative,
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

function run(project: ShipshapeProject): FindingInput[] {
  const tsconfig = project.get(libraryTsconfig);
  // tsconfig.json is the editor's view of every file, tests included: only a dedicated build config publishes.
  if (!tsconfig || tsconfig.path === project.file('tsconfig.json')) return [];
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
    'The library build tsconfig (tsconfig.lib.json or tsconfig.build.json) must exclude test files, or the build emits them next to the library code and the package publishes them.',
  run,
});
