import { isAbsolute, relative, sep } from 'node:path';
import type { FindingInput, Severity } from '../model/finding';

/** `file:line:col: message`-style lines (tsc's `file(line,col): error TS…`, ruff, mypy, pyright's text output), as findings. */
export interface DiagnosticPattern {
  /** Named groups: file, line, column (optional), severity (optional), code (optional), message. */
  pattern: RegExp;
  /** A tool's severity word to ours; default: error. */
  severity?: (word: string | undefined) => Severity;
}

/** Every line of a tool's output that matches, as a finding with a workspace-relative file (paths are resolved against `cwd`). */
export function parseDiagnostics(
  output: string,
  { pattern, severity }: DiagnosticPattern,
  at: { workspaceRoot: string; cwd: string },
): FindingInput[] {
  const found: FindingInput[] = [];
  for (const line of output.split(/\r?\n/)) {
    const groups = pattern.exec(line)?.groups;
    if (!groups?.file || !groups.message) continue;
    const absolute = isAbsolute(groups.file) ? groups.file : `${at.cwd}${sep}${groups.file}`;
    const file = relative(at.workspaceRoot, absolute).split(sep).join('/');
    if (file.startsWith('..')) continue;
    found.push({
      file,
      line: Number(groups.line) || 0,
      column: Number(groups.column) || 0,
      message: groups.code ? `${groups.message.trim()} (${groups.code})` : groups.message.trim(),
      severity: severity ? severity(groups.severity) : 'error',
      key: `${groups.code ?? ''}:${groups.message.trim()}`,
    });
  }
  return found;
}

/** tsc's `--pretty false` output: `src/a.ts(3,7): error TS2322: Type …`. */
export const TSC_DIAGNOSTICS: DiagnosticPattern = {
  pattern: /^(?<file>[^()\s][^()]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|message) (?<code>TS\d+): (?<message>.*)$/,
  severity: (word) => (word === 'warning' ? 'warning' : word === 'message' ? 'info' : 'error'),
};
