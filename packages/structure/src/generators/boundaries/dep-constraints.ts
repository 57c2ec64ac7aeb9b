import { readProjectConfiguration, updateProjectConfiguration, type Tree } from '@nx/devkit';
import { addConstraint, findBoundaryRule } from '../../eslint/boundary-rule';
import { rootEslintConfig } from '../../eslint/workspace-eslint';
import { dependencyTags, preferredTag } from './dependency-tags';

export interface ConstraintPlan {
  writes: Array<{ path: string; text: string }>;
  tags?: string[];
  notes: string[];
}

/**
 * Where ESLint runs @nx/enforce-module-boundaries: a tag for an untagged project (`scope:<name>`), and a
 * depConstraint for it that allows what it depends on today (Nx's graph), so that a new dependency is a choice.
 */
export function planDepConstraint(tree: Tree, projectName: string, deps: (project: string) => { tags: string[]; note?: string } = dependencyTags): ConstraintPlan {
  const config = rootEslintConfig((path) => (tree.exists(path) ? (tree.read(path, 'utf-8') ?? undefined) : undefined));
  const rule = config && findBoundaryRule(config.file, config.text);
  if (!config || !rule) return { writes: [], notes: [] };
  let configuration;
  try {
    configuration = readProjectConfiguration(tree, projectName);
  } catch {
    return { writes: [], notes: [`${projectName} has no project configuration to tag; skipped the module boundary rule`] };
  }
  const tags = configuration.tags?.length ? configuration.tags : [`scope:${projectName.replace(/^@/, '').replace(/[^A-Za-z0-9_-]+/g, '-')}`];
  const own = preferredTag(tags)!;
  if (tags.some((t) => rule.sourceTags.includes(t))) return { writes: [], tags: configuration.tags?.length ? undefined : tags, notes: [] };
  if (!rule.constraints) return { writes: [], tags, notes: [`${config.file}: ${'@nx/enforce-module-boundaries'} has no depConstraints array to add to`] };
  const { tags: allowed, note } = deps(projectName);
  return {
    writes: [{ path: config.file, text: addConstraint(rule, own, [...new Set([own, ...allowed])]) }],
    tags: configuration.tags?.length ? undefined : tags,
    notes: note ? [note] : [],
  };
}

export function applyTags(tree: Tree, projectName: string, tags: string[]): void {
  const configuration = readProjectConfiguration(tree, projectName);
  updateProjectConfiguration(tree, projectName, { ...configuration, tags });
}
