import { join } from 'node:path';
import { compareWithBaseline, createBaseline, readBaseline, writeBaseline, type BaselineComparison } from '../baseline/baseline';
import { projectListing } from '../facts/project/files';
import { projectLanguages } from '../facts/project/languages';
import { unparsedPython, unparsedTypescript, type UnparsedFile } from '../facts/project/parsed-sources';
import type { ShipshapeProject } from '../facts/shipshape-project';
import type { Check } from '../model/check';
import {
  fingerprint,
  severityRank,
  compareFindings,
  SEVERITIES,
  type Finding,
  type FindingInput,
  type Language,
  type Severity,
} from '../model/finding';
import { errorMessage } from '../util/errors';
import { insideWorkspace } from '../file-system/paths';
import { runChecks, type CheckOutcome } from './run-checks';
import { matchesGlob } from '../util/glob';
import { REPORT_SCHEMA_VERSION, type AuditProblem, type AuditReport, type ReportedCheck, type ReportedFinding } from './report';
import { SHIPSHAPE_VERSION } from '../version';

export interface RunAuditOptions {
  /** Accept every current finding: rewrite the project's baseline file from them before comparing. */
  updateBaseline?: boolean;
}

/** Runs the checks that apply to the project and compares what they find with the project's baseline. */
export async function runAudit(
  project: ShipshapeProject,
  checks: readonly Check[],
  runOptions: RunAuditOptions = {},
): Promise<AuditReport> {
  const { options } = project;
  const languages = project.get(projectLanguages);
  const applicable = checks.filter((check) => options.checks[check.id] !== 'off' && check.languages.some((l) => languages.includes(l)));
  const problems: AuditProblem[] = project
    .get(projectListing)
    .skipped.map((s) => ({ file: s.file, message: `${s.file} ${s.message}`, kind: 'skipped' as const }));
  problems.push(...(await unparsedNotes(project, languages)));
  const ran = await runChecks(project, applicable);
  problems.push(...ran.problems);
  const findings: Finding[] = ran.outcomes.flatMap(({ check, findings: found }) => found.map((input) => toFinding(check, project, input)));

  const { kept, ignored } = applyIgnores(findings, options.ignore);
  const baselinePath = insideWorkspace(
    project.workspaceRoot,
    join(project.absRoot, options.baselineFile),
    'the baselineFile option',
    options.baselineFile,
  );
  if (runOptions.updateBaseline) writeBaseline(baselinePath, createBaseline(kept), project.file(options.baselineFile));
  let comparison: BaselineComparison;
  try {
    comparison = compareWithBaseline(kept, readBaseline(baselinePath, project.file(options.baselineFile)));
  } catch (error) {
    addProblem(problems, { kind: 'error', file: project.file(options.baselineFile), message: errorMessage(error) });
    comparison = compareWithBaseline(kept, undefined);
  }
  const reported: ReportedFinding[] = [
    ...comparison.newFindings.map((f) => ({ ...f, status: 'new' as const })),
    ...comparison.baselineFindings.map((f) => ({ ...f, status: 'baseline' as const })),
    ...ignored,
  ].sort(compareFindings);

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'shipshape', version: SHIPSHAPE_VERSION },
    workspaceRoot: project.workspaceRoot,
    project: { name: project.name, root: project.root, languages },
    checks: ran.outcomes.map(describeCheck),
    findings: reported,
    problems,
    summary: summarize(
      reported,
      comparison,
      problems,
      options.failOn,
      ran.outcomes.some((o) => o.unavailable),
    ),
  };
}

/**
 * Every source file that could not be parsed, as a note naming the file, the line and the reason: the checks
 * that would conclude from it that something is absent do not (what it imports is unknown). Python files
 * without a Python to read them are reported by the checks that needed it.
 */
async function unparsedNotes(project: ShipshapeProject, languages: readonly Language[]): Promise<AuditProblem[]> {
  const reads: Array<() => UnparsedFile[] | Promise<UnparsedFile[]>> = [
    ...(languages.includes('typescript') ? [() => project.get(unparsedTypescript)] : []),
    ...(languages.includes('python') ? [() => project.get(unparsedPython)] : []),
  ];
  const notes: AuditProblem[] = [];
  for (const read of reads) {
    let files: UnparsedFile[];
    try {
      files = await read();
    } catch {
      continue;
    }
    for (const f of files) {
      notes.push({
        kind: 'skipped',
        file: f.file,
        message: `${f.file}${f.line ? `:${f.line}` : ''} could not be parsed (${f.reason}): nothing is concluded unused, dead or missing from it`,
      });
    }
  }
  return notes;
}

function toFinding(check: Check, project: ShipshapeProject, input: FindingInput): Finding {
  const severity = input.severity ?? (project.options.checks[check.id] as Severity | undefined) ?? check.severity;
  const finding: Finding = {
    checkId: check.id,
    severity,
    message: input.message,
    project: project.name,
    file: input.file,
    line: input.line ?? 0,
    column: input.column ?? 0,
    fingerprint: fingerprint({ checkId: check.id, project: project.name, file: input.file, key: input.key ?? input.message }),
    planItem: check.planItem,
  };
  const fix = input.fix ?? (check.fixedBy ? { generator: check.fixedBy, options: { project: project.name } } : undefined);
  return fix ? { ...finding, fix } : finding;
}

function addProblem(problems: AuditProblem[], problem: AuditProblem) {
  if (!problems.some((p) => p.message === problem.message)) problems.push(problem);
}

function applyIgnores(findings: Finding[], rules: AuditReportIgnoreRules): { kept: Finding[]; ignored: ReportedFinding[] } {
  const kept: Finding[] = [];
  const ignored: ReportedFinding[] = [];
  for (const finding of findings) {
    const rule = rules.find((r) => r.check === finding.checkId && (!r.file || matchesGlob(finding.file, r.file)));
    if (rule) ignored.push({ ...finding, status: 'ignored', ignoreReason: rule.reason });
    else kept.push(finding);
  }
  return { kept, ignored };
}

type AuditReportIgnoreRules = ShipshapeProject['options']['ignore'];

function describeCheck({ check, skipped }: CheckOutcome): ReportedCheck {
  const described: ReportedCheck = {
    id: check.id,
    title: check.title,
    planItem: check.planItem,
    severity: check.severity,
    languages: [...check.languages],
  };
  if (check.fixedBy) described.fixedBy = check.fixedBy;
  if (check.description) described.description = check.description;
  if (skipped) described.skipped = skipped;
  return described;
}

function summarize(
  findings: ReportedFinding[],
  comparison: BaselineComparison,
  problems: AuditProblem[],
  failOn: Severity | 'never',
  incomplete: boolean,
): AuditReport['summary'] {
  const active = findings.filter((f) => f.status !== 'ignored');
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length])) as Record<
    Severity,
    number
  >;
  const failing = failOn !== 'never' && comparison.newFindings.some((f) => severityRank(f.severity) >= severityRank(failOn));
  return {
    total: active.length,
    new: comparison.newFindings.length,
    baseline: comparison.baselineFindings.length,
    ignored: findings.length - active.length,
    fixedSinceBaseline: comparison.fixed.length,
    bySeverity,
    failOn,
    // Checks this machine could not run (no Python) leave the gate unanswered: never a silent pass.
    gate: failing || problems.some((p) => p.kind === 'error') ? 'failed' : incomplete ? 'skipped' : 'passed',
    passed: !failing && !problems.some((p) => p.kind === 'error') && !incomplete,
  };
}
