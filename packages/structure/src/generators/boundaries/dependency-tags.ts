import type { WorkspaceGraph } from '@shipshape/core';

/** Tags of the workspace projects the project depends on today, from Nx's project graph. */
export function dependencyTags(project: string, graph: WorkspaceGraph): { tags: string[]; note?: string } {
  if (!graph.dependencies) {
    return {
      tags: [],
      note: `Nx has computed no project graph of this workspace yet: the constraint of ${project} allows only its own tag; add the tags of its dependencies`,
    };
  }
  const tagsOf = new Map(graph.projects.map((p) => [p.name, p.tags ?? []]));
  const targets = (graph.dependencies[project] ?? []).filter((t) => tagsOf.has(t));
  const untagged = targets.filter((t) => tagsOf.get(t)!.length === 0);
  const tags = [...new Set(targets.flatMap((t) => preferredTag(tagsOf.get(t)!) ?? []))];
  const plural = untagged.length > 1;
  const note =
    untagged.length > 0
      ? `${untagged.join(', ')} ha${plural ? 've' : 's'} no tags: tag ${plural ? 'them' : 'it'} and add ${plural ? 'their' : 'its'} tag to the constraint of ${project}`
      : undefined;
  return { tags, note };
}

/** `type:` tags say what a project may depend on best; else its first tag. */
export function preferredTag(tags: readonly string[]): string | undefined {
  return tags.find((t) => t.startsWith('type:')) ?? tags[0];
}
