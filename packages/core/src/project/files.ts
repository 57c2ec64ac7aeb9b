import { closeSync, existsSync, lstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { toPosixRelative } from '../util/paths';

export interface ProjectFile {
  /** Absolute path. */
  path: string;
  /** Workspace-relative, forward slashes: what findings and reports show. */
  file: string;
  size: number;
}

export interface FileProblem {
  file: string;
  message: string;
}

export interface FileListing {
  files: ProjectFile[];
  /** Files and folders that were passed over, with why: symlink loops, huge or binary files. */
  skipped: FileProblem[];
}

export interface ListFilesOptions {
  workspaceRoot: string;
  projectRoot: string;
  maxFileBytes: number;
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.nx', '__pycache__', '.venv', '.mypy_cache', '.pytest_cache']);

/**
 * Lists a project's files as git would see them: `.gitignore` files from the workspace root down to each
 * folder apply; symlinked folders are followed once, and a link back into a folder already being walked is
 * reported as a loop instead of followed.
 */
export function listProjectFiles(options: ListFilesOptions): FileListing {
  const { workspaceRoot, projectRoot, maxFileBytes } = options;
  const files: ProjectFile[] = [];
  const skipped: FileProblem[] = [];
  const rootRules = ignoreRulesAbove(workspaceRoot, projectRoot);

  const walk = (dir: string, rules: Array<{ base: string; ig: Ignore }>, ancestors: Set<string>) => {
    const local = readIgnoreFile(join(dir, '.gitignore'));
    const active = local ? [...rules, { base: dir, ig: local }] : rules;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (error) {
      skipped.push({ file: toPosixRelative(workspaceRoot, dir), message: `cannot be read (${(error as NodeJS.ErrnoException).code})` });
      return;
    }
    for (const name of entries) {
      if (ALWAYS_SKIPPED.has(name)) continue;
      const path = join(dir, name);
      const shown = toPosixRelative(workspaceRoot, path);
      let stat;
      try {
        const link = lstatSync(path);
        stat = link.isSymbolicLink() ? statSync(path) : link;
      } catch {
        skipped.push({ file: shown, message: 'is a broken symbolic link' });
        continue;
      }
      const isDir = stat.isDirectory();
      if (isIgnored(active, path, isDir)) continue;
      if (isDir) {
        const real = realpathSync(path);
        if (ancestors.has(real)) {
          skipped.push({ file: shown, message: 'is a symbolic link loop (it points back into a folder that contains it); not followed' });
          continue;
        }
        walk(path, active, new Set([...ancestors, real]));
      } else if (stat.isFile()) {
        if (stat.size > maxFileBytes) {
          skipped.push({ file: shown, message: `is ${formatBytes(stat.size)}, over the ${formatBytes(maxFileBytes)} limit; not analyzed` });
          continue;
        }
        files.push({ path, file: shown, size: stat.size });
      }
    }
  };

  const start = join(workspaceRoot, projectRoot);
  if (existsSync(start)) walk(start, rootRules, new Set([realpathSync(start)]));
  return { files, skipped };
}

function ignoreRulesAbove(workspaceRoot: string, projectRoot: string): Array<{ base: string; ig: Ignore }> {
  const rules: Array<{ base: string; ig: Ignore }> = [];
  const parts = projectRoot.split('/').filter((part) => part && part !== '.');
  let dir = workspaceRoot;
  for (let i = 0; i < parts.length; i++) {
    const ig = readIgnoreFile(join(dir, '.gitignore'));
    if (ig) rules.push({ base: dir, ig });
    dir = join(dir, parts[i]);
  }
  return rules;
}

function readIgnoreFile(path: string): Ignore | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return ignore().add(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function isIgnored(rules: Array<{ base: string; ig: Ignore }>, path: string, isDir: boolean): boolean {
  return rules.some(({ base, ig }) => {
    const rel = relative(base, path).split('\\').join('/');
    return rel !== '' && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel);
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** True when the file's first 8 KB hold a NUL byte: a binary file, whatever its name says. */
export function looksBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(8192);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).includes(0);
  } finally {
    closeSync(fd);
  }
}
