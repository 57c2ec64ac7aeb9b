import { dirname } from 'node:path';
import { defineCheck, type FindingInput, locateJson, projectRelative, type ShipshapeProject, toPosixRelative } from '@shipshape/core';
import { ts } from 'ts-morph';
import { TEST_FILE } from '../typescript/source-kinds';

function run(project: ShipshapeProject): FindingInput[] {
  const tsconfig = project.typescript().tsconfigPath();
  if (!tsconfig || !tsconfig.endsWith('tsconfig.lib.json')) return [];
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed || parsed.options.noEmit) return [];
  const tests = parsed.fileNames.map((f) => toPosixRelative(project.workspaceRoot, f)).filter((f) => TEST_FILE.test(projectRelative(project.root, f)));
  if (tests.length === 0) return [];
  const file = toPosixRelative(project.workspaceRoot, tsconfig);
  const text = ts.sys.readFile(tsconfig) ?? '';
  const at = locateJson(text, ['exclude']) ?? locateJson(text, ['include']) ?? { line: 1, column: 1 };
  return [
    {
      message: `${file} compiles ${tests.length} test file${tests.length > 1 ? 's' : ''} (${tests.slice(0, 3).join(', ')}${tests.length > 3 ? ', ...' : ''}) into the build output in ${toPosixRelative(project.workspaceRoot, parsed.options.outDir ?? dirname(tsconfig))}: exclude them ("src/**/*.spec.ts", "src/**/*.test.ts")`,
      file,
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
  description: 'The library tsconfig (tsconfig.lib.json) must exclude test files, or the build emits them next to the library code and the package publishes them.',
  run,
});
