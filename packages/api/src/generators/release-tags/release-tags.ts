import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { defineFixGenerator, projectLanguages, type FixResult, type ShipshapeProject } from '@shipshape/core';
import { apiOptions, API_OPTIONS } from '../../options';
import { claimedStability } from '../../stability/python-checks';
import { isPublicModule, markerOf, moduleStability, pythonStabilitySurface } from '../../stability/python-surface';
import { isFileHeader, type ReleaseTag } from '../../stability/release-tags';
import { releaseTagSurface, type DocHost } from '../../stability/typescript-surface';
import type { ReleaseTagsGeneratorSchema } from './schema';

interface StabilityOptions {
  defaultTag?: ReleaseTag;
}

const MARKER_MODULE = '_stability.py';

interface Edit {
  at: number;
  /** Characters replaced from `at` (0: an insertion). */
  length: number;
  text: string;
}

/** The edit that adds `@tag` to a declaration: into its TSDoc comment, in that comment's style, or as a new comment line. */
export function tagEdit(text: string, host: DocHost, tag: ReleaseTag): Edit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = host.comment && !isFileHeader(host.comment.text) ? host.comment : undefined;
  if (!comment) {
    const lineStart = text.lastIndexOf('\n', host.start - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, host.start))?.[0] ?? '';
    // The declaration starts its line (after its indentation): the new comment takes that line, the declaration the next.
    const alone = indent.length === host.start - lineStart;
    return { at: host.start, length: 0, text: alone ? `/** @${tag} */${eol}${indent}` : `/** @${tag} */ ` };
  }
  const body = comment.text;
  const close = body.length - 2; // the `*/`
  const lines = body.split(/\r?\n/);
  if (lines.length === 1) {
    // `/** Adds two numbers. */` → `/** Adds two numbers. @public */`
    const before = body.slice(0, close).replace(/\s*$/, '');
    return { at: comment.pos, length: body.length, text: `${before} @${tag} */` };
  }
  const last = lines[lines.length - 1];
  const lastStart = body.length - last.length;
  if (/^\s*\*\/$/.test(last)) {
    // A closing line of its own: a new line before it, with the margin of the line above (` * `), or the closing line's.
    const previous = lines[lines.length - 2];
    const margin = /^\s*\*(?!\/)\s?/.exec(previous)?.[0] ?? `${/^\s*/.exec(last)?.[0] ?? ''}* `;
    return { at: comment.pos + lastStart, length: 0, text: `${margin.replace(/\s*$/, ' ')}@${tag}${eol}` };
  }
  // Text on the closing line (` * The end. */`): the tag goes on that line, before the `*/`.
  const before = body.slice(0, close).replace(/\s*$/, '');
  return { at: comment.pos, length: body.length, text: `${before} @${tag} */` };
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at + edit.length);
  return out;
}

function typescriptFix(project: ShipshapeProject, tag: ReleaseTag): FixResult {
  const { entries } = project.get(releaseTagSurface);
  const edits = new Map<string, Map<number, Edit>>();
  const done: string[] = [];
  const left: string[] = [];
  const publicIds = new Set(entries.filter((e) => !e.entry.internal).flatMap((e) => e.items.flatMap((i) => i.ids)));
  const seen = new Set<string>();
  for (const { entry, items } of entries) {
    for (const item of items) {
      const id = item.ids[0];
      if (!item.untagged || seen.has(id)) continue;
      // Exported by internal subpaths only (./internal/*): @public would be a lie, and the right tag is the user's call.
      if (entry.internal && !item.ids.some((i) => publicIds.has(i))) {
        if (!left.some((l) => l.startsWith(`${entry.label}:`)))
          left.push(`${entry.label}: exports untagged declarations (${item.file}); tag them @internal or @beta yourself`);
        continue;
      }
      seen.add(id);
      if (item.hosts.some((h) => h.compound && h.tags.length === 0)) {
        left.push(
          `${item.file}:${item.line}: ${item.name} is one of several names of one const statement; give it a statement of its own to tag it (api-extractor reads no tag on a compound declaration)`,
        );
        continue;
      }
      for (const host of item.hosts.filter((h) => h.tags.length === 0)) {
        const text = project.workspace.source.read(host.file);
        if (text === undefined) continue;
        const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
        const edit = tagEdit(text.slice(offset), host, tag);
        const fileEdits = edits.get(host.file) ?? new Map<number, Edit>();
        // Two names for one declaration (an alias export) are one edit.
        fileEdits.set(edit.at + offset, { ...edit, at: edit.at + offset });
        edits.set(host.file, fileEdits);
      }
      done.push(`${item.file}:${item.line}: ${item.name === 'default' ? 'the default export' : item.name} tagged @${tag}`);
    }
  }
  const changes = [...edits].map(([path, fileEdits]) => ({
    path,
    content: applyEdits(project.workspace.source.read(path) ?? '', [...fileEdits.values()]),
  }));
  return { changes, done, left };
}

