import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { releaseRank, type ReleaseTag } from './release-tags';
import { releaseTagSurface, type ApiItem, type ApiReference, type EntrySurface } from './typescript-surface';

const FIXED_BY = '@shipshape/api:release-tags';
const PLAN_ITEM = 'api/stability-markers';

/**
 * Has the project adopted release tags? Some declaration of its public surface says `@public`, `@beta` or `@alpha`,
 * and at least half of its exports carry a tag. `@internal` alone is not adoption: most libraries write it for tsc's
 * stripInternal, meaning "untagged is public"; a few `@public` notes among hundreds of untagged exports are not either.
 */
export function adoptedReleaseTags(entries: readonly EntrySurface[]): boolean {
  const items = uniqueItems(entries).map(({ item }) => item);
  const released = items.some((item) => (item.tag && item.tag !== 'internal') || item.members.some((m) => m.tag && m.tag !== 'internal'));
  const tagged = items.filter((item) => !item.untagged).length;
  return released && tagged * 2 >= items.length;
}

/** Each API item once (an item two entries export, or one entry under two names, is one declaration). */
function uniqueItems(entries: readonly EntrySurface[]): Array<{ item: ApiItem; entry: EntrySurface['entry']; names: string[] }> {
  const found = new Map<string, { item: ApiItem; entry: EntrySurface['entry']; names: string[] }>();
  for (const surface of entries) {
    for (const item of surface.items) {
      const key = `${item.file}:${item.line}:${item.column}`;
      const known = found.get(key);
      if (known) {
        if (!known.names.includes(item.name)) known.names.push(item.name);
      } else found.set(key, { item, entry: surface.entry, names: [item.name] });
    }
  }
  return [...found.values()];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function missingReleaseTags(project: ShipshapeProject): FindingInput[] {
  const { entries } = project.get(releaseTagSurface);
  if (adoptedReleaseTags(entries)) {
    return uniqueItems(entries)
      .filter(({ item }) => item.untagged)
      .map(({ item, entry }) => ({
        message: `"${item.name}" is exported by the public entry "${entry.label}" but has no release tag (@public, @beta, @alpha or @internal), while the project tags its API: say how stable it is${item.hosts.some((h) => h.compound) ? ' (in a const statement of its own: api-extractor reads no tag on one that declares several names)' : ''}`,
        file: item.file,
        line: item.line,
        column: item.column,
        key: `missing:${item.name}`,
      }));
  }
  // The convention is not adopted: one note for the project (its entries listed), not one per export.
  const surfaces = entries.filter((e) => !e.entry.internal);
  const untagged = uniqueItems(surfaces)
    .map(({ item }) => item)
    .filter((i) => i.untagged);
  if (untagged.length === 0) return [];
  const tagged = uniqueItems(surfaces).length - untagged.length;
  const labels = [...new Set(surfaces.map((e) => e.entry.label))];
  const main = surfaces.find((e) => e.entry.label === '.' || e.entry.label === 'main') ?? surfaces[0];
  const names = untagged.slice(0, 3).map((i) => i.name);
  return [
    {
      message: `${plural(untagged.length, 'exported declaration')} of ${labels.length === 1 ? `the public entry "${labels[0]}"` : `${labels.length} public entries (${labels.slice(0, 4).join(', ')}${labels.length > 4 ? ', …' : ''})`} carry no TSDoc release tag (${names.join(', ')}${untagged.length > 3 ? ', …' : ''})${tagged > 0 ? `, ${tagged} do` : ''}: the project has not adopted release tags; the release-tags generator marks the untagged ones @public (stability.defaultTag), after which api-extractor can check what each release exposes`,
      file: main.entry.file,
      line: 1,
      column: 1,
      key: 'untagged-project',
      severity: 'info' as const,
    },
  ];
}

const effective = (tag: ReleaseTag | undefined): ReleaseTag => tag ?? 'public';

interface Exposure {
  owner: string;
  ownTag: ReleaseTag;
  explicit: boolean;
  target: ApiItem;
  targetTag: ReleaseTag;
  at: { file: string; line: number; column: number };
}

/** Every place a signature exposes an exported type less released than itself (untagged is public, as in api-extractor). */
function exposures(entries: readonly EntrySurface[]): Exposure[] {
  const found = new Map<string, Exposure>();
  for (const surface of entries) {
    // What this entry exports, by declaration: only those are compared (a type it does not export is a forgotten export).
    const exported = new Map<string, ApiItem>();
    for (const item of surface.items) for (const id of item.ids) exported.set(id, item);
    const visit = (owner: string, tag: ReleaseTag | undefined, references: ApiReference[], at: Exposure['at']) => {
      for (const reference of references) {
        const target = exported.get(reference.target);
        if (!target) continue;
        const targetTag = effective(target.tag);
        if (releaseRank(effective(tag)) <= releaseRank(targetTag)) continue;
        const key = `${at.file}:${at.line}:${at.column}>${target.file}:${target.line}:${target.column}`;
        if (!found.has(key)) found.set(key, { owner, ownTag: effective(tag), explicit: tag !== undefined, target, targetTag, at });
      }
    };
    for (const item of surface.items) {
      visit(item.name, item.tag, item.references, item);
      for (const member of item.members) {
        visit(`${item.name}.${member.name}`, member.tag ?? item.tag, member.references, {
          file: item.file,
          line: member.line,
          column: member.column,
        });
      }
    }
  }
  return [...found.values()];
}

/** Overloads share a name: the second finding of one key is `key#2`, so that each keeps its own fingerprint. */
function uniqueKeys(findings: FindingInput[]): FindingInput[] {
  const count = new Map<string, number>();
  return findings.map((f) => {
    const key = f.key ?? '';
    const n = (count.get(key) ?? 0) + 1;
    count.set(key, n);
    return n === 1 ? f : { ...f, key: `${key}#${n}` };
  });
}

function incompatibleReleaseTags(project: ShipshapeProject): FindingInput[] {
  return uniqueKeys(incompatibleFindings(project));
}

function incompatibleFindings(project: ShipshapeProject): FindingInput[] {
  const { entries } = project.get(releaseTagSurface);
  const all = exposures(entries);
  const describe = (tag: ReleaseTag) => (tag === 'public' ? 'public' : `@${tag}`);
  if (adoptedReleaseTags(entries)) {
    // api-extractor's ae-incompatible-release-tags: at the declaration whose signature exposes the type.
    return all.map((e) => ({
      message: `"${e.owner}" is ${describe(e.ownTag)}, but its signature exposes "${e.target.name}", which is @${e.targetTag}: consumers of the ${describe(e.ownTag)} API get a type that may change or vanish (a trimmed .d.ts drops it); tag "${e.target.name}" ${describe(e.ownTag) === 'public' ? '@public' : describe(e.ownTag)} or "${e.owner}" @${e.targetTag}`,
      ...e.at,
      key: `incompatible:${e.owner}:${e.target.name}`,
    }));
  }
  // Without adopted tags, untagged is only presumed public: an explicitly tagged signature is reported where it is;
  // the rest once per exposed type, at its declaration, as a note.
  const findings: FindingInput[] = all
    .filter((e) => e.explicit)
    .map((e) => ({
      message: `"${e.owner}" is tagged ${describe(e.ownTag)}, but its signature exposes "${e.target.name}", which is @${e.targetTag}: consumers get a type that may change or vanish; tag "${e.target.name}" as released as "${e.owner}", or "${e.owner}" @${e.targetTag}`,
      ...e.at,
      key: `incompatible:${e.owner}:${e.target.name}`,
    }));
  const byTarget = new Map<string, Exposure[]>();
  for (const e of all.filter((x) => !x.explicit)) {
    const key = `${e.target.file}:${e.target.line}:${e.target.column}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), e]);
  }
  for (const group of byTarget.values()) {
    const { target, targetTag } = group[0];
    const owners = [...new Set(group.map((e) => e.owner))];
    findings.push({
      message: `"${target.name}" is @${targetTag}, but the public API's signatures expose it (${owners.slice(0, 3).join(', ')}${owners.length > 3 ? ', …' : ''}): consumers depend on it through them; tag it as what it is in practice, or keep it out of those signatures`,
      file: target.file,
      line: target.line,
      column: target.column,
      key: `exposed:${target.name}`,
      severity: 'info',
    });
  }
  return findings;
}

