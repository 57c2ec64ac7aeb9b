import { spawn } from 'node:child_process';
import { stampModulesOnLoad } from './workspace-modules';

/**
 * The audit service's process: `node audit-service-main.js <socket> <workspace root>`. Loads the workspace's
 * checks before the first batch comes; exits when idle, when another service already answers on the socket, or
 * when it cannot listen. With `--detach` first, it starts itself again as a detached process and returns at once:
 * the service is then no process's child, so a task runner that kills its task's process tree does not stop it.
 */
function main(args: string[]): void {
  if (args[0] === '--detach') {
    const child = spawn(process.execPath, [__filename, ...args.slice(1)], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return;
  }
  const [socketPath, workspaceRoot] = args;
  process.chdir(workspaceRoot);
  stampModulesOnLoad(); // before the service and the checks are loaded
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded once module files are stamped */
  const { serveAudits } = require('./audit-service') as typeof import('./audit-service');
  const { discoverCheckPackages } = require('../../registry/discover') as typeof import('../../registry/discover');
  /* eslint-enable @typescript-eslint/no-require-imports -- only these two */
  serveAudits(socketPath, { workspaceRoot, onStop: () => process.exit(0) }).then(
    () => {
      try {
        discoverCheckPackages(workspaceRoot);
      } catch {
        // a broken package is reported by the audit that needs it
      }
    },
    () => process.exit(0),
  );
}

main(process.argv.slice(2));
