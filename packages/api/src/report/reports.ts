import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageJson, pyproject, pythonInterpreter, runProcess, ShipshapeError, type ShipshapeProject } from '@shipshape/core';
import { typescriptBump } from './classify-typescript';
import { pythonEntries, REPORT_FOLDER, typescriptEntries } from './entries';
import { buildPythonReports, pythonBump } from './python';
import { maxBump, type Bump, type ReportDiff, type SemverFile } from './semver';
import { buildTypescriptReports, type ReportBuild } from './typescript';

export type ReportLanguage = 'typescript' | 'python';

/** The semver file the generator writes next to the reports, for review and for the release phase. */
export const SEMVER_FILE = `${REPORT_FOLDER}/semver.json`;

/** The language whose report a project gets: TypeScript with a package.json, else Python with a pyproject.toml. */
export function reportLanguage(project: ShipshapeProject): ReportLanguage | undefined {
  const manifest = project.get(packageJson);
  if (manifest?.data) return 'typescript';
  return project.get(pyproject)?.data ? 'python' : undefined;
}

/** Whether a project's API is published: not `"private": true`. */
export function isPublished(project: ShipshapeProject): boolean {
  return project.get(packageJson)?.data?.private !== true;
}

/** The report files a project should have (project-relative). */
export function expectedReports(project: ShipshapeProject, language: ReportLanguage): string[] {
  return language === 'typescript' ? typescriptEntries(project).entries.map((e) => e.report) : pythonEntries(project).map((e) => e.report);
}

/** Builds the reports from the code (api-extractor or griffe). */
export function buildReports(project: ShipshapeProject, language: ReportLanguage, timeoutMs?: number): Promise<ReportBuild> {
  return language === 'typescript' ? buildTypescriptReports(project, { timeoutMs }) : buildPythonReports(project);
}

/** Committed report files in the project's api/ folder (project-relative). */
export function committedReports(project: ShipshapeProject): string[] {
  const folder = project.file(REPORT_FOLDER);
  return project.workspace.source
    .children(folder)
    .filter((name) => name.endsWith('.api.md') && project.workspace.source.isFile(`${folder}/${name}`))
    .map((name) => `${REPORT_FOLDER}/${name}`)
    .sort();
}

const lf = (text: string) => text.replace(/\r\n/g, '\n');

/**
 * Compares the built reports with a baseline (the committed reports, or the reports of a release) and classifies
 * every difference. `read` gives a baseline report's text by its project-relative path, undefined when absent;
 * `baselineFiles` lists the baseline's reports (to find the entries that are gone).
 */
export async function compareReports(
  project: ShipshapeProject,
  language: ReportLanguage,
  built: ReportBuild,
  baseline: { name: string; read(file: string): string | undefined; files: string[] },
): Promise<SemverFile> {
  const reports: ReportDiff[] = [];
  const python = language === 'python' ? await project.get(pythonInterpreter) : '';
  for (const report of built.reports) {
    const before = baseline.read(report.file);
    if (before === undefined) {
      reports.push({ report: report.file, entry: report.entry, status: 'added', bump: 'none', changes: [] });
      continue;
    }
    if (lf(before) === lf(report.text)) {
      reports.push({ report: report.file, entry: report.entry, status: 'same', bump: 'none', changes: [] });
      continue;
    }
    const result =
      language === 'typescript'
        ? typescriptBump(lf(before), lf(report.text), project.absRoot)
        : await pythonBump(python, lf(before), lf(report.text), project.file(report.file));
    reports.push({ report: report.file, entry: report.entry, status: 'changed', bump: result.bump, changes: result.changes });
  }
  for (const file of baseline.files)
    if (!built.reports.some((r) => r.file === file))
      reports.push({
        report: file,
        entry: file,
        status: 'removed',
        bump: 'major',
        changes: [{ name: file, kind: 'entry-removed', bump: 'major', reason: `the entry reported in ${file} is no longer public` }],
      });
  const bump: Bump = maxBump(...reports.map((r) => r.bump));
  return { version: 1, project: project.name, language, baseline: baseline.name, bump, reports };
}