function internalExports(project: ShipshapeProject): FindingInput[] {
  const { entries, stripInternal } = project.get(releaseTagSurface);
  // An @internal type a more released signature exposes must be exported for declarations to emit: the
  // incompatible-release-tags check reports that exposure; this one reports the gratuitous exports.
  const exposed = new Set(exposures(entries).map((e) => `${e.target.file}:${e.target.line}:${e.target.column}`));
  const findings: FindingInput[] = [];
  for (const { item, entry, names } of uniqueItems(entries.filter((e) => !e.entry.internal))) {
    // api-extractor's convention: an @internal name starts with an underscore, which tells consumers not to touch it.
    if (item.tag !== 'internal' || item.name.startsWith('_') || exposed.has(`${item.file}:${item.line}:${item.column}`)) continue;
    const shown = names.map((n) => `"${n}"`).join(' / ');
    findings.push({
      message: stripInternal
        ? `${shown} is @internal, yet the public entry "${entry.label}" exports it: stripInternal drops its declaration from the .d.ts while the JavaScript still exports it; stop exporting it there, or move it to an internal subpath`
        : `${shown} is @internal, yet the public entry "${entry.label}" exports it and nothing strips it from the published types: consumers see it and will depend on it; stop exporting it there, move it to an internal subpath, or prefix it with _`,
      file: item.file,
      line: item.line,
      column: item.column,
      key: `internal:${item.name}`,
    });
  }
  return findings;
}

