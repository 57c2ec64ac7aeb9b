#!/usr/bin/env node
// The real-world corpus run (issue 10): prepares the corpus, audits every project with today's checks,
// joins the findings with the committed verdicts and prints precision per check, overall, false errors and
// the gate. Usage:
//   node tools/corpus/run.mjs --report        print everything (with the knip/publint comparison), exit 0
//   node tools/corpus/run.mjs --check         exit 1 on an unjudged finding, a check with >= 5 judged findings
//                                             under 90 %, overall under 95 %, or any false `error`
//   node tools/corpus/run.mjs --judge [file]  also write the unjudged findings (with verdict templates) to a
//                                             scratch file outside the repository (default <cache>/unjudged.json)
// Options: --no-compare (skip knip/publint), --compare (with --check), --only <project,...>, --json <file>
// (every finding with its verdict, outside the repository), --verbose (list every FP), --batch (also audit the
// same projects in Nx's batch mode, core's auditProjects with one shared workspace, and compare its findings,
// problems and gate with the one-project path's; with --check a difference fails the run).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cacheDir, corpusProjects, prepareCorpus } from './prepare.mjs';
import { auditCorpusBatch, auditCorpusProject, dependencySubject, publintCode } from './shipshape.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : undefined;
};
const mode = flag('--check') ? 'check' : 'report';
const judging = flag('--judge');
const compare = mode === 'report' ? !flag('--no-compare') : flag('--compare');
const only = value('--only')?.split(',');
const verbose = flag('--verbose');
const batch = flag('--batch');

const VERDICTS_DIR = join(here, 'verdicts');
const REFERENCE_VERDICTS = join(here, 'reference-verdicts.json');
const BAR = { perCheck: 0.9, perCheckMinJudged: 5, overall: 0.95 };

const out = (line = '') => process.stdout.write(`${line}\n`);
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)} %` : '   -  ');

async function main() {
  const started = Date.now();
  const { workspaceRoot, fresh } = prepareCorpus();
  const prepared = Date.now();
  const projects = corpusProjects().filter((p) => !only || only.includes(p.name));
  const graph = workspaceGraph(workspaceRoot, corpusProjects());

  const findings = [];
  const gate = [];
  const problems = [];
  const single = new Map();
  for (const p of projects) {
    const result = await auditCorpusProject({ workspaceRoot, projectRoot: p.root, projectName: p.name, workspaceGraph: graph });
    single.set(p.name, result);
    for (const f of result.findings) findings.push({ project: p.name, ...f });
    for (const pr of result.problems) problems.push({ project: p.name, ...pr });
    gate.push({ project: p.name, passed: result.passed, errors: result.findings.filter((f) => f.severity === 'error') });
  }
  const audited = Date.now();
  let batchComparison;
  if (batch) {
    const results = await auditCorpusBatch({ workspaceRoot, projects, workspaceGraph: graph });
    batchComparison = compareBatch(projects, single, results, audited - prepared, Date.now() - audited);
  }

  const verdicts = readVerdicts();
  for (const f of findings) f.verdict = verdicts[f.fingerprint];
  for (const g of gate) for (const f of g.errors) f.verdict = verdicts[f.fingerprint];

  out(
    `Shipshape corpus: ${projects.length} projects, ${findings.length} findings (prepare ${secs(prepared - started)}${fresh ? ', laid out anew' : ', cached'}, audit ${secs(audited - prepared)})`,
  );
  for (const pr of problems) out(`  problem in ${pr.project}: [${pr.kind}] ${pr.message}`);
  const stats = report(findings, gate, verdicts, projects);

  if (compare) await compareWithReferenceTools(workspaceRoot, projects, findings);

  if (judging) {
    const file = resolve(value('--judge') ?? join(cacheDir(), 'unjudged.json'));
    const unjudged = Object.fromEntries(
      findings
        .filter((f) => !f.verdict)
        .map((f) => [
          f.fingerprint,
          {
            check: f.checkId,
            project: f.project,
            file: f.file,
            line: f.line,
            severity: f.severity,
            message: f.message,
            verdict: '',
            reason: '',
          },
        ]),
    );
    const reference = Object.fromEntries(
      Object.entries(unjudgedReference).map(([key, issue]) => [key, { ...issue, verdict: '', reason: '' }]),
    );
    writeFileSync(
      file,
      `${JSON.stringify({ ...unjudged, ...(Object.keys(reference).length ? { $reference: reference } : {}) }, null, 2)}\n`,
    );
    out(
      `\n${Object.keys(unjudged).length} unjudged findings (and ${Object.keys(unjudgedReference).length} of the reference tools', under $reference) written to ${file}: fill in verdict (TP | FP | debatable) and reason, then merge them into tools/corpus/verdicts/<area>.json (reference-verdicts.json)`,
    );
  }
  if (batchComparison) printBatchComparison(batchComparison);
  const jsonOut = value('--json');
  if (jsonOut) writeFileSync(resolve(jsonOut), `${JSON.stringify(findings, null, 2)}\n`);
  out(`\ntotal ${secs(Date.now() - started)}`);

  if (mode === 'check') {
    const failures = barFailures(stats, problems, gate);
    if (batchComparison?.differences.length)
      failures.push(
        `the batch path (auditProjects, one workspace for all projects, as \`nx run-many -t audit\` runs) differs from the one-project path in ${batchComparison.differences.length} place(s): see "Batch path" above`,
      );
    if (failures.length) {
      out(`\nFAILED the corpus bar:`);
      for (const f of failures) out(`  - ${f}`);
      process.exitCode = 1;
    } else out('\nThe corpus bar is met.');
  }
}

