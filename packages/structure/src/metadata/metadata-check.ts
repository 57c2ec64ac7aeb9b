import {
  dataAt,
  defineCheck,
  packageJson,
  pyproject,
  stringsIn,
  type Check,
  type FindingInput,
  type Language,
  type ManifestText,
  type PackageJson,
  type PyProject,
  type ShipshapeProject,
} from '@shipshape/core';
import { PACKAGE_JSON_KINDS, PROJECT_KINDS, withWrongKinds } from './field-kinds';

/** The classifier that tells PyPI (and twine) never to accept an upload of the distribution. */
const DO_NOT_UPLOAD = 'Private :: Do Not Upload';

/**
 * Is the package never published: `"private": true` in package.json, or the `Private :: Do Not Upload`
 * classifier in pyproject.toml ([project] or Poetry's table)? Publishing metadata means nothing for it.
 */
export function isUnpublished(project: ShipshapeProject): boolean {
  if (project.get(packageJson)?.data.private === true) return true;
  const data = project.get(pyproject)?.data;
  return [...stringsIn(data, ['project', 'classifiers']), ...stringsIn(data, ['tool', 'poetry', 'classifiers'])].includes(DO_NOT_UPLOAD);
}

type Table = Record<string, unknown>;

interface MetadataCheckSpec {
  id: string;
  title: string;
  severity: Check['severity'];
  description: string;
  fixedBy?: string;
  requires?: Check['requires'];
  /** Findings about package.json. */
  packageJson?: (manifest: ManifestText<PackageJson>, project: ShipshapeProject) => FindingInput[];
  /** Findings about pyproject.toml's [project] table (called only when there is one). */
  pyproject?: (manifest: ManifestText<PyProject>, table: Table, project: ShipshapeProject) => FindingInput[];
  /** Also for packages that are never published (the identity of a workspace package: its name). */
  unpublishedToo?: boolean;
}

/**
 * A check of the package-metadata plan item: what it says of package.json and of pyproject.toml's [project],
 * nothing for a package that is never published (unless it asks to), in the manifests' order.
 */
export function defineMetadataCheck(spec: MetadataCheckSpec): Check {
  const languages: Language[] = [...(spec.packageJson ? ['typescript' as const] : []), ...(spec.pyproject ? ['python' as const] : [])];
  return defineCheck({
    id: spec.id,
    title: spec.title,
    planItem: 'structure/package-metadata',
    languages,
    severity: spec.severity,
    description: spec.description,
    requires: spec.requires ?? [packageJson, pyproject],
    ...(spec.fixedBy ? { fixedBy: spec.fixedBy } : {}),
    run(project) {
      if (!spec.unpublishedToo && isUnpublished(project)) return [];
      const pkg = spec.packageJson && project.get(packageJson);
      const py = spec.pyproject && project.get(pyproject);
      const table = dataAt(py?.data, ['project']);
      return [
        ...(pkg && spec.packageJson ? withWrongKinds(spec.packageJson(pkg, project), pkg.data, PACKAGE_JSON_KINDS) : []),
        ...(py && spec.pyproject && typeof table === 'object' && table !== null
          ? withWrongKinds(spec.pyproject(py, table as Table, project), table, PROJECT_KINDS)
          : []),
      ];
    },
  });
}
