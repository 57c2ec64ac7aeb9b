import { join } from 'node:path';
import type { WorkspaceGraph } from '@shipshape/core';

/** The repository's examples/ workspace (read only: tests copy it before changing anything). */
export const EXAMPLES_ROOT = join(__dirname, '../../../../examples');

/** What Nx's project graph says about examples/: invoices depends on money; Nx has no Python edges. */
export const EXAMPLES_GRAPH: WorkspaceGraph = {
  projects: [
    { name: 'money', root: 'libs/money', tags: ['scope:billing', 'type:util'] },
    { name: 'invoices', root: 'libs/invoices', tags: ['scope:billing', 'type:feature'] },
    { name: 'ledger-py', root: 'libs/ledger-py', tags: ['scope:billing', 'type:util', 'lang:python'] },
  ],
  dependencies: { invoices: ['money'], money: [], 'ledger-py': [] },
};