async function pythonFix(project: ShipshapeProject): Promise<FixResult> {
  const surface = await project.get(pythonStabilitySurface);
  const template = readFileSync(join(__dirname, 'files', MARKER_MODULE), 'utf8');
  const changes: FixResult['changes'] = [];
  const done: string[] = [];
  const left: string[] = [];
  for (const pkg of surface.packages) {
    const path = `${pkg}/${MARKER_MODULE}`;
    if (project.workspace.source.exists(path)) continue;
    if (!project.workspace.source.isFile(`${pkg}/__init__.py`)) continue;
    changes.push({ path, content: template });
    done.push(`${path}: the stability markers (@experimental, @internal)`);
  }
  // Marking what the docs call experimental is left to the user: the import's place and the wording are theirs.
  for (const [file, module] of Object.entries(surface.modules)) {
    if (module.error || !isPublicModule(project, file, surface.packages)) continue;
    const moduleClaim = claimedStability(module.doc);
    if (moduleClaim && !moduleStability(module))
      left.push(`${file}: its docstring says "${moduleClaim.phrase}"; add __stability__ = "${moduleClaim.level}"`);
    for (const definition of module.definitions) {
      const claim = claimedStability(definition.doc);
      if (definition.name.startsWith('_') || !claim || markerOf(definition.decorators)) continue;
      const pkg = surface.packages.find((p) => file.startsWith(`${p}/`)) ?? '';
      const depth = posix.relative(posix.dirname(file), pkg).split('/').filter(Boolean).length;
      left.push(
        `${file}:${definition.line}: ${definition.name}'s docstring says "${claim.phrase}"; decorate it with @${claim.level} (from ${'.'.repeat(depth + 1)}_stability import ${claim.level})`,
      );
    }
  }
  return { changes, done, left };
}

/**
 * `nx g @shipshape/api:release-tags --project=x`: every declaration a public TypeScript entry exports gets the
 * default release tag where it has none (the user's tags are never changed); a Python package gets its typed
 * `_stability.py` marker module.
 */
export const releaseTagsGenerator = defineFixGenerator<ReleaseTagsGeneratorSchema>({
  name: '@shipshape/api:release-tags',
  sections: [API_OPTIONS],
  fix: async ({ project }) => {
    const languages = project.get(projectLanguages);
    const stability: StabilityOptions = apiOptions(project).stability ?? {};
    const tag = stability.defaultTag ?? 'public';
    const results: FixResult[] = [];
    if (languages.includes('typescript')) results.push(typescriptFix(project, tag));
    if (languages.includes('python')) results.push(await pythonFix(project));
    return {
      changes: results.flatMap((r) => r.changes ?? []),
      done: results.flatMap((r) => r.done ?? []),
      left: results.flatMap((r) => r.left ?? []),
    };
  },
});

export default releaseTagsGenerator;
