// The ONLY file of the corpus harness that touches Shipshape's API: when core's API changes, this file is
// the one to adapt. It loads the built packages (packages/*/dist, from `npm run build`); the corpus
// workspace has no node_modules/@shipshape, so the checks are passed explicitly.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** The checks the audit runs, by module (the packages' dist folders, from `npm run build`). */
const CHECK_MODULES = ['structure', 'deps', 'api'].map((name) => join(repo, `packages/${name}/dist/checks.js`));

/** The batch path shares the corpus out to two audit threads, as the executor does for a large batch. */
const BATCH_THREADS = 2;

let loaded;
function load() {
  if (!loaded) {
    let engine;
    try {
      engine = require(join(repo, 'packages/core/dist/engine.js'));
    } catch (error) {
      throw new Error(`cannot load packages/core/dist (run \`npm run build\` first): ${error.message}`, { cause: error });
    }
    const checks = CHECK_MODULES.flatMap((module) => require(module).checks);
    loaded = { engine, checks };
  }
  return loaded;
}

/** The ids of every check the audit runs (structure, deps, api). */
export function checkIds() {
  return load().checks.map((c) => c.id);
}

/**
 * One corpus project's audit with the default options (failOn: error), as the `audit` executor would run
 * it, without writing any report. `workspaceGraph` ({ projects: [{ name, root, tags }], dependencies })
 * stands in for the graph Nx would have computed for the workspace.
 * Returns { findings: [{ checkId, severity, message, file, line, fingerprint }], problems, passed, failOn }.
 */
export async function auditCorpusProject({ workspaceRoot, projectRoot, projectName, workspaceGraph }) {
  const { engine, checks } = load();
  const options = engine.resolveOptions({}, 'the corpus harness (default options)');
  const workspace = engine.diskWorkspace({ workspaceRoot, options, graph: workspaceGraph });
  const tags = workspaceGraph?.projects.find((p) => p.root === projectRoot)?.tags;
  const report = await engine.runAudit(workspace.project({ name: projectName, root: projectRoot, tags }), checks);
  return corpusResult(report);
}

/**
 * The same audits in Nx's batch mode (`nx run-many -t audit`), in a fresh node process of their own: every
 * project of `projects` ([{ name, root }]) through core's `auditProjects` in one call, with ONE workspace shared by all of them, built with the requests
 * the pipeline's audit-batch executor builds (packages/pipeline/src/executors/audit/request.ts): default
 * options (`{}`, as the one-project path), the project's tags, the workspace graph, no baseline update. The
 * checks go in each request's `checks` (the corpus has no node_modules/@shipshape to discover them from);
 * the options sections are discovered from the workspace as the executor lets them be (none: the same as the
 * one-project path's default `resolveOptions`).
 * auditProjects always writes each project's three report files (reports/shipshape/<root>/ in the corpus
 * workspace, the default reportsDir): they are removed afterwards, so that the corpus stays as prepared.
 * Returns a Map from project name to the shape `auditCorpusProject` returns, or to { error } when the batch
 * could not audit that project.
 */
export async function auditCorpusBatch({ workspaceRoot, projects, workspaceGraph }) {
  // A process of its own, as Nx's batch runs (nothing shared with the one-project audits run here; its time is
  // its own), in the same working directory: api/type-coverage's figures depend on it.
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-corpus-batch-'));
  const input = join(dir, 'input.json');
  const output = join(dir, 'output.json');
  try {
    writeFileSync(input, JSON.stringify({ workspaceRoot, projects: projects.map(({ name, root }) => ({ name, root })), workspaceGraph }));
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), BATCH_CHILD, input, output], { stdio: 'inherit' });
    const [code, signal] = await once(child, 'close');
    if (code !== 0) throw new Error(`the batch audit process failed (${signal ?? `exit code ${code}`})`);
    return new Map(JSON.parse(readFileSync(output, 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BATCH_CHILD = '--corpus-batch-child';

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === BATCH_CHILD) {
  const results = await auditBatchHere(JSON.parse(readFileSync(process.argv[3], 'utf8')));
  writeFileSync(process.argv[4], JSON.stringify([...results]));
}

async function auditBatchHere({ workspaceRoot, projects, workspaceGraph }) {
  const { engine } = load();
  const reportsRoot = join(workspaceRoot, 'reports');
  const hadReports = existsSync(reportsRoot);
  const requests = projects.map((p) => ({
    workspaceRoot,
    projectName: p.name,
    projectRoot: p.root,
    options: {},
    optionsSource: `the audit options of ${p.name} (the corpus harness: default options)`,
    updateBaseline: undefined,
    // named by module, so that the requests can cross to the audit threads (what the executor does for a large batch)
    checkModules: CHECK_MODULES,
    tags: workspaceGraph?.projects.find((n) => n.root === p.root)?.tags,
    graph: workspaceGraph,
  }));
  const names = new Map(requests.map((r) => [r, r.projectName]));
  const results = new Map();
  const written = [];
  try {
    for await (const { request, result, error } of engine.auditProjectsInParallel(requests, { threads: BATCH_THREADS })) {
      const name = names.get(request);
      if (result) {
        written.push(...Object.values(result.files));
        results.set(name, corpusResult(result.report));
      } else results.set(name, { error: error instanceof Error ? error.message : String(error) });
    }
  } finally {
    if (!hadReports) rmSync(reportsRoot, { recursive: true, force: true });
    else for (const file of written) rmSync(file, { force: true });
  }
  return results;
}

function corpusResult(report) {
  return {
    findings: report.findings
      .filter((f) => f.status !== 'ignored')
      .map(({ checkId, severity, message, file, line, fingerprint }) => ({ checkId, severity, message, file, line, fingerprint })),
    problems: report.problems,
    passed: report.summary.passed,
    failOn: report.summary.failOn,
  };
}

/**
 * What a dependency finding is about, for the comparison with knip: { kind, name } or undefined.
 * (Read from the message, whose first quoted word is the package; adapt here if messages change.)
 */
export function dependencySubject(finding) {
  const kinds = {
    'deps/unused-dependency': 'unused',
    'deps/missing-dependency': 'missing',
    'deps/misplaced-dependency': 'misplaced',
    'deps/transitive-dependency': 'missing',
  };
  const kind = kinds[finding.checkId];
  const name = /^"([^"]+)"/.exec(finding.message)?.[1];
  return kind && name ? { kind, name } : undefined;
}

/** The publint code of a structure/publint finding ("publint CODE: ..."), for the comparison with publint. */
export function publintCode(finding) {
  return finding.checkId === 'structure/publint' ? /^publint ([A-Z_]+)/.exec(finding.message)?.[1] : undefined;
}
