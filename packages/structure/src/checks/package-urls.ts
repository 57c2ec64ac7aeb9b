import { defineCheck, packageJson, pyproject, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import pyprojectMetadata from './pyproject-metadata';
import { fillableBy } from '../metadata/fixes';
import { packageJsonFinding, pyprojectFinding } from '../metadata/manifest-findings';
import { PYTHON_URL_ROLES, isWebUrl, normalizeUrlLabel } from '../metadata/urls';

function packageJsonFindings(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(packageJson);
  if (!manifest) return [];
  const { homepage, bugs } = manifest.data as { homepage?: unknown; bugs?: unknown };
  const findings: FindingInput[] = [];
  if (homepage === undefined)
    findings.push(
      fillableBy(
        project,
        packageJsonFinding(
          manifest,
          ['homepage'],
          'package.json has no "homepage": the page npm links to, e.g. the package folder in the repository',
          'homepage',
        ),
      ),
    );
  else if (!isWebUrl(homepage))
    findings.push(
      packageJsonFinding(manifest, ['homepage'], `package.json "homepage" must be an http(s) URL, not ${JSON.stringify(homepage)}`),
    );
  const bugsUrl = typeof bugs === 'object' && bugs !== null ? (bugs as { url?: unknown }).url : bugs;
  const bugsEmail = typeof bugs === 'object' && bugs !== null ? (bugs as { email?: unknown }).email : undefined;
  if (bugs === undefined)
    findings.push(
      fillableBy(
        project,
        packageJsonFinding(
          manifest,
          ['bugs'],
          'package.json has no "bugs": where users report problems, e.g. the repository\'s issue tracker',
          'bugs',
        ),
      ),
    );
  else if (bugsUrl !== undefined ? !isWebUrl(bugsUrl) : typeof bugsEmail !== 'string') {
    findings.push(
      packageJsonFinding(
        manifest,
        ['bugs'],
        `package.json "bugs" must be an http(s) URL or { "url": ..., "email": ... }, not ${JSON.stringify(bugs)}`,
      ),
    );
  }
  return findings;
}

function pyprojectFindings(project: ShipshapeProject): FindingInput[] {
  const manifest = project.get(pyproject);
  const table = manifest?.data.project;
  if (!manifest || !table) return [];
  const urls = table.urls;
  // A missing [project.urls] is structure/pyproject-metadata's finding (see `requires`); a dynamic one is the build backend's.
  if (typeof urls !== 'object' || urls === null || Object.keys(urls).length === 0) return [];
  const findings: FindingInput[] = [];
  const labels = Object.keys(urls).map(normalizeUrlLabel);
  for (const [role, { label, aliases }] of Object.entries(PYTHON_URL_ROLES)) {
    if (!labels.some((l) => aliases.includes(l))) {
      findings.push(
        fillableBy(
          project,
          pyprojectFinding(
            manifest,
            ['project', 'urls'],
            `[project.urls] has no ${label} URL (PyPI shows well-known labels such as "${label}" with their icon)`,
            role,
          ),
        ),
      );
    }
  }
  for (const [label, value] of Object.entries(urls)) {
    if (!isWebUrl(value))
      findings.push(
        pyprojectFinding(
          manifest,
          ['project', 'urls', label],
          `[project.urls] "${label}" must be an http(s) URL, not ${JSON.stringify(value)}`,
          `url:${label}`,
        ),
      );
  }
  return findings;
}

export default defineCheck({
  id: 'structure/package-urls',
  title: 'The package links to its homepage, source and issue tracker',
  planItem: 'structure/package-metadata',
  languages: ['typescript', 'python'],
  severity: 'warning',
  requires: [packageJson, pyproject, pyprojectMetadata],
  description:
    'package.json has "homepage" and "bugs" URLs; pyproject.toml [project.urls] has Homepage, Source and Issues entries; every such value is an http(s) URL.',
  run: (project) => [...packageJsonFindings(project), ...pyprojectFindings(project)],
});
