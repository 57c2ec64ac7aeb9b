import { exportStatements, programPath, starExpansions, type ShipshapeProject } from '@shipshape/core';
import { subpathStars } from '../../exports/star-export-entry';
import { exportsProgram } from '../../exports/typescript-entries';

/** The subpath entries with every reported `export *` written out as the names its module exports; notes for what is left. */
export function explicitStars(project: ShipshapeProject): {
  changes: Array<{ path: string; content: string }>;
  done: string[];
  left: string[];
} {
  const stars = subpathStars(project);
  const changes: Array<{ path: string; content: string }> = [];
  const done: string[] = [];
  const left: string[] = [];
  if (stars.length === 0) return { changes, done, left };
  const program = project.get(exportsProgram);
  for (const entry of [...new Set(stars.map((s) => s.entry))]) {
    const text = project.workspace.source.read(entry);
    const source = program.getSourceFile(programPath(entry));
    if (text === undefined || !source || source.getFullText() !== text) {
      left.push(`${entry}: could not be read as it is on disk; its export * statements are left as they are`);
      continue;
    }
    const reported = new Set(stars.filter((s) => s.entry === entry).map((s) => s.line));
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const replacements: Array<{ start: number; end: number; text: string }> = [];
    for (const { star, names, ambiguous } of starExpansions(program, source)) {
      if (!reported.has(star.getStartLineNumber())) continue;
      const specifier = star.getModuleSpecifier()!.getText();
      if (!names) {
        left.push(`${entry}:${star.getStartLineNumber()}: ${specifier} could not be read; export * left as it is`);
        continue;
      }
      for (const name of ambiguous)
        left.push(`${entry}: "${name}" comes from more than one export *; TypeScript exports neither, so neither is listed`);
      const statement = exportStatements(names, specifier, { semicolon: star.getText().trimEnd().endsWith(';'), eol });
      replacements.push({ start: star.getStart(), end: star.getEnd(), text: statement });
      done.push(
        `${entry}:${star.getStartLineNumber()}: export * from ${specifier} → ${names.length} named export${names.length === 1 ? '' : 's'}`,
      );
    }
    if (replacements.length === 0) continue;
    // Spliced into the original text: comments, formatting and line endings around each statement stay as they are.
    let content = text;
    for (const r of replacements.sort((a, b) => b.start - a.start)) content = content.slice(0, r.start) + r.text + content.slice(r.end);
    changes.push({ path: entry, content });
  }
  return { changes, done, left };
}