export const missingReleaseTag = defineCheck({
  id: 'api/missing-release-tag',
  title: 'Exported declarations carry a TSDoc release tag',
  planItem: PLAN_ITEM,
  languages: ['typescript'],
  severity: 'warning',
  fixedBy: FIXED_BY,
  requires: [releaseTagSurface],
  description:
    "Every declaration a public entry exports says how stable it is with a TSDoc release tag (@public, @beta, @alpha, @internal), as api-extractor's ae-missing-release-tag asks, at the same file and line. A project that uses no release tag yet gets one info finding per entry with the count; once it tags some of its API (@public, @beta or @alpha), each untagged export is a warning. The release-tags generator adds the default tag (stability.defaultTag, @public) to every untagged export.",
  run: missingReleaseTags,
});

export const incompatibleReleaseTagsCheck = defineCheck({
  id: 'api/incompatible-release-tags',
  title: 'A signature exposes only types at least as released as itself',
  planItem: PLAN_ITEM,
  languages: ['typescript'],
  severity: 'warning',
  requires: [releaseTagSurface],
  description:
    "A @public declaration (untagged counts as public, as in api-extractor) whose signature references an exported @beta, @alpha or @internal type exposes that type to every consumer, and a trimmed .d.ts rollup would drop it; the same for @beta exposing @alpha. Agrees with api-extractor's ae-incompatible-release-tags; class and interface members are judged with their own tags.",
  run: incompatibleReleaseTags,
});

export const internalExport = defineCheck({
  id: 'api/internal-export',
  title: 'No @internal declaration is exported from a public entry',
  planItem: PLAN_ITEM,
  languages: ['typescript'],
  severity: 'warning',
  requires: [releaseTagSurface],
  description:
    "A declaration tagged @internal that a public entry exports is public in practice: consumers import it. Entries whose subpath says they are internal (./internal, ./unstable-…-do-not-import) and names that start with an underscore (api-extractor's convention for @internal) are not reported.",
  run: internalExports,
});
