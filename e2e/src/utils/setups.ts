// The workspaces the suites start from: a fresh create-nx-workspace plus the commands several suites begin
// with, run once per e2e run in a shared template (see workspace.ts) and copied for each suite.
import type { CreateWorkspaceOptions, SetupStep } from './workspace';

/** The TS library every Nx 23 suite starts with. */
export const TS_LIBRARY = 'packages/tslib';

const GENERATE_TS_LIBRARY: SetupStep = {
  nx: ['g', '@nx/js:library', TS_LIBRARY, '--bundler=tsc', '--unitTestRunner=none', '--linter=none', '--no-interactive'],
};

/** `nx add @shipshape/pipeline`, verbose: Nx skips an init generator it cannot load without a word otherwise. */
const ADD_PIPELINE: SetupStep = { nx: ['add', '@shipshape/pipeline', '--verbose'], env: { NX_VERBOSE_LOGGING: 'true' } };

const ADD_API: SetupStep = { nx: ['add', '@shipshape/api'] };

/** A TS library, then `nx add @shipshape/pipeline`: `ws.setup` is [the library generator, nx add]. */
export const PIPELINE_WORKSPACE: CreateWorkspaceOptions = { setup: [GENERATE_TS_LIBRARY, ADD_PIPELINE] };

/** A TS library, then `nx add @shipshape/api`: `ws.setup` is [the library generator, nx add]. */
export const API_WORKSPACE: CreateWorkspaceOptions = { setup: [GENERATE_TS_LIBRARY, ADD_API] };
