/** The ten-week maturity plan: every plan item a check can point at. */
export interface PlanItem {
  id: string;
  phase: 1 | 2 | 3 | 4 | 5;
  /** The area of the plan the item belongs to; `structure/...` ids start with it. */
  area: string;
  /** The phase package that sees, fixes and guards the item. */
  package: string;
  /** First and last week of the phase the item belongs to. */
  weeks: readonly [number, number];
  title: string;
}

const PHASE_WEEKS: Record<PlanItem['phase'], readonly [number, number]> = {
  1: [1, 2],
  2: [3, 4],
  3: [5, 6],
  4: [7, 8],
  5: [9, 10],
};

/** Areas whose items another area's package owns (API docs live with the API package). */
const PACKAGE_OF_AREA: Record<string, string> = { docs: 'api', gates: 'quality' };

function items(phase: PlanItem['phase'], area: string, entries: Array<[string, string]>): PlanItem[] {
  const owner = `@shipshape/${PACKAGE_OF_AREA[area] ?? area}`;
  return entries.map(([name, title]) => ({ id: `${area}/${name}`, phase, area, package: owner, weeks: PHASE_WEEKS[phase], title }));
}

export const PLAN_ITEMS: readonly PlanItem[] = [
  ...items(1, 'structure', [
    ['directory-layout', 'Audit directory layout'],
    ['barrels', 'Barrel files with proper exports'],
    ['boundaries', 'Public vs internal boundaries'],
    ['package-metadata', 'Complete package metadata'],
  ]),
  ...items(1, 'deps', [
    ['categorize', 'Categorize dependencies from real imports'],
    ['version-ranges', 'Version-range policy'],
    ['optional-groups', 'Optional dependency groups'],
    ['feature-detection', 'Feature detection for optional features'],
  ]),
  ...items(2, 'api', [
    ['type-annotations', 'Type annotations throughout'],
    ['explicit-exports', 'Explicit module exports'],
    ['stability-markers', 'API stability markers'],
    ['facades', 'Facades for consistency'],
    ['api-report', 'API report and breaking-change detection'],
  ]),
  ...items(2, 'docs', [
    ['docs-site', 'Documentation site'],
    ['docs-structure', 'Core docs structure'],
    ['architecture-diagrams', 'Architecture diagrams'],
    ['api-docs', 'Automatic API docs'],
  ]),
  ...items(3, 'quality', [
    ['coverage', 'Coverage above 90% with enforced thresholds'],
    ['property-tests', 'Property-based tests'],
    ['integration-tests', 'Integration tests for key flows'],
    ['benchmarks', 'Performance benchmarks with a stored baseline'],
  ]),
  ...items(3, 'gates', [
    ['ci', 'GitHub Actions CI'],
    ['pre-commit', 'Pre-commit hooks'],
    ['static-analysis', 'Static analysis'],
    ['security', 'Security scanning'],
  ]),
  ...items(4, 'release', [
    ['build-config', 'Build configuration'],
    ['semver', 'Semantic versioning from conventional commits'],
    ['release-automation', 'Release automation workflow'],
    ['channels', 'Distribution channels'],
  ]),
  ...items(4, 'plugins', [
    ['architecture', 'Plugin architecture'],
    ['discovery', 'Plugin discovery'],
    ['plugin-docs', 'Plugin development docs'],
  ]),
  ...items(5, 'launch', [
    ['tutorials', 'Tutorials'],
    ['docs-deployment', 'Documentation site deployment'],
    ['examples', 'Example projects built in CI'],
    ['quickstart', 'Quickstart'],
    ['community-files', 'Community files'],
    ['templates', 'Issue and PR templates'],
    ['announcement', 'Launch announcement draft'],
  ]),
];

export function findPlanItem(id: string): PlanItem | undefined {
  return PLAN_ITEMS.find((item) => item.id === id);
}

/** The phase packages a phase needs, in plan order. */
export function phasePackages(phase: PlanItem['phase']): string[] {
  return [...new Set(PLAN_ITEMS.filter((item) => item.phase === phase).map((item) => item.package))];
}
