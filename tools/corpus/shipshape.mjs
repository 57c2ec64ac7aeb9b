// The ONLY file of the corpus harness that touches Shipshape's API: when core's API changes, this file is
// the one to adapt. It loads the built packages (packages/*/dist, from `npm run build`); the corpus
// workspace has no node_modules/@shipshape, so the checks are passed explicitly.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

let loaded;
function load() {
  if (!loaded) {
    let engine;
    try {
      engine = require(join(repo, 'packages/core/dist/engine.js'));
    } catch (error) {
      throw new Error(`cannot load packages/core/dist (run \`npm run build\` first): ${error.message}`, { cause: error });
    }
    const checks = [
      ...require(join(repo, 'packages/structure/dist/checks.js')).checks,
      ...require(join(repo, 'packages/deps/dist/checks.js')).checks,
      ...require(join(repo, 'packages/api/dist/checks.js')).checks,
    ];
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