/** The baseline of the committed reports (the files of the Tree or the disk). */
export function committedBaseline(project: ShipshapeProject): { name: string; read(file: string): string | undefined; files: string[] } {
  return { name: 'committed', read: (file) => project.workspace.source.read(project.file(file)), files: committedReports(project) };
}

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  const run = await runProcess('git', args, { cwd, timeoutMs: 60_000 });
  return run.code === 0 ? run.stdout : undefined;
}

/**
 * The last release tag of a project reachable from HEAD: `<package name>@x.y.z` or `<project>@x.y.z` (nx release's
 * per-project tags), else `vx.y.z` / `x.y.z` (one version for the workspace). Undefined without git or tags.
 */
export async function lastReleaseTag(project: ShipshapeProject, names: string[]): Promise<string | undefined> {
  const out = await git(project.workspaceRoot, ['tag', '--merged', 'HEAD', '--sort=-v:refname']);
  if (!out) return undefined;
  const tags = out
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
  const version = String.raw`\d+\.\d+\.\d+(?:[-+][\w.-]+)?`;
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const found = tags.find((t) => new RegExp(`^${escaped}@v?${version}$`).test(t));
    if (found) return found;
  }
  return tags.find((t) => new RegExp(`^v?${version}$`).test(t));
}

/**
 * The baseline the generator classifies against: the reports of the last release tag (committed then; for
 * Python, built by griffe from the tagged sources when the tag has no report), else the reports committed at
 * HEAD, else none.
 */
export async function releaseBaseline(
  project: ShipshapeProject,
  language: ReportLanguage,
  ref?: string,
): Promise<{ name: string; read(file: string): string | undefined; files: string[] } | undefined> {
  const manifestName = language === 'typescript' ? project.get(packageJson)?.data?.name : project.get(pyproject)?.data?.project?.name;
  const names = [manifestName, project.name].filter((n): n is string => typeof n === 'string');
  const tag = ref ?? (await lastReleaseTag(project, names));
  ref = tag ?? 'HEAD';
  const listing = await git(project.workspaceRoot, ['ls-tree', '--name-only', `${ref}:./${project.file(REPORT_FOLDER)}`]);
  const base = ref;
  if (listing === undefined && !tag) return undefined;
  const files = (listing ?? '')
    .split('\n')
    .filter((f) => f.endsWith('.api.md'))
    .map((f) => `${REPORT_FOLDER}/${f}`);
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = await git(project.workspaceRoot, ['show', `${ref}:./${project.file(file)}`]);
    if (text !== undefined) texts.set(file, text);
  }
  if (texts.size === 0 && tag && language === 'python') {
    // the release predates the reports: griffe reads the tagged sources
    const built = await reportsAtRef(project, tag);
    for (const report of built.reports) texts.set(report.file, report.text);
  }
  if (texts.size === 0 && !tag) return undefined;
  return { name: base, read: (file) => texts.get(file), files: [...texts.keys()] };
}

/** The Python reports of the project's sources at a git ref (extracted into a temporary folder). */
async function reportsAtRef(project: ShipshapeProject, ref: string): Promise<ReportBuild> {
  const temp = mkdtempSync(join(tmpdir(), 'shipshape-api-ref-'));
  try {
    const archive = join(temp, 'tree.tar');
    const made = await runProcess('git', ['archive', '--format=tar', '-o', archive, ref, '--', project.root], {
      cwd: project.workspaceRoot,
      timeoutMs: 120_000,
    });
    if (made.code !== 0) return { reports: [], messages: [], skipped: [] };
    mkdirSync(join(temp, 'tree'));
    const unpacked = await runProcess('tar', ['-xf', archive, '-C', join(temp, 'tree')], { timeoutMs: 120_000 });
    if (unpacked.code !== 0) throw new ShipshapeError(`${project.root}: could not unpack the sources of ${ref}: ${unpacked.stderr.trim()}`);
    try {
      return await buildPythonReports(project, join(temp, 'tree'));
    } catch {
      return { reports: [], messages: [], skipped: [] };
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The semver file's text: stable key order, two-space indentation, a final newline. */
export function semverText(file: SemverFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
