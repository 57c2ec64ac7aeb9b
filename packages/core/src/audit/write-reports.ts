import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ShipshapeError } from '../util/errors';
import { toPosixRelative } from '../file-system/paths';
import { renderJson, renderMarkdown, renderSarif } from '../reporters';
import { writeFileAtomic } from '../util/atomic-write';
import type { AuditReport } from './report';

export interface ReportFiles {
  json: string;
  sarif: string;
  markdown: string;
}

/** Writes audit.json, audit.sarif and audit.md; each file appears whole or not at all. */
export function writeReports(report: AuditReport, absDir: string): ReportFiles {
  const files: ReportFiles = { json: join(absDir, 'audit.json'), sarif: join(absDir, 'audit.sarif'), markdown: join(absDir, 'audit.md') };
  const rendered = { json: renderJson(report), sarif: renderSarif(report), markdown: renderMarkdown([report]) };
  // A folder in the place of one of them stops the run before any is written: the three always agree.
  const shown = (path: string) => toPosixRelative(report.workspaceRoot, path);
  for (const path of [files.json, files.sarif, files.markdown]) {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw new ShipshapeError('is a folder, not a file: cannot write the audit reports; nothing was written', shown(path));
  }
  writeFileAtomic(files.json, rendered.json, shown(files.json));
  writeFileAtomic(files.sarif, rendered.sarif, shown(files.sarif));
  writeFileAtomic(files.markdown, rendered.markdown, shown(files.markdown));
  return files;
}
