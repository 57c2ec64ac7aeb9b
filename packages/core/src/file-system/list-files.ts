import { posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { FileSource } from './file-source';

export interface ProjectFile {
  /** Workspace-relative, forward slashes: what findings and reports show. */
  file: string;
  /** Absolute path on disk (for the Tree: where the file is, or will be, written). */
  path: string;
  size: number;
}

export interface FileProblem {
  file: string;
  message: string;
}

export interface FileListing {
  files: ProjectFile[];
  /** Files and folders that were passed over, with why: symlink loops, huge files, unreadable folders. */
  skipped: FileProblem[];
  /** Folders inside the project that are projects of their own (their files are theirs, not this project's). */
  nested: string[];
}

/** Never part of a project's sources, whatever .gitignore says. */
const ALWAYS_SKIPPED = new Set([
  '.git',
  'node_modules',
  '.nx',
  '__pycache__',
  '.venv',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.tox',
]);

interface Rules {
  base: string;
  ig: Ignore;
}

/**
 * A project's files as git would see them: the `.gitignore` files from the workspace root down to each
 * folder apply; linked folders are followed once, and a link back into a folder being walked is reported as
 * a loop instead. Files over `maxFileBytes` are reported, not listed.
 */
export function listFiles(source: FileSource, projectRoot: string, maxFileBytes: number): FileListing {
  const files: ProjectFile[] = [];
  const skipped: FileProblem[] = [];
  const nested: string[] = [];
  const start = projectRoot === '.' ? '' : projectRoot;

  const walk = (dir: string, rules: Rules[], ancestors: ReadonlySet<string>) => {
    const active = withIgnoreFile(source, dir, rules);
    for (const name of source.children(dir)) {
      if (ALWAYS_SKIPPED.has(name)) continue;
      const path = dir === '' ? name : `${dir}/${name}`;
      const stat = source.stat(path);
      if (stat === undefined) continue;
      if ('broken' in stat) {
        skipped.push({ file: path, message: 'is a broken symbolic link' });
        continue;
      }
      if (isIgnored(active, path, stat.kind === 'directory')) continue;
      if (stat.kind === 'directory') {
        const real = source.realpath(path);
        if (ancestors.has(real)) {
          skipped.push({ file: path, message: 'is a symbolic link loop (it points back into a folder that contains it); not followed' });
          continue;
        }
        if (isProjectFolder(source, path)) {
          nested.push(path);
          continue;
        }
        walk(path, active, new Set([...ancestors, real]));
      } else if (stat.kind === 'file') {
        if (stat.size > maxFileBytes) {
          skipped.push({
            file: path,
            message: `is ${stat.size.toLocaleString('en-US')} bytes, over the limit of ${maxFileBytes.toLocaleString('en-US')} bytes (maxFileBytes); not analyzed`,
          });
          continue;
        }
        files.push({ file: path, path: posix.join(source.root, path), size: stat.size });
      }
    }
  };

  if (start === '' || source.stat(start) !== undefined) walk(start, rulesAbove(source, start), new Set([source.realpath(start || '.')]));
  return { files, skipped, nested };
}

/**
 * A folder that is a project of its own: a pyproject.toml, a project.json, or a package.json that names a
 * package (a `{"type": "module"}` marker inside a build folder is not one).
 */
function isProjectFolder(source: FileSource, dir: string): boolean {
  if (source.isFile(`${dir}/pyproject.toml`) || source.isFile(`${dir}/project.json`)) return true;
  const manifest = source.read(`${dir}/package.json`);
  if (manifest === undefined) return false;
  try {
    const name = (JSON.parse(manifest) as { name?: unknown }).name;
    return typeof name === 'string' && name !== '';
  } catch {
    return false;
  }
}

function withIgnoreFile(source: FileSource, dir: string, rules: Rules[]): Rules[] {
  const text = source.read(dir === '' ? '.gitignore' : `${dir}/.gitignore`);
  if (text === undefined) return rules;
  try {
    return [...rules, { base: dir, ig: ignore().add(text) }];
  } catch {
    return rules;
  }
}

/** The .gitignore rules of the folders above a project, from the workspace root down. */
function rulesAbove(source: FileSource, projectRoot: string): Rules[] {
  let rules: Rules[] = [];
  const parts = projectRoot.split('/').filter((part) => part && part !== '.');
  let dir = '';
  for (const part of parts) {
    rules = withIgnoreFile(source, dir, rules);
    dir = dir === '' ? part : `${dir}/${part}`;
  }
  return rules;
}

function isIgnored(rules: Rules[], path: string, isDir: boolean): boolean {
  return rules.some(({ base, ig }) => {
    const rel = base === '' ? path : path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
    return rel !== undefined && rel !== '' && ig.ignores(isDir ? `${rel}/` : rel);
  });
}
