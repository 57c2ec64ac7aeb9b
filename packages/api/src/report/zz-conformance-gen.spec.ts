import { writeFileSync } from 'node:fs';
import { tempWorkspace } from '@shipshape/core/testing';
import { apiReportGenerator } from '../generators/api-report/api-report';
import { diskTree, gitInit, PY_LIB } from './fixtures';

process.env.SHIPSHAPE_PYTHON ??= '/usr/bin/python3';
it('prints', async () => {
  const ws = tempWorkspace({ 'package.json': '{ "name": "ws", "private": true }\n', ...PY_LIB });
  gitInit(ws.root);
  const tree = diskTree(ws.root);
  await apiReportGenerator(tree, { project: 'greet', skipFormat: true });
  const out: Record<string, string> = {};
  for (const c of tree.listChanges()) out[c.path] = c.content?.toString() ?? '';
  writeFileSync('/tmp/greet-report.json', JSON.stringify(out, null, 2));
  ws.remove();
}, 120000);
