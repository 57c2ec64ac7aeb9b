import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseJson, parseToml, toPosixRelative } from '@shipshape/core';
import type { WorkspaceProjectRef } from './input';
import { readText } from './fs';

const MARKERS = ['project.json', 'package.json', 'pyproject.toml'];
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'coverage', 'tmp', '__pycache__']);
const scanned = new Map<string, WorkspaceProjectRef[]>();

/**
 * The workspace's projects when Nx has not computed a graph (a unit test, a script): every folder up to
 * four levels deep with a project.json, package.json or pyproject.toml, named as Nx would name it.
 */
export function scanWorkspaceProjects(workspaceRoot: string): WorkspaceProjectRef[] {
  let projects = scanned.get(workspaceRoot);
  if (!projects) {
    projects = [];
    const walk = (dir: string, depth: number) => {
      let entries: string[];
      try {
        entries = readdirSync(dir);
      } catch {
        return;
      }
      if (dir !== workspaceRoot && MARKERS.some((m) => entries.includes(m))) projects!.push({ name: projectName(dir), root: toPosixRelative(workspaceRoot, dir) });
      if (depth === 4) return;
      for (const entry of entries) {
        if (!entry.startsWith('.') && !SKIPPED.has(entry) && !entry.includes('.')) walk(join(dir, entry), depth + 1);
      }
    };
    walk(workspaceRoot, 0);
    scanned.set(workspaceRoot, projects);
  }
  return projects;
}

function projectName(dir: string): string {
  for (const [file, read] of [
    ['project.json', (text: string) => parseJson<{ name?: unknown }>(text, file).name],
    ['package.json', (text: string) => parseJson<{ name?: unknown }>(text, file).name],
    ['pyproject.toml', (text: string) => parseToml<{ project?: { name?: unknown } }>(text, file).project?.name],
  ] as const) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    try {
      const name = read(readText(path) ?? '');
      if (typeof name === 'string' && name) return name;
    } catch {
      // a malformed manifest: named after its folder
    }
  }
  return basename(dir);
}
