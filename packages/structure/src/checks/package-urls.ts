import { packageJson, pyproject, type FindingInput, type ManifestText, type PackageJson, type ShipshapeProject } from '@shipshape/core';
import pyprojectMetadata from './pyproject-metadata';
import { fillableBy } from '../metadata/fixes';
import { packageJsonFinding, pyprojectFinding } from '../metadata/manifest-findings';
import { defineMetadataCheck } from '../metadata/metadata-check';
import { hostedRepository, PYTHON_URL_ROLES, isWebUrl, normalizeUrlLabel } from '../metadata/urls';

function packageJsonFindings(manifest: ManifestText<PackageJson>, project: ShipshapeProject): FindingInput[] {
  const { homepage, bugs, repository } = manifest.data as { homepage?: unknown; bugs?: unknown; repository?: unknown };
  // npm fills both from a repository on GitHub, GitLab or Bitbucket when it publishes (normalize-package-data).
  const derived = hostedRepository(repository);
  const findings: FindingInput[] = [];
  if (homepage === undefined && !derived)
    findings.push(
      fillableBy(
        project,
        packageJsonFinding(
          manifest,
          ['homepage'],
          'package.json has no "homepage" and no repository on a known host npm could derive it from: the page npm links to, e.g. the package folder in the repository',
          'homepage',
        ),
      ),
    );
  else if (homepage !== undefined && !isWebUrl(homepage))
    findings.push(
      packageJsonFinding(manifest, ['homepage'], `package.json "homepage" must be an http(s) URL, not ${JSON.stringify(homepage)}`),
    );
  const bugsUrl = typeof bugs === 'object' && bugs !== null ? (bugs as { url?: unknown }).url : bugs;
  const bugsEmail = typeof bugs === 'object' && bugs !== null ? (bugs as { email?: unknown }).email : undefined;
  if (bugs === undefined && !derived)
    findings.push(
      fillableBy(
        project,
        packageJsonFinding(
          manifest,
          ['bugs'],
          'package.json has no "bugs" and no repository on a known host npm could derive it from: where users report problems, e.g. the repository\'s issue tracker',
          'bugs',
        ),
      ),
    );
  else if (bugs !== undefined && (bugsUrl !== undefined ? !isWebUrl(bugsUrl) : typeof bugsEmail !== 'string'))
    findings.push(
      packageJsonFinding(
        manifest,
        ['bugs'],
        `package.json "bugs" must be an http(s) URL or { "url": ..., "email": ... }, not ${JSON.stringify(bugs)}`,
      ),
    );
  return findings;
}

function pyprojectFindings(manifest: ManifestText<unknown>, table: Record<string, unknown>, project: ShipshapeProject): FindingInput[] {
  const urls = table.urls;
  // A missing [project.urls] is structure/pyproject-metadata's finding (see `requires`); a dynamic one is the build backend's.
  if (typeof urls !== 'object' || urls === null || Object.keys(urls).length === 0) return [];
  const labels = Object.keys(urls).map(normalizeUrlLabel);
  const missing = Object.entries(PYTHON_URL_ROLES).filter(([, { aliases }]) => !labels.some((l) => aliases.includes(l)));
  return [
    ...missing.map(([role, { label }]) =>
      fillableBy(
        project,
        pyprojectFinding(
          manifest,
          ['project', 'urls'],
          `[project.urls] has no ${label} URL (PyPI shows well-known labels such as "${label}" with their icon)`,
          role,
        ),
      ),
    ),
    ...Object.entries(urls)
      .filter(([, value]) => !isWebUrl(value))
      .map(([label, value]) =>
        pyprojectFinding(
          manifest,
          ['project', 'urls', label],
          `[project.urls] "${label}" must be an http(s) URL, not ${JSON.stringify(value)}`,
          `url:${label}`,
        ),
      ),
  ];
}

export default defineMetadataCheck({
  id: 'structure/package-urls',
  title: 'The package links to its homepage, source and issue tracker',
  severity: 'warning',
  requires: [packageJson, pyproject, pyprojectMetadata],
  description:
    'package.json has "homepage" and "bugs" URLs, unless its repository is on GitHub, GitLab or Bitbucket (npm derives both from it when it publishes); pyproject.toml [project.urls] has Homepage, Source and Issues entries; every such value is an http(s) URL. Packages that are never published are left out.',
  packageJson: packageJsonFindings,
  pyproject: pyprojectFindings,
});
