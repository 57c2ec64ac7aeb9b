// Runs verdaccio (its CLI, in this process) for tools/local-registry.mjs, and exits as soon as the
// parent goes away: the parent holds the other end of stdin, which closes when it dies, even by
// SIGKILL. It then also removes $SHIPSHAPE_REGISTRY_REMOVE_ON_ORPHAN (the registry's temporary
// folder), which the parent had no chance to remove.
// Usage: node verdaccio-child.cjs <path of verdaccio/bin/verdaccio> [verdaccio args...]
'use strict';

const { rmSync } = require('node:fs');

const bin = process.argv[2];
process.argv = [process.argv[0], bin, ...process.argv.slice(3)];

function orphaned() {
  const dir = process.env.SHIPSHAPE_REGISTRY_REMOVE_ON_ORPHAN;
  if (dir) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      /* best effort */
    }
  }
  process.exit(0);
}
process.stdin.on('end', orphaned);
process.stdin.on('error', orphaned);
process.stdin.resume();

require(bin);
