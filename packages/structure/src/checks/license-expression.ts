import { defineCheck, isNonEmptyString, packageJson, pyproject, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { packageJsonFinding, pyprojectFinding } from '../metadata/manifest-findings';
import { checkSpdxExpression, replacementOf } from '../metadata/spdx';

/** npm's two non-SPDX forms: a private package, and a license file named in the field. */
const NPM_SPECIAL = /^(UNLICENSED|SEE LICEN[CS]E IN .+)$/;

function expressionProblem(expression: string): string | undefined {
  const verdict = checkSpdxExpression(expression);
  if (!verdict.valid)
    return verdict.suggestion
      ? `${verdict.problem}; did you mean "${verdict.suggestion}"?`
      : `${verdict.problem}; write an SPDX expression such as "MIT" or "Apache-2.0 OR MIT"`;
  if (verdict.deprecated.length === 0) return undefined;
  const advice = verdict.deprecated
    .map((id) => (replacementOf(id) ? `"${id}" is now "${replacementOf(id)}"` : `"${id}" has a newer SPDX id`))
    .join(', ');
  return `"${expression}" uses deprecated SPDX identifiers: ${advice}`;
}

function packageJsonFindings(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(packageJson);
  if (!manifest) return [];
  const license = manifest.data.license;
  if (license === undefined) return [];
  if (typeof license === 'object' && license !== null) {
    return [
      packageJsonFinding(
        manifest,
        ['license'],
        'package.json "license" is an object, a form npm deprecated: write an SPDX expression string such as "MIT"',
      ),
    ];
  }
  if (!isNonEmptyString(license) || NPM_SPECIAL.test(license)) return [];
  const problem = expressionProblem(license);
  return problem ? [packageJsonFinding(manifest, ['license'], `package.json "license": ${problem}`)] : [];
}

function pyprojectFindings(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(pyproject);
  const table = manifest?.data.project;
  if (!manifest || !table) return [];
  const findings: FindingInput[] = [];
  const license = table.license;
  const licenseClassifiers = (Array.isArray(table.classifiers) ? table.classifiers : []).filter(
    (c): c is string => typeof c === 'string' && c.startsWith('License ::'),
  );
  if (typeof license === 'object' && license !== null) {
    findings.push(
      pyprojectFinding(
        manifest,
        ['project', 'license'],
        '[project] "license" is a table ({ text = ... } or { file = ... }), which PEP 639 deprecates: write an SPDX expression, license = "MIT", and list the files in license-files',
      ),
    );
  } else if (isNonEmptyString(license)) {
    const problem = expressionProblem(license);
    if (problem) findings.push(pyprojectFinding(manifest, ['project', 'license'], `[project] "license": ${problem}`));
    if (licenseClassifiers.length > 0) {
      findings.push(
        pyprojectFinding(
          manifest,
          ['project', 'classifiers'],
          `[project] has both a license expression and "License ::" classifiers (${licenseClassifiers.join('; ')}); PEP 639 says build tools must reject that: remove the classifiers`,
          'license-classifiers',
        ),
      );
    }
  }
  return findings;
}

export default defineCheck({
  id: 'structure/license-expression',
  title: 'The license is a valid SPDX expression',
  planItem: 'structure/package-metadata',
  languages: ['typescript', 'python'],
  severity: 'warning',
  requires: [packageJson, pyproject],
  description:
    'package.json "license" and pyproject.toml [project] "license" (PEP 639) must be SPDX license expressions with current identifiers, checked with spdx-expression-parse; pyproject.toml must not also carry "License ::" classifiers.',
  run: (project) => [...packageJsonFindings(project), ...pyprojectFindings(project)],
});
