import { formatFiles, type GeneratorCallback, type Tree } from '@nx/devkit';
import { ShipshapeError } from '@shipshape/core';
import { applyDependencyFixes, defaultExtra } from '../../fixes/apply-fixes';
import { analyzeInTree, problemsOf, reportOutcome } from '../shared/tree-analysis';
import type { OptionalGroupsGeneratorSchema } from './schema';

const EXTRA = /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/**
 * `nx g @shipshape/deps:optional-groups --project=x`: a dependency the code imports only where its absence
 * is handled becomes optional: an optional peer dependency (kept in devDependencies for tests and builds) or
 * an extra of [project.optional-dependencies], created if needed.
 */
export async function optionalGroupsGenerator(tree: Tree, schema: OptionalGroupsGeneratorSchema): Promise<GeneratorCallback> {
  const extra = normalizeOptions(schema);
  const { project, analyzed } = await analyzeInTree(tree, schema.project);
  const extraFor = (name: string) => extra ?? defaultExtra(name);
  const outcomes = analyzed.map((manifest) => applyDependencyFixes(tree, manifest.facts, problemsOf(manifest, ['optional']), extraFor));
  reportOutcome('optional-groups', project.name, outcomes);
  if (!schema.skipFormat) await formatFiles(tree);
  return () => undefined;
}

function normalizeOptions(schema: OptionalGroupsGeneratorSchema): string | undefined {
  if (schema.extra !== undefined && !EXTRA.test(schema.extra)) throw new ShipshapeError(`--extra must be a valid extra name (letters, digits, ".", "_", "-"), not "${schema.extra}"`);
  return schema.extra;
}

export default optionalGroupsGenerator;
