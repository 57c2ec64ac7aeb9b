// Set up for every suite (jest.config.js, setupFilesAfterEnv): one line at the end of each suite with its wall
// time and the CPU time of the commands it ran (the jest process's reaped children, from /proc/self/stat), to
// see where the e2e minutes go on a machine whose wall times depend on what else runs. A note only: nothing
// asserts on it (and off Linux there is no line).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** CPU seconds (user + system) of the children this process has waited for, or undefined off Linux. */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // after "pid (comm) ", fields from the 3rd on; cutime and cstime are the 16th and 17th, in clock ticks (100/s)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

let cpuAtStart: number | undefined;
let wallAtStart = 0;

beforeAll(() => {
  cpuAtStart = childrenCpuSeconds();
  wallAtStart = Date.now();
});

afterAll(() => {
  const cpu = childrenCpuSeconds();
  if (cpu === undefined || cpuAtStart === undefined) return;
  const suite = basename(expect.getState().testPath ?? 'suite');
  const wall = (Date.now() - wallAtStart) / 1000;
  process.stderr.write(`  [e2e] ${suite}: ${wall.toFixed(1)} s wall, ${(cpu - cpuAtStart).toFixed(1)} CPU-s in its commands\n`);
});
