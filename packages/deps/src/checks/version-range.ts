import { defineCheck, type FindingInput } from '@shipshape/core';
import { analyzedManifests } from '../analysis/dependency-analysis';
import { findRangeProblems } from '../analysis/version-ranges';
import { depsOptions } from '../options';

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
    for (const { facts } of await analyzedManifests(project)) {
      for (const problem of findRangeProblems(facts, depsOptions(project))) {
        findings.push({
          message: problem.message,
          file: problem.declared.file,
          ...facts.locate(problem.declared),
          key: `range:${problem.declared.section}:${facts.key(problem.declared.name)}`,
        });
      }
    }
    return findings;
  },
});
