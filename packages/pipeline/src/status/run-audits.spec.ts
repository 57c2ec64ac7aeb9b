import { auditRunSummary } from './run-audits';

// What `nx run-many -t audit --output-style=static` prints with FORCE_COLOR=0 (Nx 23's static life cycle),
// around each task's own output.
const TASK_OUTPUT = `
> nx run money:audit

money (libs/money; typescript)
  Complete package metadata [structure/package-metadata]
    libs/money/package.json  error  package.json has no "license" field  [structure/package-metadata]

Summary
project  new  baseline  ignored  fixed  errors  warnings  gate
money      1         0        0      0       1         0  FAILED: 1 new error
`;

const START = `
 NX   Running target audit for 2 projects:

- money
- ledger

`;

describe('auditRunSummary', () => {
  it("keeps Nx's own words when every gate passed: what ran, and what came from the cache", () => {
    const output = `${START}${TASK_OUTPUT.replace(/FAILED.*/, 'passed')}

 NX   Successfully ran target audit for 2 projects

Nx read the output from the cache instead of running the command for 1 out of 2 tasks.
`;
    expect(auditRunSummary(output, 'audit')).toBe(
      'NX   Successfully ran target audit for 2 projects\nNx read the output from the cache instead of running the command for 1 out of 2 tasks.',
    );
  });

  it('says which gates failed in words of the status, without Nx\'s "Failed tasks" block or its failure title', () => {
    const output = `${START}${TASK_OUTPUT}

 NX   Running target audit for 2 projects failed

Failed tasks:

- money:audit
- ledger:audit

`;
    const summary = auditRunSummary(output, 'audit');
    expect(summary).toBe(
      'The audit gate failed for money, ledger; the status reads their reports all the same (nx run money:audit shows the findings).',
    );
    expect(summary).not.toMatch(/Failed tasks|failed$|^- /m);
  });

  it('names an audit that did not finish, with the target name the plugin gave', () => {
    const output = `
 NX   Running target shipshape-audit for 1 project failed

Tasks stopped before they finished:

- @ws/money:shipshape-audit
`;
    expect(auditRunSummary(output, 'shipshape-audit')).toBe(
      'The shipshape-audit of @ws/money did not finish; the status reads the last report there is, if any.',
    );
  });
});
