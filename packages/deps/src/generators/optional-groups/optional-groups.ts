import { defineFixGenerator, normalizeDistributionName, ShipshapeError } from '@shipshape/core';
import type { DependencyProblem } from '../../analysis/model';
import { defaultExtra, dependencyFixes } from '../../fixes/apply-fixes';
import { DEPS_OPTIONS } from '../../options';
import { fixEachManifest, problemsOf } from '../shared/manifest-fixes';
import type { OptionalGroupsGeneratorSchema } from './schema';

const EXTRA = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/**
 * `nx g @shipshape/deps:optional-groups --project=x --dependency=y`: a dependency the code imports only where
 * its absence is handled becomes optional: an optional peer dependency (kept in devDependencies for tests and
 * builds) or an extra of [project.optional-dependencies], created if needed; --dependency picks one of them.
 */
export const optionalGroupsGenerator = defineFixGenerator<OptionalGroupsGeneratorSchema>({
  name: '@shipshape/deps:optional-groups',
  sections: [DEPS_OPTIONS],
  validate: (schema) => {
    if (schema.extra !== undefined && !EXTRA.test(schema.extra))
      throw new ShipshapeError(`--extra must be a valid extra name (letters, digits, ".", "_", "-"), not "${schema.extra}"`);
  },
  fix: ({ project, schema }) => {
    const extraFor = (name: string) => schema.extra ?? defaultExtra(name);
    const named = (problem: DependencyProblem) =>
      schema.dependency === undefined || normalizeDistributionName(problem.name) === normalizeDistributionName(schema.dependency);
    return fixEachManifest(project, (manifest) =>
      dependencyFixes(manifest.facts, problemsOf(manifest, ['optional']).filter(named), extraFor),
    );
  },
});

export default optionalGroupsGenerator;
