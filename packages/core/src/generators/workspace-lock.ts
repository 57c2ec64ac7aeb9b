import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held = { path, depth: 1 };
      process.once('exit', releaseAll);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner && alive(owner)) {
        throw new ShipshapeError(
          `another Shipshape generator (process ${owner}) is changing this workspace; run one at a time, so that neither loses the other's changes`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new ShipshapeError(`cannot take the generators' lock ${path}`);
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
