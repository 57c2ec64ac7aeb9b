import { defineCheck, type FindingInput } from '@shipshape/core';
import { analyzedFor } from '../analysis/analyze';
import { findRangeProblems } from '../analysis/version-ranges';

export default defineCheck({
  id: 'deps/version-range',
  title: 'Runtime dependencies have sensible version ranges',
  planItem: 'deps/version-ranges',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/deps:version-ranges',
  description:
    'In a published library: no `*`, `latest`, URL, git or file ranges; runtime dependencies in the configured style (caret by default), peer ranges wide (not exact, not tilde). Python: valid PEP 440 specifiers, a lower bound on every runtime requirement, no exact pins, no upper caps unless `deps.pythonUpperBounds`. engines.node and requires-python are checked by @shipshape/structure.',
  async run(project) {
    const findings: FindingInput[] = [];
    for (const { facts } of await analyzedFor(project)) {
      for (const problem of findRangeProblems(facts, project.options.deps ?? {})) {
        findings.push({ message: problem.message, file: problem.declared.file, ...facts.locate(problem.declared), key: `range:${problem.declared.section}:${facts.key(problem.declared.name)}` });
      }
    }
    return findings;
  },
});
