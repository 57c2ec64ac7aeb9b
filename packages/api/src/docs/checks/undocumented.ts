import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { floorFinding } from '../../shared/floors';
import { documentation } from '../documented';

/** The ratchet floor of the documented share of public symbols, in api/floors.json. */
export const DOCUMENTED_FLOOR = 'docs/documented';

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const { symbols, ratio } = await project.get(documentation);
  if (ratio === undefined) return [];
  const python = !project.workspace.source.isFile(project.file('package.json'));
  const what = python ? 'docstring' : 'doc comment';
  const findings: FindingInput[] = symbols
    .filter((s) => !s.documented)
    .map((s) => ({
      message: `public ${s.kind} ${s.name} has no ${what}: its API page shows only its signature. A person who knows what it is for must write it (Shipshape never writes placeholder prose)`,
      file: s.file,
      line: s.line,
      column: s.column,
      key: `undocumented:${s.name}`,
    }));
  const documented = symbols.length - findings.length;
  const floor = floorFinding(
    project,
    DOCUMENTED_FLOOR,
    ratio,
    `The documented share of public symbols (${documented} of ${symbols.length})`,
    `\`nx g @shipshape/api:docs --project=${project.name}\``,
  );
  if (floor) findings.push(floor);
  return findings;
}

export default defineCheck({
  id: 'docs/undocumented',
  title: 'Public symbol without a doc comment',
  planItem: 'docs/api-docs',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/api:docs',
  description:
    "A public symbol without a doc comment (TS: what TypeDoc's notDocumented validation asks of the declarations the exports map's entries export, and of their public members) or docstring (Python: the public functions, classes and methods of the public modules, and what __all__ names). Only a person can write it: the generator never writes placeholder prose; it records the documented share as a floor in api/floors.json that may only go up (an error when it falls below).",
  requires: [documentation],
  run,
});
