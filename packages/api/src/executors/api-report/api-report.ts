import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { errorMessage, isShipshapeError, pluginWorkspace } from '@shipshape/core';
import { lineDiff } from '../../report/line-diff';
import { buildReports, committedBaseline, compareReports, reportLanguage, semverText } from '../../report/reports';
import { describeDiff, type SemverFile } from '../../report/semver';
import type { ApiReportExecutorSchema } from './schema';

/** Where the target writes (its Nx outputs): the comparison's JSON and the reports that differ. */
export function outputPaths(workspaceRoot: string, projectRoot: string): { json: string; folder: string } {
  const base = join(workspaceRoot, 'reports', 'shipshape', projectRoot);
  return { json: join(base, 'api.json'), folder: join(base, 'api') };
}

/**
 * `nx run <project>:api` (CI mode): builds the reports in a temporary place, compares them with the committed
 * api/*.api.md, prints each difference with its semver class and reasons, writes the classification (the
 * semver JSON, baseline "committed") and the new reports under reports/shipshape/<root>/, and fails when a
 * report differs or is missing. It writes nothing in the project.
 */
export default async function apiReportExecutor(
  options: ApiReportExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean; semver?: SemverFile }> {
  const name = context.projectName;
  const node = name ? context.projectsConfigurations?.projects[name] : undefined;
  if (!name || !node) {
    console.error('api-report must run as a project target (nx run <project>:api).');
    return { success: false };
  }
  const { json, folder } = outputPaths(context.root, node.root);
  rmSync(folder, { recursive: true, force: true });
  rmSync(json, { force: true });
  try {
    const project = pluginWorkspace({ workspaceRoot: context.root }).project({ name, root: node.root, tags: node.tags ?? [] });
    const language = reportLanguage(project);
    if (!language) {
      console.log(`${name}: no package.json or pyproject.toml, so no API to report.`);
      return { success: true };
    }
    const timeoutMs = options.timeoutSeconds ? options.timeoutSeconds * 1000 : undefined;
    const built = await buildReports(project, language, timeoutMs);
    // the project's TypeScript is newer than the one api-extractor bundles: the report may miss new syntax
    for (const message of built.messages.filter((m) => m.id === 'console-compiler-version-notice').slice(0, 1))
      console.warn(`${node.root}: ${message.text.replace(/^\*+\s*/, '')}`);
    for (const message of built.messages.filter((m) => m.severity === 'error'))
      console.error(`${message.file ?? node.root}:${message.line ?? 0}:${message.column ?? 0} error ${message.id}: ${message.text}`);
    if (built.reports.length === 0) {
      console.log(
        `${name}: no public entry to report${built.skipped.length ? ` (${built.skipped.join(', ')} skipped: patterns and non-code files)` : ''}.`,
      );
      return { success: true };
    }
    const semver = await compareReports(project, language, built, committedBaseline(project));
    mkdirSync(dirname(json), { recursive: true });
    writeFileSync(json, semverText(semver));
    const update = `nx g @shipshape/api:api-report --project=${name}`;
    let success = true;
    for (const diff of semver.reports) {
      const file = project.file(diff.report);
      if (diff.status === 'same') {
        console.log(`✓ ${file} matches the code`);
        continue;
      }
      success = false;
      const report = built.reports.find((r) => r.file === diff.report);
      if (report) {
        const target = join(folder, diff.report);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, report.text);
      }
      if (diff.status === 'added') {
        console.error(`✗ ${file} is missing: the entry "${diff.entry}" has no committed API report. Write it with: ${update}`);
        continue;
      }
      if (diff.status === 'removed') {
        console.error(`✗ ${file} reports an entry that is no longer public: a major change. Review it, then remove the file.`);
        continue;
      }
      const before = project.workspace.source.read(file) ?? '';
      console.error(`✗ ${file} differs from the code (entry "${diff.entry}"):`);
      for (const line of lineDiff(before, report?.text ?? '')) console.error(`    ${line}`);
      for (const line of describeDiff(diff).slice(1)) console.error(line);
      console.error(
        `  This is a ${diff.bump.toUpperCase()} change${diff.bump === 'major' ? ' (breaking)' : ''}. If it is intended, update the report with: ${update}`,
      );
    }
    if (!success)
      console.error(
        `API reports of ${name}: ${semver.bump === 'none' ? 'missing' : `a ${semver.bump} change`}. The new reports are in ${join('reports', 'shipshape', node.root, 'api')}, the classification in ${join('reports', 'shipshape', node.root, 'api.json')}.`,
      );
    return { success, semver };
  } catch (error) {
    console.error(isShipshapeError(error) ? `Shipshape: ${error.message}` : `api-report failed: ${errorMessage(error)}`);
    return { success: false };
  }
}
