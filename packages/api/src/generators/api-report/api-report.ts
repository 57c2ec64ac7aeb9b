import type { GeneratorCallback, Tree } from '@nx/devkit';
import { defineFixGenerator, errorMessage, isShipshapeError, pluginWorkspace, type FixResult } from '@shipshape/core';
import { treeOverlay } from '../../report/overlay';
import { API_OPTIONS } from '../../options';
import {
  buildReports,
  committedReports,
  compareReports,
  isPublished,
  releaseBaseline,
  reportLanguage,
  SEMVER_FILE,
  semverText,
} from '../../report/reports';
import type { SemverFile } from '../../report/semver';
import type { ApiReportGeneratorSchema } from './schema';

const fix = defineFixGenerator<ApiReportGeneratorSchema>({
  name: '@shipshape/api:api-report',
  sections: [API_OPTIONS],
  fix: async ({ tree, project, schema }): Promise<FixResult> => {
    const language = reportLanguage(project);
    if (!language) return { left: [`${project.root}: no package.json or pyproject.toml, so no API to report`] };
    if (language === 'typescript' && !isPublished(project))
      return { done: [`${project.file('package.json')}: the package is private, so it has no public API to report`] };
    let built;
    // the tools read files: when an earlier step of the phase changed the project on the Tree, they read a copy
    const overlay = treeOverlay(tree, project.root);
    try {
      const source = overlay
        ? pluginWorkspace({ workspaceRoot: overlay.root }).project({ name: project.name, root: project.root, tags: project.tags })
        : project;
      built = await buildReports(source, language);
    } catch (error) {
      if (!isShipshapeError(error)) throw error;
      return { left: [errorMessage(error)] };
    } finally {
      overlay?.remove();
    }
    if (built.reports.length === 0) return { done: [`${project.root}: no public entry to report`] };
    const baseline = await releaseBaseline(project, language, schema.baseline);
    const semver: SemverFile = baseline
      ? await compareReports(project, language, built, baseline)
      : {
          version: 1,
          project: project.name,
          language,
          baseline: 'none',
          bump: 'none',
          reports: built.reports.map((r) => ({
            report: r.file,
            entry: r.entry,
            status: 'added' as const,
            bump: 'none' as const,
            changes: [],
          })),
        };
    const changes = built.reports.map((r) => ({ path: project.file(r.file), content: r.text }));
    changes.push({ path: project.file(SEMVER_FILE), content: semverText(semver) });
    const done = built.reports
      .filter((r) => project.workspace.source.read(project.file(r.file)) !== r.text)
      .map((r) => {
        const diff = semver.reports.find((d) => d.report === r.file);
        const why =
          diff && diff.status === 'changed'
            ? ` (${diff.bump} since ${semver.baseline}: ${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'})`
            : '';
        return `${project.file(r.file)}: wrote the API report of the entry "${r.entry}"${why}`;
      });
    if (semver.bump !== 'none') done.push(`${project.file(SEMVER_FILE)}: wrote the ${semver.bump} change since ${semver.baseline}`);
    const entries = new Set(built.reports.map((r) => r.file));
    const left = committedReports(project)
      .filter((file) => !entries.has(file))
      .map(
        (file) =>
          `${project.file(file)}: reports an entry that is no longer public (a major change, in ${SEMVER_FILE}); remove it once reviewed`,
      );
    const notice = built.messages.find((m) => m.id === 'console-compiler-version-notice');
    if (notice) left.push(`${project.file('package.json')}: ${notice.text.replace(/^\*+\s*/, '')}`);
    for (const skipped of built.skipped)
      left.push(`${project.file('package.json')}: the exports entry "${skipped}" is a pattern or not code, so it has no report`);
    return { changes, done, left };
  },
});

/**
 * `nx g @shipshape/api:api-report --project=x`: writes the committed API reports from the code and
 * api/semver.json (the classified change since the last release tag). Idempotent; never formats the reports
 * (a formatter would make them differ from what the `api` target builds) and never deletes one.
 */
export async function apiReportGenerator(tree: Tree, schema: ApiReportGeneratorSchema): Promise<GeneratorCallback> {
  return fix(tree, { ...schema, skipFormat: true });
}

export default apiReportGenerator;
