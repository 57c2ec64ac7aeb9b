import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findPython } from '../adapters/python';
import { runProcess } from '../util/run-process';
import { ShipshapeError } from '../util/errors';

/** A tool a guard runs: an npm binary, or a Python module run with `python -m`. */
export type ToolBinary =
  { kind: 'npm'; name: string; bin: string; package: string } | { kind: 'python'; name: string; module: string; distribution: string };

/** How to start a found tool. */
export interface ToolCommand {
  command: string;
  args: string[];
}

/** The command that installs a tool, for the message when it is missing. */
export function installCommand(tool: ToolBinary): string {
  return tool.kind === 'npm'
    ? `npm install -D ${tool.package}`
    : `pip install ${tool.distribution} (into the interpreter Shipshape uses: the "python" option or SHIPSHAPE_PYTHON)`;
}

/**
 * The user's installed tool: an npm binary in node_modules/.bin from the project's folder up to the workspace
 * root, or a Python module the interpreter can import. Missing: one error with the install command.
 */
export async function findTool(
  tool: ToolBinary,
  at: { workspaceRoot: string; projectRoot: string; python?: string },
): Promise<ToolCommand> {
  const missing = () => new ShipshapeError(`${tool.name} is not installed in this workspace; install it with: ${installCommand(tool)}`);
  if (tool.kind === 'npm') {
    for (let dir = join(at.workspaceRoot, at.projectRoot); ; dir = dirname(dir)) {
      const bin = join(dir, 'node_modules', '.bin', tool.bin);
      if (existsSync(bin)) return { command: bin, args: [] };
      if (dir === at.workspaceRoot || dirname(dir) === dir) break;
    }
    throw missing();
  }
  const python = await findPython(at.python);
  const probe = await runProcess(python, ['-c', `import ${tool.module}`], { timeoutMs: 30_000 });
  if (probe.code !== 0) throw missing();
  return { command: python, args: ['-m', tool.module] };
}
