import { posix } from 'node:path';
import { defineCheck, importedModuleFile, pythonAnalysis, pythonFiles, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { packageFolders } from '../python/package-folders';
import { reexportedNames } from '../python/public-names';

const isPrivatePackage = (init: string) =>
  posix
    .dirname(init)
    .split('/')
    .some((segment) => segment.startsWith('_') && !segment.startsWith('__'));

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const folders = new Set(project.get(packageFolders));
  const inits = project.get(pythonFiles).filter((f) => f.endsWith('/__init__.py') && folders.has(f.slice(0, -'/__init__.py'.length)));
  if (inits.length === 0) return [];
  const analysis = await project.get(pythonAnalysis);
  const findings: FindingInput[] = [];
  for (const init of inits) {
    const result = analysis.files[init];
    if (!result) continue;
    if (result.error) {
      findings.push({
        message: `${init} cannot be parsed: ${result.error.message}; the package cannot be imported`,
        file: init,
        line: result.error.line ?? 1,
        key: 'unparsable',
      });
      continue;
    }
    for (const record of result.imports.filter((r) => r.kind === 'from' && r.names.includes('*') && !r.inFunction)) {
      // A module with __all__ exports exactly those names through a star import: that is explicit already.
      const target = importedModuleFile(project, init, record.module, record.level);
      const star = target ? analysis.files[target] : undefined;
      // A module that does not parse may well define __all__: nothing is known about it.
      if (star?.all || star?.error) continue;
      const leaks = !star || star.imports.some((i) => !i.inFunction);
      findings.push({
        message: `"from ${'.'.repeat(record.level)}${record.module} import *" re-exports every public name of that module${leaks ? ' (what it imports included)' : ''}, and it has no __all__ to limit them: import the names explicitly, or give it an __all__`,
        file: init,
        line: record.line,
        column: record.column,
        key: `star:${'.'.repeat(record.level)}${record.module}`,
      });
    }
    // An underscore-private package (rich/_unicode_data) has no public API to state.
    if (!result.all && !isPrivatePackage(init) && reexportedNames(result).length > 0) {
      findings.push({
        message: `${init} re-exports names but has no __all__: say which names are the package's public API`,
        file: init,
        line: 1,
        column: 1,
        key: 'no-all',
      });
    }
  }
  return findings;
}

export default defineCheck({
  id: 'structure/init-py-exports',
  title: 'Package __init__.py files export explicitly',
  planItem: 'structure/barrels',
  languages: ['python'],
  severity: 'warning',
  fixedBy: '@shipshape/structure:barrels',
  requires: [packageFolders],
  description:
    'A package __init__.py imports the names it re-exports explicitly (`from .module import Name`, or a star import of a module that defines __all__) and lists them in __all__; an underscore-private package has no public API to list. The barrels generator rewrites star imports with the names each module defines and adds __all__, keeping the rest of the file.',
  run,
});
