import { readCachedProjectGraph } from '@nx/devkit';
import { errorMessage } from '@shipshape/core';

/** Tags of the workspace projects the project depends on today, from Nx's cached project graph. */
export function dependencyTags(project: string): { tags: string[]; note?: string } {
  try {
    const graph = readCachedProjectGraph();
    const targets = (graph.dependencies[project] ?? []).map((d) => d.target).filter((t) => graph.nodes[t]);
    const untagged = targets.filter((t) => (graph.nodes[t].data.tags ?? []).length === 0);
    const tags = [...new Set(targets.flatMap((t) => preferredTag(graph.nodes[t].data.tags ?? []) ?? []))];
    return { tags, note: untagged.length > 0 ? `${untagged.join(', ')} ha${untagged.length > 1 ? 've' : 's'} no tags: tag ${untagged.length > 1 ? 'them' : 'it'} and add ${untagged.length > 1 ? 'their' : 'its'} tag to the constraint of ${project}` : undefined };
  } catch (error) {
    return { tags: [], note: `Nx's project graph could not be read (${errorMessage(error)}): the constraint of ${project} allows only its own tag; add the tags of its dependencies` };
  }
}

/** `type:` tags say what a project may depend on best; else its first tag. */
export function preferredTag(tags: string[]): string | undefined {
  return tags.find((t) => t.startsWith('type:')) ?? tags[0];
}

