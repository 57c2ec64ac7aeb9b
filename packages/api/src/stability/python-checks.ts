import { defineCheck, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import {
  isPublicModule,
  markerOf,
  moduleStability,
  pythonStabilitySurface,
  type PythonStability,
  type PythonStabilityModule,
} from './python-surface';

const FIXED_BY = '@shipshape/api:release-tags';
const PLAN_ITEM = 'api/stability-markers';

/**
 * Prose that exempts a name from the compatibility promise, as PEP 8 describes it ("documentation explicitly
 * declares them to be provisional or internal interfaces"). Phrases, not words: "internal buffer" says nothing.
 */
const CLAIMS: Array<{ level: PythonStability; pattern: RegExp; summary?: boolean }> = [
  { level: 'experimental', pattern: /\b(?:is|are|as|an?|this|still|currently|considered|highly)\s+(?:experimental|provisional)\b/i },
  // A line that is only the word (a heading, an rST warning): "Experimental.", ".. warning:: Provisional:".
  { level: 'experimental', pattern: /^\s*(?:\.\.\s+(?:warning|note)::\s*)?(?:experimental|provisional)(?:[:.!]|\s*$)/im },
  // "Pass http2=True to enable the experimental feature" further down describes something else: the summary only.
  {
    level: 'experimental',
    pattern: /\b(?:experimental|provisional|unstable)\s+(?:api|feature|interface|support|module|class|function)\b/i,
    summary: true,
  },
  { level: 'internal', pattern: /\bnot\s+(?:a\s+)?part\s+of\s+(?:the|our|its)\s+public\s+(?:api|interface)\b/i },
  { level: 'internal', pattern: /\b(?:for\s+internal\s+use(?:\s+only)?|internal\s+(?:api|use\s+only))\b/i },
];

export function claimedStability(doc: string | null): { level: PythonStability; phrase: string } | undefined {
  if (!doc) return undefined;
  const summary = doc.split(/\n\s*\n/)[0];
  for (const { level, pattern, summary: inSummary } of CLAIMS) {
    const match = pattern.exec(inSummary ? summary : doc);
    if (match) return { level, phrase: match[0].trim() };
  }
  return undefined;
}

interface PublicModule {
  file: string;
  module: PythonStabilityModule;
}

async function publicModules(project: ShipshapeProject): Promise<PublicModule[]> {
  const surface = await project.get(pythonStabilitySurface);
  return Object.entries(surface.modules)
    .filter(([file, module]) => !module.error && isPublicModule(project, file, surface.packages))
    .map(([file, module]) => ({ file, module }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

async function unmarkedClaims(project: ShipshapeProject): Promise<FindingInput[]> {
  const findings: FindingInput[] = [];
  for (const { file, module } of await publicModules(project)) {
    const moduleClaim = claimedStability(module.doc);
    if (moduleClaim && !moduleStability(module)) {
      findings.push({
        message: `the module's docstring says "${moduleClaim.phrase}", but nothing machine-readable does: add __stability__ = "${moduleClaim.level}" (Shipshape's Python standard, docs/api.md) so that the API report and tools know`,
        file,
        line: 1,
        column: 1,
        key: `module-claim:${moduleClaim.level}`,
      });
    }
    for (const definition of module.definitions) {
      if (definition.name.startsWith('_')) continue;
      const claim = claimedStability(definition.doc);
      if (!claim || markerOf(definition.decorators)) continue;
      findings.push({
        message: `"${definition.name}"'s docstring says "${claim.phrase}", but it carries no @${claim.level} marker: tools and the API report take it for stable public API; decorate it with @${claim.level} from the package's _stability module`,
        file,
        line: definition.line,
        column: definition.column,
        key: `claim:${definition.name}`,
      });
    }
  }
  return findings;
}

/** Every definition of the package marked experimental or internal, by name (a name defined twice must be marked in both). */
function markedNames(modules: Record<string, PythonStabilityModule>): Map<string, PythonStability> {
  const levels = new Map<string, Array<PythonStability | undefined>>();
  for (const module of Object.values(modules)) {
    if (module.error) continue;
    for (const definition of module.definitions) {
      const level =
        markerOf(definition.decorators) ?? moduleStability(module) ?? (definition.name.startsWith('_') ? 'internal' : undefined);
      levels.set(definition.name, [...(levels.get(definition.name) ?? []), level]);
    }
  }
  const marked = new Map<string, PythonStability>();
  for (const [name, found] of levels) {
    const first = found[0];
    if (first && found.every((l) => l === first)) marked.set(name, first);
  }
  return marked;
}

const rank: Record<PythonStability | 'stable', number> = { internal: 1, experimental: 2, stable: 3 };

async function incompatibleMarkers(project: ShipshapeProject): Promise<FindingInput[]> {
  const surface = await project.get(pythonStabilitySurface);
  const marked = markedNames(surface.modules);
  const findings: FindingInput[] = [];
  for (const { file, module } of await publicModules(project)) {
    for (const definition of module.definitions) {
      if (definition.name.startsWith('_')) continue;
      const own = markerOf(definition.decorators) ?? moduleStability(module) ?? 'stable';
      for (const reference of definition.references) {
        // An underscore name in a signature is a private helper type, which the naming convention already says.
        if (reference.startsWith('_')) continue;
        const level = marked.get(reference);
        if (!level || rank[level] >= rank[own]) continue;
        findings.push({
          message: `"${definition.name}" is ${own}, but its signature exposes "${reference}", which is marked @${level}: callers of the ${own} API depend on it; mark "${reference}" as ${own}, or "${definition.name}" @${level}`,
          file,
          line: definition.line,
          column: definition.column,
          key: `incompatible:${definition.name}:${reference}`,
        });
      }
    }
  }
  return findings;
}

async function internalInAll(project: ShipshapeProject): Promise<FindingInput[]> {
  const surface = await project.get(pythonStabilitySurface);
  const findings: FindingInput[] = [];
  for (const { file, module } of await publicModules(project)) {
    if (!module.all) continue;
    const own = new Map(module.definitions.map((d) => [d.name, d]));
    const marked = markedNames(surface.modules);
    for (const name of module.all) {
      if (/^__\w+__$/.test(name)) continue;
      const definition = own.get(name);
      const level = definition ? markerOf(definition.decorators) : marked.get(name);
      const underscore = name.startsWith('_');
      if (level !== 'internal' && !underscore) continue;
      findings.push({
        message: underscore
          ? `__all__ lists "${name}", whose leading underscore says it is internal: a star import and the API docs make it public; drop it from __all__, or rename it if it is public`
          : `__all__ lists "${name}", which is marked @internal: the module's public API includes it all the same; drop it from __all__, or mark it for what it is`,
        file,
        line: module.allLine ?? 1,
        column: 1,
        key: `internal-all:${name}`,
      });
    }
  }
  return findings;
}

export const pythonStabilityMarker = defineCheck({
  id: 'api/python-stability-marker',
  title: 'A Python name the docs call experimental or internal carries the marker',
  planItem: PLAN_ITEM,
  languages: ['python'],
  severity: 'warning',
  fixedBy: FIXED_BY,
  requires: [pythonStabilitySurface],
  description:
    "Shipshape's Python standard (docs/api.md): a public name (no underscore, in a public module) is stable unless marked; an experimental or internal one is decorated with @experimental / @internal from the package's typed _stability module (a module with __stability__ = \"experimental\"), next to PEP 702's @deprecated. A public class or function whose docstring says it is experimental, provisional or not part of the public API, without the marker, is reported: PEP 8's exemption written where no tool reads it.",
  run: unmarkedClaims,
});

export const pythonIncompatibleStability = defineCheck({
  id: 'api/python-incompatible-stability',
  title: 'A stable Python signature exposes only stable types',
  planItem: PLAN_ITEM,
  languages: ['python'],
  severity: 'warning',
  requires: [pythonStabilitySurface],
  description:
    "A stable public function or class whose annotations or bases reference a class of the package marked @experimental or @internal exposes it to every caller (the Python twin of api-extractor's ae-incompatible-release-tags); the same for an experimental one exposing an internal type.",
  run: incompatibleMarkers,
});

export const pythonInternalExport = defineCheck({
  id: 'api/python-internal-export',
  title: "No internal name in a public module's __all__",
  planItem: PLAN_ITEM,
  languages: ['python'],
  severity: 'warning',
  requires: [pythonStabilitySurface],
  description:
    "__all__ is the module's declared public API (PEP 8); a name marked @internal, or with a leading underscore, listed there is exported by star imports and documented as public by mkdocstrings. Dunder names (__version__) are not reported.",
  run: internalInAll,
});