function report(findings, gate, verdicts, projects) {
  const checks = [...new Set(findings.map((f) => f.checkId))].sort();
  const rows = [];
  const totals = { TP: 0, FP: 0, debatable: 0, unjudged: 0 };
  for (const check of checks) {
    const of = findings.filter((f) => f.checkId === check);
    const c = count(of);
    for (const k of Object.keys(totals)) totals[k] += c[k];
    rows.push({
      check,
      ...c,
      judged: c.TP + c.FP,
      precision: c.TP + c.FP ? c.TP / (c.TP + c.FP) : undefined,
      severities: [...new Set(of.map((f) => f.severity))].join('/'),
    });
  }
  out('\nPer check (precision = TP / (TP + FP); debatable and unjudged left out):');
  out(
    `  ${'check'.padEnd(38)} ${'sev'.padEnd(14)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'deb'.padStart(5)} ${'unj'.padStart(5)}  precision`,
  );
  for (const r of rows) {
    out(
      `  ${r.check.padEnd(38)} ${r.severities.padEnd(14)} ${String(r.TP).padStart(5)} ${String(r.FP).padStart(5)} ${String(r.debatable).padStart(5)} ${String(r.unjudged).padStart(5)}  ${pct(r.TP, r.TP + r.FP)}`,
    );
  }
  out(
    `  ${'ALL'.padEnd(38)} ${''.padEnd(14)} ${String(totals.TP).padStart(5)} ${String(totals.FP).padStart(5)} ${String(totals.debatable).padStart(5)} ${String(totals.unjudged).padStart(5)}  ${pct(totals.TP, totals.TP + totals.FP)}`,
  );

  const fpErrors = findings.filter((f) => f.verdict?.verdict === 'FP' && f.severity === 'error');
  out(`\nFalse errors (FP at severity error): ${fpErrors.length}`);
  for (const f of fpErrors) out(`  ${f.project}  ${f.checkId}  ${f.file}:${f.line}\n      ${f.verdict.reason}`);

  out('\nDefault gate (failOn: error):');
  for (const g of gate) {
    if (g.passed) continue;
    const why = g.errors.map((f) => `${f.checkId} ${f.verdict?.verdict ?? 'unjudged'}`);
    const tally = Object.entries(why.reduce((a, w) => ((a[w] = (a[w] ?? 0) + 1), a), {})).map(([w, n]) => `${n}x ${w}`);
    const onlyFalse = g.errors.every((f) => f.verdict && f.verdict.verdict !== 'TP');
    out(`  FAILS ${g.project.padEnd(24)} ${onlyFalse ? '(no true error: a healthy library failed)' : ''} ${tally.join(', ')}`);
  }
  out(
    `  passes: ${
      gate
        .filter((g) => g.passed)
        .map((g) => g.project)
        .join(', ') || 'none'
    }`,
  );

  const fps = findings.filter((f) => f.verdict?.verdict === 'FP');
  const classes = groupBy(fps, (f) => `${f.checkId} :: ${f.verdict.class ?? '(no class)'}`);
  out(`\nFalse-positive classes (${fps.length} FP):`);
  for (const [k, list] of [...classes].sort((a, b) => b[1].length - a[1].length)) {
    out(`  ${String(list.length).padStart(5)}  ${k}`);
    for (const f of verbose ? list : list.slice(0, 2))
      out(`         e.g. ${f.project}: ${f.file}: ${verbose ? f.verdict.reason : clip(f.verdict.reason, 150)}`);
  }
  const seen = new Set(findings.map((f) => f.fingerprint));
  const inScope = new Set(projects.map((p) => p.name));
  const stale = Object.entries(verdicts).filter(([fp, v]) => !seen.has(fp) && inScope.has(v.project));
  if (stale.length) {
    const byVerdict = groupBy(stale, ([, v]) => `${v.check} ${v.verdict}`);
    out(`\nVerdicts whose finding is gone (${stale.length}; fixed FPs are progress, lost TPs are regressions):`);
    for (const [k, list] of byVerdict) out(`  ${String(list.length).padStart(5)}  ${k}`);
  }
  if (totals.unjudged) out(`\n${totals.unjudged} findings have no verdict: run with --judge to list them.`);
  return { rows, totals, fpErrors };
}

