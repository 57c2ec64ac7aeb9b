import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileStamp as stamp } from '../../util/file-stamp';

/** What a service's address is derived from: when any of it differs, a request goes to another service (or none). */
export interface ServiceIdentity {
  workspaceRoot: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Whether audits go to the workspace's audit service. SHIPSHAPE_AUDIT_SERVICE=true|false decides; unset, the
 * service runs where Nx's daemon runs: not on CI, not with NX_DAEMON=false or nx.json's `useDaemonProcess: false`,
 * not on Windows (the service listens on a Unix socket).
 */
export function auditServiceEnabled(workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform === 'win32') return false;
  const asked = env.SHIPSHAPE_AUDIT_SERVICE?.toLowerCase();
  if (asked === 'true' || asked === '1') return true;
  if (asked !== undefined && asked !== '') return false;
  if (env.NX_DAEMON === 'true') return true;
  if (env.NX_DAEMON === 'false' || onCi(env)) return false;
  return readDaemonSetting(workspaceRoot) !== false;
}

function onCi(env: NodeJS.ProcessEnv): boolean {
  if (env.CI !== undefined && env.CI !== 'false' && env.CI !== '0' && env.CI !== '') return true;
  return ['GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'CIRCLECI', 'TF_BUILD', 'JENKINS_URL', 'TEAMCITY_VERSION'].some(
    (name) => env[name] !== undefined && env[name] !== '',
  );
}

function readDaemonSetting(workspaceRoot: string): boolean | undefined {
  try {
    const nxJson = JSON.parse(readFileSync(join(workspaceRoot, 'nx.json'), 'utf8')) as { useDaemonProcess?: unknown };
    return typeof nxJson.useDaemonProcess === 'boolean' ? nxJson.useDaemonProcess : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Environment variables left out of a service's identity: Nx's own (it sets some per task), the shell's
 * bookkeeping, and where audits run. Any other difference (PATH, a Python variable, SHIPSHAPE_PYTHON) means
 * another service.
 */
const NOT_IDENTITY = /^(NX_|SHIPSHAPE_AUDIT_SERVICE$|SHIPSHAPE_AUDIT_THREADS$|_$|OLDPWD$|SHLVL$)/;

/**
 * The code a service would run: each installed @shipshape package (its manifest and main module), what the
 * package manager last installed (its marker file in node_modules), the TypeScript the workspace resolves, this
 * module, and Node itself. An upgrade or an install changes the address: the old service idles out.
 */
function codeStamps(workspaceRoot: string): string[] {
  const modules = join(workspaceRoot, 'node_modules');
  const scope = join(modules, '@shipshape');
  let packages: string[] = [];
  try {
    packages = readdirSync(scope).sort();
  } catch {
    // no @shipshape packages installed in the workspace: the running code is stamped below
  }
  return [
    ...packages.flatMap((name) => [stamp(join(scope, name, 'package.json')), stamp(join(scope, name, 'dist', 'index.js'))]),
    ...['.package-lock.json', '.modules.yaml', '.yarn-state.yml', 'typescript/package.json'].map((file) => stamp(join(modules, file))),
    stamp(__filename),
    process.execPath,
    process.version,
  ];
}

/** The digest of everything a service's answers depend on besides the requests. */
export function serviceDigest({ workspaceRoot, cwd, env }: ServiceIdentity): string {
  const variables = Object.entries(env)
    .filter(([name, value]) => value !== undefined && !NOT_IDENTITY.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify({ workspaceRoot, cwd, variables, code: codeStamps(workspaceRoot) }))
    .digest('hex')
    .slice(0, 20);
}

/** The folder of this user's service sockets (short: a Unix socket path is limited to about 100 bytes). */
export function serviceFolder(): string {
  let user: string;
  try {
    user = String(userInfo().uid);
  } catch {
    user = 'user';
  }
  return join(tmpdir(), `shipshape-${user}`);
}

/** The socket of the service for this workspace, code and environment. */
export function serviceSocket(identity: ServiceIdentity): string {
  return join(serviceFolder(), `${serviceDigest(identity)}.sock`);
}
