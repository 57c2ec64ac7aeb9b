import { execFileSync } from 'node:child_process';
import { defineFact, defineWorkspaceFact } from '@shipshape/core';

/** What git knows about the workspace: where it is pushed, and who works in it. */
export interface GitFacts {
  remoteUrl?: string;
  userName?: string;
  userEmail?: string;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    const out = execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
    return out === '' ? undefined : out;
  } catch {
    return undefined;
  }
}

/** Nothing when the folder is not in a git repository or git is not installed. */
export function readGitFacts(cwd: string): GitFacts {
  return {
    remoteUrl: git(cwd, ['remote', 'get-url', 'origin']),
    userName: git(cwd, ['config', 'user.name']),
    userEmail: git(cwd, ['config', 'user.email']),
  };
}

/** The workspace-relative paths git tracks under the paths (every file for `.`); undefined outside a git repository. */
function gitTrackedFiles(workspaceRoot: string, paths: string[]): string[] | undefined {
  const out = (() => {
    try {
      return execFileSync('git', ['ls-files', '-z', '--', ...paths], {
        cwd: workspaceRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 256 * 1024 * 1024,
      });
    } catch {
      return undefined;
    }
  })();
  return out === undefined ? undefined : out.split('\0').filter(Boolean);
}

/** What git tracks under the roots of the projects a batch audits, sorted: one `git ls-files` for the batch. */
const batchTrackedFiles = defineWorkspaceFact({
  id: 'structure/batch-tracked-files',
  compute: (workspace): string[] | undefined => {
    const roots = workspace.batch.map((member) => member.root || '.');
    return gitTrackedFiles(workspace.root, roots.includes('.') ? ['.'] : roots)?.sort();
  },
});

/** The sorted paths that start with `prefix`: one slice of the sorted list. */
function startingWith(sorted: string[], prefix: string): string[] {
  const lowerBound = (key: string) => {
    let [low, high] = [0, sorted.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle] < key) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  // '0' is the character after '/': every path under the prefix sorts between the two
  return sorted.slice(lowerBound(prefix), lowerBound(`${prefix.slice(0, -1)}0`));
}

/** The project's files that git tracks (workspace-relative); undefined outside a git repository. */
export const trackedFiles = defineFact({
  id: 'structure/tracked-files',
  compute: (project): string[] | undefined => {
    if (project.root !== '.' && project.inBatch()) {
      const tracked = project.workspace.get(batchTrackedFiles);
      return tracked && startingWith(tracked, `${project.root}/`);
    }
    return gitTrackedFiles(project.workspaceRoot, [project.root]);
  },
});

export interface HostedRepository {
  /** `https://github.com/owner/repo`, without credentials or `.git`. */
  web: string;
  /** For package.json `repository.url`: `git+https://github.com/owner/repo.git`. */
  git: string;
  host: string;
}

/**
 * A remote URL (https, ssh, scp-like `git@host:owner/repo.git`) as the web address of the repository.
 * Credentials in the URL are dropped: they must never end up in a manifest.
 */
export function hostedRepository(remoteUrl: string): HostedRepository | undefined {
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(remoteUrl);
  let host: string;
  let path: string;
  if (scp && !/^[a-z+]+:\/\//i.test(remoteUrl)) {
    [, host, path] = scp;
  } else {
    let url: URL;
    try {
      url = new URL(remoteUrl.replace(/^git\+/, ''));
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
    host = url.hostname;
    path = url.pathname;
  }
  path = path
    .replace(/^\/+/, '')
    .replace(/\.git\/?$/, '')
    .replace(/\/+$/, '');
  if (!host || path === '') return undefined;
  const web = `https://${host}/${path}`;
  return { web, git: `git+${web}.git`, host };
}

/** Web pages of a package inside the repository: its folder (`homepage`) and the issue tracker, on hosts whose layout is known. */
export function repositoryPages(repo: HostedRepository, directory: string, branch: string): { homepage: string; issues?: string } {
  const folder = directory === '.' || directory === '' ? '' : directory;
  const dash = repo.host.includes('gitlab') ? '/-' : '';
  const known = repo.host === 'github.com' || repo.host.includes('gitlab');
  if (!known) return { homepage: repo.web };
  const homepage = folder ? `${repo.web}${dash}/tree/${branch}/${folder}#readme` : `${repo.web}#readme`;
  return { homepage, issues: `${repo.web}${dash}/issues` };
}
