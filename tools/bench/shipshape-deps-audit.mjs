#!/usr/bin/env node
// Shipshape's dependency audit of every project of a workspace, in one process, as the benchmark times it:
// `node tools/bench/shipshape-deps-audit.mjs <workspace>` prints one JSON object with what each
// @shipshape/deps check found ({ project, check, kind, name, file, line }). It loads the built packages
// (run `npx nx run-many -t build` first) and needs no Nx graph: it finds the projects as the audit does
// without one (folders with a package.json, project.json or pyproject.toml).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const core = require(join(repo, 'packages/core'));
const { checks } = require(join(repo, 'packages/deps/dist/checks'));
const { scanWorkspaceProjects } = require(join(repo, 'packages/deps/dist/analysis/scan-workspace'));

const workspaceRoot = resolve(process.argv[2] ?? '.');
const projects = scanWorkspaceProjects(workspaceRoot);
const workspaceGraph = { projects: projects.map((p) => ({ ...p, tags: [] })), dependencies: {} };
const options = core.resolveOptions({}, 'benchmark');
const found = [];
for (const { name, root } of projects) {
  const project = new core.ShipshapeProject({ name, root, workspaceRoot, options, workspaceGraph });
  for (const check of checks) {
    for (const finding of await check.run(project)) {
      const [kind, key] = (finding.key ?? '').split(':');
      found.push({ project: root, check: check.id, kind, name: key, file: finding.file, line: finding.line });
    }
  }
}
process.stdout.write(JSON.stringify({ projects: projects.length, findings: found }));
