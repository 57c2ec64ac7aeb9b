import { isNonEmptyString, type FindingInput, type ManifestText, type PackageJson } from '@shipshape/core';
import { packageJsonFinding, pyprojectFinding } from '../metadata/manifest-findings';
import { defineMetadataCheck } from '../metadata/metadata-check';
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

function packageJsonFindings(manifest: ManifestText<PackageJson>): FindingInput[] {
  const license = manifest.data.license;
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

function pyprojectFindings(manifest: ManifestText<unknown>, table: Record<string, unknown>): FindingInput[] {
  const license = table.license;
  if (typeof license === 'object' && license !== null) {
    return [
      pyprojectFinding(
        manifest,
        ['project', 'license'],
        '[project] "license" is a table ({ text = ... } or { file = ... }), which PEP 639 deprecates: write an SPDX expression, license = "MIT", and list the files in license-files',
      ),
    ];
  }
  if (!isNonEmptyString(license)) return [];
  const problem = expressionProblem(license);
  const classifiers = (Array.isArray(table.classifiers) ? table.classifiers : []).filter(
    (c): c is string => typeof c === 'string' && c.startsWith('License ::'),
  );
  return [
    ...(problem ? [pyprojectFinding(manifest, ['project', 'license'], `[project] "license": ${problem}`)] : []),
    ...(classifiers.length > 0
      ? [
          pyprojectFinding(
            manifest,
            ['project', 'classifiers'],
            `[project] has both a license expression and "License ::" classifiers (${classifiers.join('; ')}); PEP 639 deprecates the classifiers and lets build tools refuse the combination (setuptools 77 and later do): remove the classifiers`,
            'license-classifiers',
          ),
        ]
      : []),
  ];
}

export default defineMetadataCheck({
  id: 'structure/license-expression',
  title: 'The license is a valid SPDX expression',
  severity: 'warning',
  description:
    'package.json "license" and pyproject.toml [project] "license" (PEP 639) must be SPDX license expressions with current identifiers, checked with spdx-expression-parse; pyproject.toml should not also carry "License ::" classifiers. Packages that are never published are left out.',
  packageJson: packageJsonFindings,
  pyproject: pyprojectFindings,
});
