import { createHash } from 'node:crypto';
import { closeSync, existsSync, linkSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShipshapeError } from '../util/errors';

let held: { path: string; depth: number } | undefined;

/** Where a workspace's generator lock lives. */
export function lockPath(workspaceRoot: string): string {
  return join(tmpdir(), `shipshape-generators-${createHash('sha256').update(workspaceRoot).digest('hex').slice(0, 16)}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Holds the workspace's generator lock (a file in the system's temporary folder, never in the workspace, so that
 * `--dry-run` writes nothing there) until `release`: two Shipshape generators on one workspace at once would each
 * read the files, and the second to write would lose the first one's changes. The same process may take it again
 * (a phase runs its steps); a lock whose process is gone is taken over.
 */
export function acquireWorkspaceLock(workspaceRoot: string): () => void {
  // A Tree with no folder behind it (a test's virtual workspace) has no other writer to wait for.
  if (!existsSync(workspaceRoot)) return () => undefined;
  const path = lockPath(workspaceRoot);
  if (held?.path === path) {
    held.depth++;
    return release;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(path)) {
      held = { path, depth: 1 };
      // One listener for the process's life, however often the lock is taken (a long run takes it many times).
      if (!process.listeners('exit').includes(releaseAll)) process.on('exit', releaseAll);
      return release;
    }
    const owner = ownerOf(path);
    if (owner !== undefined && owner !== process.pid && alive(owner)) {
      throw new ShipshapeError(
        `another Shipshape generator (process ${owner}) is changing this workspace; run one at a time, so that neither loses the other's changes`,
      );
    }
    // Its process is gone: the lock is taken over, unless another process took it over first.
    if (ownerOf(path) === owner) rmSync(path, { force: true });
  }
  throw new ShipshapeError(`cannot take the generators' lock ${path}: another process keeps taking it`);
}

/**
 * Creates the lock file with this process's id in it, in one step (a hard link of a file written before): a lock
 * file is never seen empty, so no one takes a lock over while its owner is still writing its name. False when
 * it exists.
 */
function create(path: string): boolean {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, String(process.pid));
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links: an exclusive create, then the id.
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw new ShipshapeError(
        `cannot take the generators' lock ${path} (${(fallback as NodeJS.ErrnoException).code ?? String(fallback)})`,
      );
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The process id a lock file names; undefined when it is gone or names none (a lock from a crashed write). */
function ownerOf(path: string): number | undefined {
  try {
    const owner = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(owner) && owner > 0 ? owner : undefined;
  } catch {
    return undefined;
  }
}

function release(): void {
  if (!held) return;
  held.depth--;
  if (held.depth === 0) releaseAll();
}

function releaseAll(): void {
  if (!held) return;
  rmSync(held.path, { force: true });
  held = undefined;
}
