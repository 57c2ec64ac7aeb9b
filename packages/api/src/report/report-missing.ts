import { defineCheck, packageJson, pyproject, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { typescriptEntries } from './entries';
import { committedReports, expectedReports, isPublished, reportLanguage } from './reports';

/** The line of a manifest that names an exports subpath (`"./utils":`), else 1. */
function lineOf(text: string | undefined, needle: string): number {
  if (!text) return 1;
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

function run(project: ShipshapeProject): FindingInput[] {
  const language = reportLanguage(project);
  if (!language || (language === 'typescript' && !isPublished(project))) return [];
  const expected = expectedReports(project, language);
  if (expected.length === 0) return [];
  const committed = committedReports(project);
  const manifest = language === 'typescript' ? project.get(packageJson) : project.get(pyproject);
  const manifestFile = project.file(language === 'typescript' ? 'package.json' : 'pyproject.toml');
  const text = manifest ? project.workspace.source.read(manifestFile) : undefined;
  const findings: FindingInput[] = [];
  const entries = language === 'typescript' ? typescriptEntries(project).entries : [];
  const missing = expected.filter((report) => !committed.includes(report));
  const what = (report: string) => {
    const entry = entries.find((e) => e.report === report);
    return entry ? `"${entry.subpath}"` : report.slice('api/'.length, -'.api.md'.length);
  };
  if (missing.length > 0 && committed.length === 0) {
    // none at all: one finding for the project, not one per entry (@noble/hashes has 46 entries)
    const names = missing.map(what);
    findings.push({
      message: `${language === 'typescript' ? 'the package' : 'the project'} has no committed API report (${project.file('api/')}) for its ${missing.length === 1 ? `public ${language === 'typescript' ? 'entry' : 'package'} ${names[0]}` : `${missing.length} public ${language === 'typescript' ? 'entries' : 'packages'} (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''})`}: without one, a breaking change of the public API goes unnoticed in review; nx g @shipshape/api:api-report writes ${missing.length === 1 ? 'it' : 'them'}`,
      file: manifestFile,
      line: 1,
      key: 'missing',
    });
  } else
    for (const report of missing) {
      const entry = entries.find((e) => e.report === report);
      findings.push({
        message: `${entry ? `the exports entry "${entry.subpath}"` : `the package ${what(report)}`} has no committed API report (${project.file(report)}): without it a breaking change of its API goes unnoticed in review; nx g @shipshape/api:api-report writes it`,
        file: manifestFile,
        line: entry && entry.subpath !== '.' ? lineOf(text, `"${entry.subpath}"`) : 1,
        key: `missing:${report}`,
      });
    }
  for (const report of committed) {
    if (expected.includes(report)) continue;
    findings.push({
      message: `${project.file(report)} reports an entry the ${language === 'typescript' ? 'package.json exports map' : 'project'} no longer has: nx g @shipshape/api:api-report classifies its removal and deletes nothing; remove the file once it is reviewed`,
      file: project.file(report),
      line: 1,
      key: `stale:${report}`,
    });
  }
  return findings;
}

export const reportMissing = defineCheck({
  id: 'api/report-missing',
  title: 'Every public entry has a committed API report',
  planItem: 'api/api-report',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/api:api-report',
  requires: [],
  description:
    'A published package commits one API report per public entry: api/<name>.api.md for the exports map\'s "." (api-extractor), api/<name>-<subpath>.api.md for each other subpath, api/<package>.api.md for each Python import package (griffe). The check only looks for the files (it runs no tool): the inferred `api` target rebuilds the reports and fails when one differs from the code, with the semver class of the difference.',
  run,
});
