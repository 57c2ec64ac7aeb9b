import { defineCheck, pythonAnalysis, type FindingInput, type PythonAnalysis, type ShipshapeProject } from '@shipshape/core';
import { floorFinding, floorOf } from '../shared/floors';
import { typeCompleteness, type IncompleteSymbol } from './pyright';

/** The floor's name in `<project>/api/floors.json`. */
export const COMPLETENESS_FLOOR = 'python/type-completeness';
const SHOWN = 5;

const shown = (symbol: IncompleteSymbol) =>
  `${symbol.name}${symbol.file ? ` (${symbol.file}${symbol.line ? `:${symbol.line}` : ''})` : ''}: ${symbol.message}`;

/** The line of the definition pyright names (`pkg.mod.Class.method`) in its file, by the names of the ast pass. */
function definitionLine(analysis: PythonAnalysis, symbol: IncompleteSymbol): number | undefined {
  const result = symbol.file ? analysis.files[symbol.file] : undefined;
  if (!result) return undefined;
  const parts = symbol.name.split('.');
  for (const definition of result.definitions) {
    if (definition.name === parts[parts.length - 1]) return definition.line;
    if (definition.kind === 'class' && definition.name === parts[parts.length - 2]) {
      const method = definition.methods.find((m) => m.name === parts[parts.length - 1]);
      if (method) return method.line;
    }
  }
  return undefined;
}

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const found = await project.get(typeCompleteness);
  if (!found) return [];
  const analysis = await project.get(pythonAnalysis);
  const measured = { ...found, incomplete: found.incomplete.map((s) => ({ ...s, line: definitionLine(analysis, s) })) };
  const findings: FindingInput[] = [];
  const total = measured.known + measured.ambiguous + measured.unknown;
  if (measured.incomplete.length > 0) {
    const first = measured.incomplete[0];
    findings.push({
      message: `pyright --verifytypes ${measured.package}: ${floorOf(measured.percent)} % of the public API's types are known (${measured.known} of ${total} exported symbols; ${measured.ambiguous} ambiguous, ${measured.unknown} unknown). Most used first: ${measured.incomplete
        .slice(0, SHOWN)
        .map(shown)
        .join('; ')}${measured.incomplete.length > SHOWN ? `; and ${measured.incomplete.length - SHOWN} more` : ''}`,
      file: first.file ?? `${measured.folder}/__init__.py`,
      line: first.file ? (first.line ?? 1) : 1,
      severity: 'info',
      key: `completeness:${measured.package}`,
    });
  }
  const floor = floorFinding(
    project,
    COMPLETENESS_FLOOR,
    measured.percent,
    `The type completeness of ${measured.package} (pyright --verifytypes)`,
    'nx g @shipshape/api:python-types',
  );
  if (floor) findings.push(floor);
  return findings;
}

export default defineCheck({
  id: 'api/python-type-completeness',
  title: "The public Python API's type completeness, by pyright",
  planItem: 'api/type-annotations',
  languages: ['python'],
  severity: 'info',
  fixedBy: '@shipshape/api:python-types',
  requires: [typeCompleteness],
  description:
    "pyright --verifytypes (the npm pyright package, run once per project on the package named like the distribution, with Shipshape's Python interpreter and --ignoreexternal) measures which exported symbols have fully known types. The figure is kept as a floor in api/floors.json that only ratchets up: falling below it is an error; rising a point above it is an info finding, and the python-types generator raises the floor. A package without py.typed is not measured (api/python-py-typed says so first); when pyright cannot run, the check is skipped with the reason.",
  run,
});
