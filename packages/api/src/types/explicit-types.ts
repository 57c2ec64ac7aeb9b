import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { diagnosticSubject, missingTypes, whatCodeAsks, type MissingType } from './isolated-declarations';
import { publicEntries } from './program';

/** A file with more declarations than this gets one finding with the count, not one per declaration. */
export const PER_DECLARATION_LIMIT = 3;

function run(project: ShipshapeProject): FindingInput[] {
  const missing = project.get(missingTypes);
  const byFile = new Map<string, MissingType[]>();
  for (const m of missing) byFile.set(m.declaration.file, [...(byFile.get(m.declaration.file) ?? []), m]);
  const findings: FindingInput[] = [];
  for (const [file, list] of byFile) {
    const declarations = [...new Set(list.map((m) => m.declaration))];
    if (declarations.length <= PER_DECLARATION_LIMIT) {
      for (const declaration of declarations) {
        const own = list.filter((m) => m.declaration === declaration);
        const first = own[0];
        const codes = [...new Set(own.map((m) => `TS${m.code}`))].join(', ');
        findings.push({
          message: `exported \`${diagnosticSubject(first)}\` has ${whatCodeAsks(first.code)}${own.length > 1 ? ` (and ${own.length - 1} more place${own.length > 2 ? 's' : ''} in it)` : ''}: its public type is whatever the checker infers today (${codes} under isolatedDeclarations)`,
          file,
          line: first.line,
          column: first.column,
          key: `explicit:${declaration.name}`,
        });
      }
    } else {
      const first = list[0];
      const names = declarations.slice(0, 5).map((d) => `\`${d.name}\``);
      findings.push({
        message: `${declarations.length} exported declarations of this file have no explicit type where the public API needs one (${names.join(', ')}${declarations.length > 5 ? ', …' : ''}; ${list.length} isolatedDeclarations diagnostics)`,
        file,
        line: first.line,
        column: first.column,
        key: 'explicit:file',
      });
    }
  }
  return findings;
}

export default defineCheck({
  id: 'api/explicit-types',
  title: 'Exported declarations have explicit types',
  planItem: 'api/type-annotations',
  languages: ['typescript'],
  severity: 'info',
  fixedBy: '@shipshape/api:explicit-types',
  requires: [publicEntries],
  description:
    'What the public entries export (every subpath of the exports map, else main/types; src/index.ts when package.json declares nothing) should declare its types instead of leaving them to inference, so that a change in a function body cannot change the published API unnoticed and declarations can be emitted file by file (isolatedDeclarations). The judge is the compiler: the project is compiled with its own options plus `declaration` and `isolatedDeclarations`, and the TS9007-TS9026 and TS9037-TS9039 diagnostics inside public declarations are reported, one finding per declaration, or one per file with the count when a file has more than three. A convention, hence `info`. The explicit-types generator writes the types the compiler infers where they print.',
  run,
});
