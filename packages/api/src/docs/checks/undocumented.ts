import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { floorFinding } from '../../shared/floors';
import { documentation } from '../documented';

/** The ratchet floor of the documented share of public symbols, in api/floors.json. */
export const DOCUMENTED_FLOOR = 'docs/documented';

/** Undocumented symbols a file's finding names; the rest are counted. */
const SHOWN = 8;

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const { symbols, ratio } = await project.get(documentation);
  if (ratio === undefined) return [];
  const python = !project.workspace.source.isFile(project.file('package.json'));
  const what = python ? 'docstring' : 'doc comment';
  const missing = symbols.filter((s) => !s.documented);
  // One finding per file, at its first undocumented symbol: a library written without doc comments would
  // otherwise bury every other finding under one per symbol.
  const byFile = new Map<string, typeof missing>();
  for (const s of missing) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  const findings: FindingInput[] = [...byFile].map(([file, list]) => {
    const [first] = list;
    const named = list.slice(0, SHOWN).map((s) => `${s.kind} ${s.name} (line ${s.line})`);
    const more = list.length > SHOWN ? `, and ${list.length - SHOWN} more` : '';
    const subject = list.length === 1 ? `public ${named[0]} has` : `${list.length} public symbols have`;
    return {
      message:
        list.length === 1
          ? `${subject} no ${what}: its API page shows only its signature. A person who knows what it is for must write it (Shipshape never writes placeholder prose)`
          : `${subject} no ${what}: ${named.join(', ')}${more}; their API pages show only signatures. A person who knows what each is for must write it (Shipshape never writes placeholder prose)`,
      file,
      line: first.line,
      column: first.column,
      key: 'undocumented',
    };
  });
  const documented = symbols.length - missing.length;
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