function barFailures({ rows, totals, fpErrors }, problems, gate) {
  const failures = [];
  // An audit that could not run a check (a helper missing, a crash) proves nothing about that project.
  for (const pr of problems.filter((p) => p.kind === 'error')) failures.push(`the audit of ${pr.project} did not run fully: ${pr.message}`);
  for (const g of gate.filter((g) => !g.passed && !g.errors.some((e) => e.verdict?.verdict === 'TP')))
    failures.push(`the default gate fails ${g.project} without a true error`);
  if (totals.unjudged)
    failures.push(`${totals.unjudged} findings have no verdict (run --judge, judge them, add them to verdicts/<area>.json)`);
  for (const r of rows) {
    if (r.judged >= BAR.perCheckMinJudged && r.precision < BAR.perCheck)
      failures.push(`${r.check}: precision ${pct(r.TP, r.judged)} < ${BAR.perCheck * 100} % (${r.TP} TP, ${r.FP} FP)`);
  }
  const judged = totals.TP + totals.FP;
  if (judged && totals.TP / judged < BAR.overall) failures.push(`overall precision ${pct(totals.TP, judged)} < ${BAR.overall * 100} %`);
  if (fpErrors.length) failures.push(`${fpErrors.length} false positives at severity error`);
  return failures;
}

function count(list) {
  const c = { TP: 0, FP: 0, debatable: 0, unjudged: 0 };
  for (const f of list) c[f.verdict?.verdict ?? 'unjudged'] += 1;
  return c;
}

// ---------------------------------------------------------------------------------------------------------
// The batch path (Nx's batch mode) against the one-project path

const FINDING_KEYS = ['checkId', 'severity', 'message', 'file', 'line', 'fingerprint'];
const findingKey = (f) => JSON.stringify(FINDING_KEYS.map((k) => f[k] ?? null));
const problemKey = (p) => JSON.stringify([p.kind, p.file ?? null, p.message]);
const sortedBy = (list, key) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Per project: the findings (as sorted lists of checkId, severity, message, file, line, fingerprint), the problems and `passed` of both paths. */
function compareBatch(projects, single, batched, singleMs, batchMs) {
  const differences = [];
  let compared = 0;
  let comparedBatch = 0;
  for (const p of projects) {
    const a = single.get(p.name);
    const b = batched.get(p.name);
    compared += a.findings.length;
    if (!b || b.error) {
      differences.push({
        project: p.name,
        check: '(the whole audit)',
        single: `${a.findings.length} findings`,
        batch: b ? `failed: ${b.error}` : 'no result',
      });
      continue;
    }
    comparedBatch += b.findings.length;
    // Multiset difference of the findings, then the leftovers paired by fingerprint, else by check and file.
    const onlyA = unmatched(sortedBy(a.findings, findingKey), b.findings, findingKey);
    const onlyB = unmatched(sortedBy(b.findings, findingKey), a.findings, findingKey);
    for (const pair of [(x, y) => x.fingerprint === y.fingerprint, (x, y) => x.checkId === y.checkId && x.file === y.file]) {
      for (const x of [...onlyA]) {
        const i = onlyB.findIndex((y) => pair(x, y));
        if (i < 0) continue;
        differences.push({ project: p.name, check: x.checkId, single: describeFinding(x), batch: describeFinding(onlyB[i]) });
        onlyA.splice(onlyA.indexOf(x), 1);
        onlyB.splice(i, 1);
      }
    }
    for (const x of onlyA) differences.push({ project: p.name, check: x.checkId, single: describeFinding(x), batch: '(no such finding)' });
    for (const y of onlyB) differences.push({ project: p.name, check: y.checkId, single: '(no such finding)', batch: describeFinding(y) });
    for (const x of unmatched(sortedBy(a.problems, problemKey), b.problems, problemKey))
      differences.push({ project: p.name, check: '(problem)', single: `[${x.kind}] ${x.message}`, batch: '(no such problem)' });
    for (const y of unmatched(sortedBy(b.problems, problemKey), a.problems, problemKey))
      differences.push({ project: p.name, check: '(problem)', single: '(no such problem)', batch: `[${y.kind}] ${y.message}` });
    if (a.passed !== b.passed)
      differences.push({ project: p.name, check: '(the gate: passed)', single: String(a.passed), batch: String(b.passed) });
  }
  return { projects: projects.length, compared, comparedBatch, differences, singleMs, batchMs };
}

