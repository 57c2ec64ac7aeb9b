import { posix } from 'node:path';
import { defineCheck, pyproject, pythonPackages, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { hasSomeAnnotation, isPrivateModule, missingAnnotations, pythonLibrary, supportsPython2, type PublicFunction } from './public-api';

const SHOWN = 5;

function gap(fn: PublicFunction): string {
  const missing = missingAnnotations(fn);
  const parts = [
    ...(missing.params > 0 ? [missing.params === 1 ? '1 parameter' : `${missing.params} parameters`] : []),
    ...(missing.returns ? ['return'] : []),
  ];
  return `${fn.name} (${parts.join(', ')})`;
}

const listed = (functions: PublicFunction[]) =>
  functions.length <= SHOWN
    ? functions.map(gap).join(', ')
    : `${functions.slice(0, SHOWN).map(gap).join(', ')} and ${functions.length - SHOWN} more`;

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const library = await project.get(pythonLibrary);
  const all = [...library.functions.values()].flat();
  if (all.length === 0) return [];
  const incomplete = all.filter((fn) => {
    const missing = missingAnnotations(fn);
    return missing.params > 0 || missing.returns;
  });
  if (incomplete.length === 0) return [];
  // A library with no annotations at all gets one finding, not one per module: the work is the whole package.
  if (!all.some((fn) => hasSomeAnnotation(fn.definition))) {
    const packages = project.get(pythonPackages);
    const distribution = project.get(pyproject)?.data.project?.name;
    const main = typeof distribution === 'string' ? distribution.replace(/[-.]+/g, '_').toLowerCase() : '';
    const inits = packages.folders
      .filter((folder) => !isPrivateModule(posix.basename(folder)))
      .sort((a, b) => Number(posix.basename(b).toLowerCase() === main) - Number(posix.basename(a).toLowerCase() === main))
      .map((folder) => `${folder}/__init__.py`);
    const init = inits.find((file) => library.runtime.includes(file));
    return [
      {
        message: supportsPython2(project)
          ? `The public API has no type annotations: none of its ${all.length} public functions and methods (in ${library.functions.size} modules) is annotated, and the package still supports Python 2, where inline annotations do not parse: ship .pyi stubs, or drop Python 2 and annotate inline`
          : `The public API has no type annotations: none of its ${all.length} public functions and methods (in ${library.functions.size} modules) is annotated. Annotate the parameters and returns users call, module by module; nx g @shipshape/api:python-types adds what is certain (-> None where nothing is returned, the return types Python itself enforces)`,
        file: init ?? project.file('.'),
        line: 1,
        key: 'untyped-package',
      },
    ];
  }
  const findings: FindingInput[] = [];
  for (const [file, functions] of [...library.functions].sort(([a], [b]) => a.localeCompare(b))) {
    const gaps = functions.filter((fn) => incomplete.includes(fn)).sort((a, b) => a.line - b.line);
    if (gaps.length === 0) continue;
    findings.push({
      message: `${gaps.length} of the ${functions.length} public functions and methods of this module lack annotations: ${listed(gaps)}`,
      file,
      line: gaps[0].line,
      column: gaps[0].column,
      key: 'module-gaps',
    });
  }
  return findings;
}

export default defineCheck({
  id: 'api/python-annotations',
  title: 'Public Python functions and methods are annotated',
  planItem: 'api/type-annotations',
  languages: ['python'],
  severity: 'warning',
  fixedBy: '@shipshape/api:python-types',
  requires: [pythonLibrary],
  description:
    "Every public function and method (of a public module, or re-exported by one from a private module) annotates its parameters and its return (`__init__` and property setters need no return annotation; the implementation behind @overload signatures is skipped; a module with a .pyi stub is judged by its stub). One finding per module lists the gaps; a package with no annotation at all gets one finding. The python-types generator adds the annotations that are certain; the others are the author's to write.",
  run,
});
