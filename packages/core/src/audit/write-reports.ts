import { join } from 'node:path';
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
  writeFileAtomic(files.json, rendered.json);
  writeFileAtomic(files.sarif, rendered.sarif);
  writeFileAtomic(files.markdown, rendered.markdown);
  return files;
}