/** The items of `list` that `other` does not have (as a multiset, by `key`). */
function unmatched(list, other, key) {
  const counts = new Map();
  for (const o of other) counts.set(key(o), (counts.get(key(o)) ?? 0) + 1);
  return list.filter((x) => {
    const n = counts.get(key(x)) ?? 0;
    if (n > 0) counts.set(key(x), n - 1);
    return n === 0;
  });
}

function describeFinding(f) {
  return `${f.severity} ${f.file ?? '(no file)'}${f.line ? `:${f.line}` : ''} [${f.fingerprint}] ${f.message}`;
}

function printBatchComparison({ projects, compared, comparedBatch, differences, singleMs, batchMs }) {
  out(
    `\nBatch path (auditProjectsInParallel on two threads, a workspace each, as \`nx run-many -t audit\` on a large batch) against the one-project path: ${projects} projects, ${compared} findings compared${comparedBatch !== compared ? ` (batch: ${comparedBatch})` : ''}, ${differences.length} differences; one-project path ${secs(singleMs)}, batch path ${secs(batchMs)}`,
  );
  for (const d of differences) out(`  ${d.project}  ${d.check}\n      one-project: ${d.single}\n      batch:       ${d.batch}`);
}

// ---------------------------------------------------------------------------------------------------------
// knip and publint on the same packages

async function compareWithReferenceTools(workspaceRoot, projects, findings) {
  const refVerdicts = readJson(REFERENCE_VERDICTS)?.verdicts ?? {};
  const npmProjects = projects.filter((p) => p.language === 'typescript');
  const knip = await runKnip(workspaceRoot, npmProjects);
  const publint = await runPublintAll(workspaceRoot, npmProjects);

  // knip --dependencies: unused (dependencies, devDependencies, optionalPeerDependencies) and unlisted
  const ours = new Map();
  for (const f of findings) {
    const s = dependencySubject(f);
    if (s && (s.kind === 'unused' || s.kind === 'missing') && npmProjects.some((p) => p.name === f.project))
      ours.set(`${f.project}\0${s.kind}\0${s.name}`, f);
  }
  const theirs = new Map(knip.issues.map((i) => [`${i.project}\0${i.kind}\0${i.name}`, i]));
  table(
    'knip --dependencies (npm packages; its "binaries" and "unresolved" kinds have no Shipshape counterpart)',
    ours,
    theirs,
    refVerdicts,
    (k) => `knip:${k.replaceAll('\0', ':')}`,
  );
  if (knip.skipped.length) out(`  knip: left out ${knip.skipped.join('; ')}`);

  const oursP = new Map();
  for (const f of findings) {
    const code = publintCode(f);
    if (code) oursP.set(`${f.project}\0${code}`, f);
  }
  const theirsP = new Map(publint.map((m) => [`${m.project}\0${m.code}`, m]));
  table(
    'publint (level suggestion; Shipshape leaves USE_ENGINES_NODE, USE_SIDE_EFFECTS, USE_LICENSE and missing entry files to its own checks)',
    oursP,
    theirsP,
    refVerdicts,
    (k) => `publint:${k.replaceAll('\0', ':')}`,
  );
}

/** The reference tools' own findings that have no verdict yet, for --judge. */
const unjudgedReference = {};

