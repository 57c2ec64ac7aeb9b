// The environment handed to processes that act on another workspace (npm publish, the fresh e2e
// workspace): without the variables that an outer `npm run` or `nx run` sets, which would point
// npm and Nx back at this repository.
const DROPPED = [/^npm_config_/i, /^npm_package_/i, /^npm_lifecycle_/i, /^NX_/, /^INIT_CWD$/, /^LERNA_/];

export function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (DROPPED.some((re) => re.test(key))) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}
