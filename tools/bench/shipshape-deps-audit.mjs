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
const engine = require(join(repo, 'packages/core/dist/engine.js'));
const { workspaceGraph } = require(join(repo, 'packages/core/dist/index.js'));
const { checks } = require(join(repo, 'packages/deps/dist/checks'));

// One workspace for the whole run, as a batch of audits shares its workspace facts.
const workspace = engine.diskWorkspace({ workspaceRoot: resolve(process.argv[2] ?? '.'), options: engine.resolveOptions({}, 'benchmark') });
const projects = workspace.get(workspaceGraph).projects;
const found = [];
for (const node of projects) {
  const project = workspace.project(node);
  for (const check of checks) {
    for (const finding of await check.run(project)) {
      const [kind, key] = (finding.key ?? '').split(':');
      found.push({ project: node.root, check: check.id, kind, name: key, file: finding.file, line: finding.line });
    }
  }
}
process.stdout.write(JSON.stringify({ projects: projects.length, findings: found }));