function table(title, ours, theirs, refVerdicts, refKey) {
  const both = [...ours.keys()].filter((k) => theirs.has(k));
  const onlyOurs = [...ours.keys()].filter((k) => !theirs.has(k));
  const onlyTheirs = [...theirs.keys()].filter((k) => !ours.has(k));
  const v = (keys, pick) => {
    const c = { TP: 0, FP: 0, debatable: 0, unjudged: 0 };
    for (const k of keys) c[pick(k) ?? 'unjudged'] += 1;
    return `${String(keys.length).padStart(4)}  (TP ${c.TP}, FP ${c.FP}, debatable ${c.debatable}, unjudged ${c.unjudged})`;
  };
  out(`\nComparison with ${title}:`);
  out(`  found by both          ${v(both, (k) => ours.get(k).verdict?.verdict)}   [Shipshape's verdicts]`);
  out(`  only Shipshape         ${v(onlyOurs, (k) => ours.get(k).verdict?.verdict)}`);
  out(`  only the other tool    ${v(onlyTheirs, (k) => refVerdicts[refKey(k)]?.verdict)}`);
  const tpMissed = onlyTheirs.filter((k) => refVerdicts[refKey(k)]?.verdict === 'TP');
  for (const k of tpMissed) out(`    missed by Shipshape (TP): ${k.replaceAll('\0', ' ')}: ${refVerdicts[refKey(k)].reason}`);
  const tpOnlyOurs = onlyOurs.filter((k) => ours.get(k).verdict?.verdict === 'TP');
  for (const k of tpOnlyOurs) out(`    found only by Shipshape (TP): ${k.replaceAll('\0', ' ')}`);
  const unjudgedRef = onlyTheirs.filter((k) => !refVerdicts[refKey(k)]);
  for (const k of unjudgedRef) unjudgedReference[refKey(k)] = theirs.get(k);
  if (unjudgedRef.length)
    out(
      `    ${unjudgedRef.length} of the other tool's findings have no verdict in reference-verdicts.json, e.g. ${unjudgedRef
        .slice(0, 3)
        .map((k) => refKey(k))
        .join(', ')}`,
    );
}

async function runKnip(workspaceRoot, projects) {
  const bin = join(repo, 'node_modules', 'knip', 'bin', 'knip.js');
  const issues = [];
  const skipped = [];
  if (!existsSync(bin)) return { issues, skipped: ['knip is not installed (npm run build installs it)'] };
  const run = promisify(execFile);
  const kinds = { dependencies: 'unused', devDependencies: 'unused', optionalPeerDependencies: 'unused', unlisted: 'missing' };
  for (const p of projects) {
    let stdout;
    try {
      ({ stdout } = await run(
        process.execPath,
        [bin, '--dependencies', '--reporter', 'json', '--no-progress', '--no-exit-code', '--directory', join(workspaceRoot, p.root)],
        { maxBuffer: 64 << 20, timeout: 120_000 },
      ));
    } catch (error) {
      skipped.push(`${p.name} (${String(error.stderr || error.message).split('\n')[0]})`);
      continue;
    }
    const report = JSON.parse(stdout);
    for (const file of report.issues ?? []) {
      for (const [category, kind] of Object.entries(kinds)) {
        for (const item of file[category] ?? []) issues.push({ project: p.name, kind, name: item.name, category, file: file.file });
      }
    }
  }
  return { issues, skipped };
}

async function runPublintAll(workspaceRoot, projects) {
  const require = createRequire(join(repo, 'package.json'));
  let publint;
  try {
    ({ publint } = await import(require.resolve('publint')));
  } catch {
    out('  publint is not installed (npm run build installs it)');
    return [];
  }
  const messages = [];
  for (const p of projects) {
    const pkgDir = join(workspaceRoot, p.root);
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    const result = await publint({ pkgDir, pack: 'npm', level: 'suggestion' });
    for (const m of result.messages) messages.push({ project: p.name, code: m.code, path: m.path.join('.'), type: m.type });
  }
  return messages;
}

// ---------------------------------------------------------------------------------------------------------

/** The graph Nx would compute: the corpus projects, and an edge where a package.json depends on a sibling at run time (the workbox pair; devDependencies left out, since only the co-location in one corpus makes them siblings). */
function workspaceGraph(workspaceRoot, projects) {
  const names = new Set(projects.map((p) => p.name));
  const dependencies = {};
  for (const p of projects) {
    const manifest = readJson(join(workspaceRoot, p.root, 'package.json'));
    if (!manifest) continue;
    const deps = Object.keys({ ...manifest.dependencies }).filter((d) => names.has(d) && d !== p.name);
    if (deps.length) dependencies[p.name] = deps;
  }
  return { projects: projects.map((p) => ({ name: p.name, root: p.root, tags: [] })), dependencies };
}

/** Every verdict, from one file per check area (verdicts/structure.json, verdicts/deps.json, ...). */
function readVerdicts() {
  const verdicts = {};
  for (const name of readdirSync(VERDICTS_DIR)
    .filter((n) => n.endsWith('.json'))
    .sort())
    Object.assign(verdicts, readJson(join(VERDICTS_DIR, name))?.verdicts ?? {});
  return verdicts;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function groupBy(list, key) {
  const map = new Map();
  for (const item of list) {
    const k = key(item);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(item);
  }
  return map;
}

function clip(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

await main();
