// What tools/e2e.mjs hands to the suites, and the environment of every command they run.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface E2eContext {
  /** http://127.0.0.1:PORT of the local registry (no trailing slash). */
  registry: string;
  /** npm userconfig for the registry: `registry=` and a dummy `_authToken`. */
  npmrc: string;
  /** Folder for the test workspaces (removed by tools/e2e.mjs unless KEEP_E2E=1). */
  tmp: string;
  /** This repository (for its node_modules: ajv, the SARIF schema). */
  repoRoot: string;
  /** The packages tools/e2e.mjs published, dependencies first. */
  packages: { name: string; version: string }[];
  keep: boolean;
}

export function e2eContext(): E2eContext {
  const registry = process.env.SHIPSHAPE_E2E_REGISTRY;
  const npmrc = process.env.SHIPSHAPE_E2E_NPMRC;
  if (!registry || !npmrc) {
    throw new Error(
      'SHIPSHAPE_E2E_REGISTRY is not set: run the e2e suites with `node tools/e2e.mjs` ' +
        '(it starts the local registry and publishes the packages first).',
    );
  }
  return {
    registry: registry.replace(/\/+$/, ''),
    npmrc,
    tmp: process.env.SHIPSHAPE_E2E_TMP || tmpdir(),
    repoRoot: process.env.SHIPSHAPE_REPO_ROOT || resolve(__dirname, '..', '..', '..'),
    packages: JSON.parse(process.env.SHIPSHAPE_E2E_PACKAGES || '[]'),
    keep: process.env.KEEP_E2E === '1',
  };
}

/** Variables of an outer `npm run` / `nx run` that would point npm or Nx back at this repository. */
const DROPPED = [
  /^npm_config_/i,
  /^npm_package_/i,
  /^npm_lifecycle_/i,
  /^NX_/,
  /^INIT_CWD$/,
  /^LERNA_/,
  /^JEST_WORKER_ID$/,
  // the audit executor appends its Markdown there: not to the job summary of the outer CI
  /^GITHUB_STEP_SUMMARY$/,
];

/**
 * The environment of the commands run in a test workspace: non-interactive CI mode, no Nx Cloud,
 * no daemon (nothing may outlive a test), no colours, and npm pointed at the local registry.
 */
export function workspaceEnv(ctx: E2eContext, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!DROPPED.some((re) => re.test(key))) env[key] = value;
  }
  return {
    ...env,
    CI: 'true',
    NX_NO_CLOUD: 'true',
    NX_DAEMON: 'false',
    NX_TUI: 'false',
    NX_INTERACTIVE: 'false',
    NX_SKIP_LOG_GROUPING: 'true',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    npm_config_registry: `${ctx.registry}/`,
    npm_config_userconfig: ctx.npmrc,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // create-nx-workspace commits the new workspace; CI machines often have no git identity.
    GIT_AUTHOR_NAME: env.GIT_AUTHOR_NAME ?? 'Shipshape E2E',
    GIT_AUTHOR_EMAIL: env.GIT_AUTHOR_EMAIL ?? 'e2e@shipshape.invalid',
    GIT_COMMITTER_NAME: env.GIT_COMMITTER_NAME ?? 'Shipshape E2E',
    GIT_COMMITTER_EMAIL: env.GIT_COMMITTER_EMAIL ?? 'e2e@shipshape.invalid',
    ...extra,
  };
}

export function e2eTmpPath(ctx: E2eContext, ...parts: string[]): string {
  return join(ctx.tmp, ...parts);
}
