import { readProjectConfiguration, type Tree } from '@nx/devkit';
import { kindOf, ShipshapeError, shownValue, workspaceGraph, type JsonEdit, type ShipshapeProject } from '@shipshape/core';
import { addConstraint, BOUNDARY_RULE, constraintText } from '../../eslint/boundary-rule';
import { workspaceBoundaryRule } from '../../eslint/workspace-boundary-rule';
import { editableText } from '../../utils/editable-text';
import { dependencyTags, preferredTag } from './dependency-tags';

export interface ConstraintPlan {
  /** The root ESLint config with the project's constraint added. */
  config?: { path: string; content: string };
  /** The edit that tags an untagged project, in the file Nx reads its configuration from. */
  tags?: { path: string; edit: JsonEdit };
  notes: string[];
}

/** Where Nx keeps the project's tags: project.json, else the "nx" field of package.json. */
function tagsEdit(tree: Tree, project: ShipshapeProject, tags: string[]): ConstraintPlan['tags'] {
  const projectJson = project.file('project.json');
  return tree.exists(projectJson)
    ? { path: projectJson, edit: { path: ['tags'], value: tags } }
    : { path: project.file('package.json'), edit: { path: ['nx', 'tags'], value: tags } };
}

/**
 * Where ESLint runs @nx/enforce-module-boundaries: a tag for an untagged project (`scope:<name>`), and a
 * depConstraint for it that allows what it depends on today (Nx's graph), so that a new dependency is a choice.
 */
export function planDepConstraint(tree: Tree, project: ShipshapeProject): ConstraintPlan {
  const found = project.get(workspaceBoundaryRule);
  if (!found) return { notes: [] };
  let configured: string[] | undefined;
  try {
    configured = readProjectConfiguration(tree, project.name).tags;
  } catch {
    return { notes: [`${project.name} has no project configuration to tag; skipped the module boundary rule`] };
  }
  if (configured !== undefined && (!Array.isArray(configured) || configured.some((t) => typeof t !== 'string'))) {
    const file = tree.exists(project.file('project.json')) ? project.file('project.json') : project.file('package.json');
    throw new ShipshapeError(
      `the Nx tags of ${project.name} are ${kindOf(configured)} (${shownValue(configured)}), not a list of strings: fix them by hand, nothing was written`,
      file,
    );
  }
  const given = configured?.length ? configured : undefined;
  const tags = given ?? [`scope:${project.name.replace(/^@/, '').replace(/[^A-Za-z0-9_-]+/g, '-')}`];
  const own = preferredTag(tags)!;
  const tagging = given ? undefined : tagsEdit(tree, project, tags);
  if (tags.some((t) => found.rule.sourceTags.includes(t))) return { tags: tagging, notes: [] };
  const { tags: allowed, note } = dependencyTags(project.name, project.get(workspaceGraph));
  const constraint = constraintText(found.rule, own, [...new Set([own, ...allowed])]);
  if (found.rule.unreadable !== undefined)
    throw new ShipshapeError(
      `${found.file}:${found.rule.line}: the depConstraints of ${BOUNDARY_RULE} ${found.rule.unreadable.length > 60 ? `${found.rule.unreadable.slice(0, 56)}...\`` : found.rule.unreadable}, which Shipshape does not run: it cannot tell whether ${own} is constrained there, nor edit it safely; add ${constraint} where they are defined, nothing was written`,
      found.file,
    );
  if (!found.rule.constraints)
    return {
      tags: tagging,
      notes: [
        `${found.file}:${found.rule.line}: ${BOUNDARY_RULE} has no depConstraints; add depConstraints: [${constraint}] to its options`,
      ],
    };
  editableText(project.workspace.source, found.file);
  return {
    config: { path: found.file, content: addConstraint(found.rule, own, [...new Set([own, ...allowed])]) },
    tags: tagging,
    notes: note ? [note] : [],
  };
}
